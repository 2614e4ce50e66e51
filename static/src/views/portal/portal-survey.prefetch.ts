import { getMyAsk } from '../../../../src/contracts/portal';
import type { Prefetch } from '../../app/view-chunks';

/** The portal panel starts with the requester's ask on this request. */
export const prefetch: Prefetch = (client) => client.prefetch(getMyAsk, {});
