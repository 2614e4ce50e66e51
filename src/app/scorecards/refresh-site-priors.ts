/**
 * Site-wide priors (SCORING.md §2.2): μ of each indicator is the site's own decayed rate over 180
 * days once it rests on n_eff ≥ 30, else the XLA's default. Rollups are stored per project, so the
 * site-wide view folds one project at a time: the hourly job reads at most
 * PRIOR_PROJECTS_PER_RUN projects' 180 days of buckets (O(days × shards) each, never O(tickets)),
 * adds their decayed sums into a running total kept in the `site-priors` document, and on the
 * last project turns the totals into priors stamped with the day. A finished document is not
 * recomputed until the day or the active rollup generation changes, so priors move at most daily.
 *
 * Dashboards read the finished priors as one document (`cachedSitePriors`, cached-site-priors.ts): their cost does not
 * grow with tickets or projects.
 */
import {
  EMPTY_SITE_AGGREGATES,
  MAX_AGE_DAYS,
  mergeSiteAggregates,
  priorsFromAggregates,
  siteAggregates,
  type SiteAggregates,
} from '../../domain/scoring';
import { addDays, dayKeyOf } from '../../domain/time';
import { WriteConflict } from '../errors';
import { effectiveConfig } from '../configuration/effective-config';
import type { AppPorts } from '../ports';
import type { SitePriorsState } from './site-priors-state';

/** Projects folded per hourly run: each costs ⌈181 days × 8 shards / 100⌉ = 15 query pages at most. */
export const PRIOR_PROJECTS_PER_RUN = 25;

const EMPTY_STATE: SitePriorsState = { day: null, generation: '', computedAt: null, projects: 0, byXla: {}, run: null };

export type PriorsRefresh =
  | { readonly state: 'fresh' }
  | { readonly state: 'in-progress'; readonly projects: number }
  | { readonly state: 'computed'; readonly projects: number }
  /** Another run saved first; it owns this step. */
  | { readonly state: 'superseded' };

/**
 * One bounded step of the daily priors computation (the hourly job calls it).
 * @throws TransientError when storage is rate limiting; the next hour resumes from the saved cursor
 */
export async function refreshSitePriors(
  ports: AppPorts,
  options: { readonly maxProjects?: number } = {},
): Promise<PriorsRefresh> {
  const config = await effectiveConfig(ports);
  const today = dayKeyOf(ports.clock.now());
  const generation = config.rollups?.active ?? '';
  const stored = await ports.documents.getDoc('site-priors');
  const state = stored?.value ?? EMPTY_STATE;
  if (state.day === today && state.generation === generation) return { state: 'fresh' };

  const xlas = config.xlas.filter((x) => x.enabled);
  // A run of an earlier day or generation is discarded: its sums are decayed to another "today".
  let run =
    state.run !== null && state.run.day === today && state.run.generation === generation
      ? state.run
      : { day: today, generation, cursor: null, projects: 0, sums: {} };
  const fromDay = addDays(today, -MAX_AGE_DAYS);
  const budget = options.maxProjects ?? PRIOR_PROJECTS_PER_RUN;
  let folded = 0;
  let finished = false;
  while (folded < budget) {
    const page = await ports.rollups.projectsSeen(run.cursor, budget - folded);
    const sums: Record<string, SiteAggregates> = { ...run.sums };
    for (const projectId of page.items) {
      const stored = await ports.rollups.bucketsIn({ generation, projectId, fromDay, toDay: today });
      const buckets = stored.flatMap((b) => (b.bucket === null ? [] : [b.bucket]));
      for (const xla of xlas) {
        sums[xla.id] = mergeSiteAggregates(
          sums[xla.id] ?? EMPTY_SITE_AGGREGATES,
          siteAggregates(buckets, today, { xlaId: xla.id, halfLifeDays: xla.halfLifeDays }),
        );
      }
    }
    folded += page.items.length;
    run = { ...run, cursor: page.cursor, projects: run.projects + page.items.length, sums };
    if (page.cursor === null) {
      finished = true;
      break;
    }
  }

  const next: SitePriorsState = finished
    ? {
        day: today,
        generation,
        computedAt: ports.clock.now(),
        projects: run.projects,
        byXla: Object.fromEntries(
          xlas.map((xla) => [xla.id, priorsFromAggregates(run.sums[xla.id] ?? EMPTY_SITE_AGGREGATES)]),
        ),
        run: null,
      }
    : { ...state, run };
  try {
    await ports.documents.putDoc('site-priors', next, stored?.rev ?? 0);
  } catch (e) {
    if (e instanceof WriteConflict) return { state: 'superseded' };
    throw e;
  }
  return finished ? { state: 'computed', projects: run.projects } : { state: 'in-progress', projects: run.projects };
}
