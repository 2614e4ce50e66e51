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
export const prefetch: Prefetch = (start, context) => {
  const window = DEFAULT_WINDOW;
  start<typeof getScorecards>('getScorecards', { window });
  start<typeof getWatermelon>('getWatermelon', { window });
  start<typeof getAtRiskTickets>('getAtRiskTickets', {});
  start<typeof getVerbatims>(
    'getVerbatims',
    context.locale === undefined ? { window } : { window, locale: context.locale },
  );
  start<typeof getResponseStats>('getResponseStats', { window });
};
