import { getConfig, getRecomputeStatus } from '../../../../src/contracts/admin';
import type { Prefetch } from '../../app/view-chunks';

/** The configure page and project settings start with the configuration and the recompute status. */
export const prefetch: Prefetch = (client) => {
  client.prefetch(getConfig, {});
  client.prefetch(getRecomputeStatus, {});
};
