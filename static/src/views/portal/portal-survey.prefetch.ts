import type { getMyAsk } from '@contracts/portal';
import type { Prefetch } from '../../api/prefetch';

/** The portal panel starts with the requester's ask on this request. */
export const prefetch: Prefetch = (start, context) =>
  start<typeof getMyAsk>('getMyAsk', context.locale === undefined ? {} : { locale: context.locale });
