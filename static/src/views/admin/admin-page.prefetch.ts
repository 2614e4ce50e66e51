import { getConfig, getRecomputeStatus } from '@contracts/admin';
import type { Prefetch } from '../../api/prefetch';

/** The configure page and project settings start with the configuration and the recompute status. */
export const prefetch: Prefetch = (client) => {
  client.prefetch(getConfig, {});
  client.prefetch(getRecomputeStatus, {});
};
