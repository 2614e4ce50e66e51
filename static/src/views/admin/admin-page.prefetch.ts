import type { getConfig, getRecomputeStatus, listScopeOptions } from '@contracts/admin';
import type { Prefetch } from '../../api/prefetch';

/** The configure page and project settings start with the configuration, the recompute status and the site's
 * projects, request types and priorities (names for the scopes). */
export const prefetch: Prefetch = (start) => {
  start<typeof getConfig>('getConfig', {});
  start<typeof getRecomputeStatus>('getRecomputeStatus', {});
  start<typeof listScopeOptions>('listScopeOptions', {});
};
