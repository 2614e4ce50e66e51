import { ageInDays, type DayKey } from '../time';
import { DEFAULT_HALF_LIFE_DAYS, MAX_AGE_DAYS } from './constants';

/** Integer counts of one day: `good` of `total` tickets had a good outcome. */
export interface DayCount {
  readonly day: DayKey;
  readonly good: number;
  readonly total: number;
}

/**
 * The decayed sums of SCORING.md §2.1. Raw counts ride along because the scorecard shows them
 * beside the weighted figures.
 */
export interface RateAggregate {
  readonly count: number;
  readonly goodCount: number;
  /** N = Σ w */
  readonly weight: number;
  /** S = Σ w·good */
  readonly goodWeight: number;
  /** Σ w², for Kish's effective n. */
  readonly squaredWeight: number;
}

export const EMPTY_AGGREGATE: RateAggregate = { count: 0, goodCount: 0, weight: 0, goodWeight: 0, squaredWeight: 0 };

/** w = 2^(−age/H); a day in the future (clock skew) weighs as today. */
export function decayWeight(ageDays: number, halfLifeDays: number = DEFAULT_HALF_LIFE_DAYS): number {
  return Math.pow(2, -Math.max(0, ageDays) / halfLifeDays);
}

/**
 * Folds daily counts into decayed sums as seen from `today`. Buckets hold counts, so a bucket's
 * weight is applied here, at read time: every ticket of a day shares that day's weight.
 */
export function aggregateRate(
  counts: Iterable<DayCount>,
  today: DayKey,
  halfLifeDays: number = DEFAULT_HALF_LIFE_DAYS,
): RateAggregate {
  let count = 0;
  let goodCount = 0;
  let weight = 0;
  let goodWeight = 0;
  let squaredWeight = 0;
  for (const c of counts) {
    if (c.total <= 0) continue;
    const age = ageInDays(c.day, today);
    if (age > MAX_AGE_DAYS) continue;
    const w = decayWeight(age, halfLifeDays);
    count += c.total;
    goodCount += c.good;
    weight += w * c.total;
    goodWeight += w * c.good;
    squaredWeight += w * w * c.total;
  }
  return { count, goodCount, weight, goodWeight, squaredWeight };
}

export function mergeAggregates(a: RateAggregate, b: RateAggregate): RateAggregate {
  return {
    count: a.count + b.count,
    goodCount: a.goodCount + b.goodCount,
    weight: a.weight + b.weight,
    goodWeight: a.goodWeight + b.goodWeight,
    squaredWeight: a.squaredWeight + b.squaredWeight,
  };
}

/** S/N, or null when nothing was observed (never 0). */
export function decayedRate(agg: RateAggregate): number | null {
  return agg.weight > 0 ? agg.goodWeight / agg.weight : null;
}

/** Kish: n_eff = N²/Σw²; 0 when nothing was observed. */
export function effectiveN(agg: RateAggregate): number {
  return agg.squaredWeight > 0 ? (agg.weight * agg.weight) / agg.squaredWeight : 0;
}
