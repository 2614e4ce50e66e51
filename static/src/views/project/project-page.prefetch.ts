import { getAtRiskTickets, getResponseStats, getScorecards, getVerbatims, getWatermelon } from '@contracts/project';
import type { Prefetch } from '../../api/prefetch';
import { DEFAULT_WINDOW } from './window-choice';

/** The project page's first round: every section's call for the default window (project-page.tsx). */
export const prefetch: Prefetch = (client) => {
  const window = DEFAULT_WINDOW;
  client.prefetch(getScorecards, { window });
  client.prefetch(getWatermelon, { window });
  client.prefetch(getAtRiskTickets, {});
  client.prefetch(getVerbatims, { window });
  client.prefetch(getResponseStats, { window });
};
