import { getConfig, getRecomputeStatus, listScopeOptions } from '@contracts/admin';
import type { Prefetch } from '../../api/prefetch';

/** The configure page and project settings start with the configuration, the recompute status and the site's
 * projects, request types and priorities (names for the scopes). */
export const prefetch: Prefetch = (client) => {
  client.prefetch(getConfig, {});
  client.prefetch(getRecomputeStatus, {});
  client.prefetch(listScopeOptions, {});
};
