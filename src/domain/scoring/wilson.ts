import { Z95 } from './constants';

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

function clampUnit(v: number): number {
  return Math.min(1, Math.max(0, v));
}

/**
 * Wilson score interval for a rate observed on n (possibly fractional: an effective n). n = 0 has
 * no interval at all, so callers cannot mistake "no data" for [0, 0].
 */
export function wilsonInterval(rate: number, n: number, z: number = Z95): Interval | null {
  if (!(n > 0) || !Number.isFinite(rate)) return null;
  const p = clampUnit(rate);
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Mathematically lower ≤ p̂ ≤ upper, with equality at p̂ ∈ {0, 1}; pin those so rounding never
  // puts p̂ outside its own interval.
  const lower = p === 0 ? 0 : Math.min(p, clampUnit(centre - half));
  const upper = p === 1 ? 1 : Math.max(p, clampUnit(centre + half));
  return { lower, upper };
}

/** Wilson for x successes of n trials. */
export function wilsonCounts(x: number, n: number, z: number = Z95): Interval | null {
  return n > 0 ? wilsonInterval(x / n, n, z) : null;
}
