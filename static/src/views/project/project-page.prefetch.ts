import type {
  getAtRiskTickets,
  getResponseStats,
  getScorecards,
  getVerbatims,
  getWatermelon,
} from '@contracts/project';
import type { Prefetch } from '../../api/prefetch';
import { DEFAULT_WINDOW } from './window-choice';

/** The project page's first round: every section's call for the default window (project-page.tsx). */
export const prefetch: Prefetch = (start) => {
  const window = DEFAULT_WINDOW;
  start<typeof getScorecards>('getScorecards', { window });
  start<typeof getWatermelon>('getWatermelon', { window });
  start<typeof getAtRiskTickets>('getAtRiskTickets', {});
  start<typeof getVerbatims>('getVerbatims', { window });
  start<typeof getResponseStats>('getResponseStats', { window });
};
