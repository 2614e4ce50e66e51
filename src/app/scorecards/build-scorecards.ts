/**
 * The project's XLA scorecards over a dashboard window, from rollup day summaries (O(days) rows,
 * 3 sequential round trips with the configuration) and the cached site priors (one document), never from a scan of tickets.
 */
import type { DashboardWindow } from './read-models';
import { bucketPerPeriod } from '../../domain/rollup';
import type { Scorecard } from '../../domain/scorecard';
import { buildScorecard, currentWindow, previousWindow } from '../../domain/scoring';
import { dayKeyOf } from '../../domain/time';
import { effectiveConfig } from '../configuration/effective-config';
import type { AppPorts } from '../ports';
import { cachedSitePriors } from './cached-site-priors';
import { coversProject, dashboardWindow } from './project-rollups';

export async function buildScorecards(ports: AppPorts, projectId: string, w: DashboardWindow): Promise<Scorecard[]> {
  const config = await effectiveConfig(ports);
  const today = dayKeyOf(ports.clock.now());
  const window = dashboardWindow(w);
  const xlas = config.xlas.filter((x) => coversProject(x, projectId));
  if (xlas.length === 0) return [];
  const [stored, priors] = await Promise.all([
    ports.rollups.bucketsIn({
      generation: config.rollups?.active ?? '',
      projectId,
      fromDay: previousWindow(window, today).from,
      toDay: currentWindow(window, today).to,
    }),
    cachedSitePriors(ports),
  ]);
  // One bucket per day, whether the day came as its summary or as its shards: the same scorecard.
  const buckets = bucketPerPeriod(stored.flatMap((b) => (b.bucket === null ? [] : [b.bucket])));
  // The site-wide μ of each XLA (refresh-site-priors.ts): one cached document, whatever the site's size.
  return xlas.map((xla) => buildScorecard({ ...xla, window }, buckets, today, { sitePriors: priors.get(xla.id) }));
}
