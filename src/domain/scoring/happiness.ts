import { Z95 } from './constants';
import type { Interval } from './wilson';

export interface HappinessCounts {
  /** Answers 9–10. */
  readonly promoters: number;
  /** Answers 7–8. */
  readonly passives: number;
  /** Answers 0–6. */
  readonly detractors: number;
}

export interface Happiness extends HappinessCounts {
  readonly n: number;
  /** H = 100·(%9–10 − %0–6), in −100..100. */
  readonly score: number;
  /** Plain Wald standard error of H, in points; shown for reference, not used for the interval. */
  readonly waldStandardError: number;
  /** Adjusted Wald (add ¾ to each side, 3 to n): keeps a sensible width at 0 or 100. */
  readonly interval: Interval;
}

/** Null without answers: a happiness of 0 would read as "neutral". */
export function happiness(counts: HappinessCounts, z: number = Z95): Happiness | null {
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  if (!(n > 0)) return null;
  const p = promoters / n;
  const d = detractors / n;
  const waldStandardError = 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
  const n2 = n + 3;
  const p2 = (promoters + 0.75) / n2;
  const d2 = (detractors + 0.75) / n2;
  const se2 = Math.sqrt((p2 + d2 - (p2 - d2) ** 2) / n2);
  const clamp = (v: number): number => 100 * Math.min(1, Math.max(-1, v));
  return {
    promoters,
    passives,
    detractors,
    n,
    score: 100 * (p - d),
    waldStandardError,
    interval: { lower: clamp(p2 - d2 - z * se2), upper: clamp(p2 - d2 + z * se2) },
  };
}

/** Splits a 0..10 answer histogram (index = score) into promoters, passives and detractors. */
export function happinessCountsOf(histogram: ReadonlyArray<number>): HappinessCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  histogram.forEach((count, score) => {
    if (score >= 9) promoters += count;
    else if (score >= 7) passives += count;
    else detractors += count;
  });
  return { promoters, passives, detractors };
}
