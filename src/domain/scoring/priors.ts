import { INDICATOR_DEFAULTS, INDICATOR_IDS, type IndicatorId, type IndicatorSpec } from '../indicator';
import { bucketCells, cellDay, cellSlot, cellValues, cellXla, type RollupBucket } from '../rollup';
import type { DayKey } from '../time';
import { DEFAULT_HALF_LIFE_DAYS, EFFECTIVE_N_SLACK, SITE_PRIOR_MIN_EFFECTIVE_N } from './constants';
import {
  aggregateRate,
  decayedRate,
  EMPTY_AGGREGATE,
  effectiveN,
  mergeAggregates,
  type DayCount,
  type RateAggregate,
} from './decay';

export type PriorSource = 'site' | 'default';

export interface SitePrior {
  /** The μ to smooth toward. */
  readonly mu: number;
  readonly source: PriorSource;
  /** The site-wide decayed rate over 180 days, whether or not it was trusted. */
  readonly rate: number | null;
  readonly nEff: number;
}
export type SitePriors = Readonly<Record<IndicatorId, SitePrior>>;

export interface SitePriorOptions {
  /**
   * Whose cells stand for the site. A ticket under several XLAs has a cell in each, so pooling
   * every XLA counts it several times; pass the widest XLA to count each ticket once.
   */
  readonly xlaId?: string;
  readonly halfLifeDays?: number;
  /** μ when the site-wide rate rests on too little; SCORING.md §2 defaults otherwise. */
  readonly defaults?: Partial<Record<IndicatorId, number>>;
}

/** The decayed sums per indicator behind the site-wide μ: additive, so projects can be folded one at a time. */
export type SiteAggregates = Readonly<Record<IndicatorId, RateAggregate>>;

export const EMPTY_SITE_AGGREGATES: SiteAggregates = Object.fromEntries(
  INDICATOR_IDS.map((id) => [id, EMPTY_AGGREGATE]),
) as Record<IndicatorId, RateAggregate>;

/**
 * The decayed sums of some buckets as seen from `today` (ages over 180 days dropped). Summing the
 * result of disjoint bucket sets with `mergeSiteAggregates` equals aggregating them all at once.
 */
export function siteAggregates(
  buckets: ReadonlyArray<RollupBucket>,
  today: DayKey,
  options: Pick<SitePriorOptions, 'xlaId' | 'halfLifeDays'> = {},
): SiteAggregates {
  const counts = new Map<IndicatorId, DayCount[]>();
  for (const bucket of buckets) {
    for (const cell of bucketCells(bucket)) {
      if (options.xlaId !== undefined && cellXla(cell) !== options.xlaId) continue;
      const slot = cellSlot(cell);
      if (!(INDICATOR_IDS as readonly string[]).includes(slot)) continue;
      const [good = 0, total = 0] = cellValues(cell);
      if (!(total > 0 && good >= 0 && good <= total)) continue;
      const list = counts.get(slot as IndicatorId) ?? [];
      list.push({ day: cellDay(cell), good, total });
      counts.set(slot as IndicatorId, list);
    }
  }
  const entries = INDICATOR_IDS.map((id) => [
    id,
    aggregateRate(counts.get(id) ?? [], today, options.halfLifeDays ?? DEFAULT_HALF_LIFE_DAYS),
  ]);
  return Object.fromEntries(entries) as Record<IndicatorId, RateAggregate>;
}

export function mergeSiteAggregates(a: SiteAggregates, b: SiteAggregates): SiteAggregates {
  const entries = INDICATOR_IDS.map((id) => [id, mergeAggregates(a[id], b[id])]);
  return Object.fromEntries(entries) as Record<IndicatorId, RateAggregate>;
}

/** The μ per indicator from site-wide sums: the decayed rate once it rests on n_eff ≥ 30, else the default. */
export function priorsFromAggregates(
  sums: SiteAggregates,
  options: Pick<SitePriorOptions, 'defaults'> = {},
): SitePriors {
  const entries = INDICATOR_IDS.map((id): [IndicatorId, SitePrior] => {
    const agg = sums[id];
    const rate = decayedRate(agg);
    const nEff = effectiveN(agg);
    const fallback = options.defaults?.[id] ?? INDICATOR_DEFAULTS[id].prior;
    const trusted = rate !== null && nEff + EFFECTIVE_N_SLACK >= SITE_PRIOR_MIN_EFFECTIVE_N;
    return [id, { mu: trusted ? rate : fallback, source: trusted ? 'site' : 'default', rate, nEff }];
  });
  return Object.fromEntries(entries) as Record<IndicatorId, SitePrior>;
}

/**
 * The site-wide μ per indicator (SCORING.md §2.2): the decayed rate over the last 180 days of the
 * buckets given (every project), trusted once it rests on n_eff ≥ 30. Cheap to cache: it moves
 * slowly, so a daily job can compute it once for every scorecard (src/app/site-priors.ts folds
 * one project at a time with `siteAggregates` + `mergeSiteAggregates`).
 */
export function sitePriors(
  buckets: ReadonlyArray<RollupBucket>,
  today: DayKey,
  options: SitePriorOptions = {},
): SitePriors {
  return priorsFromAggregates(siteAggregates(buckets, today, options), options);
}

/** μ for one XI of an XLA: the trusted site-wide rate, else the XI's configured prior. */
export function priorFor(spec: IndicatorSpec, site: SitePriors | undefined): { mu: number; source: PriorSource } {
  const entry = site?.[spec.id];
  return entry !== undefined && entry.source === 'site'
    ? { mu: entry.mu, source: 'site' }
    : { mu: spec.prior, source: 'default' };
}
