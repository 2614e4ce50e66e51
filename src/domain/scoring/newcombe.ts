import { Z95 } from './constants';
import { wilsonInterval, type Interval } from './wilson';

/**
 * Newcombe's hybrid score interval for d = p₁ − p₂ (his method 10), built from the two Wilson
 * intervals; null when either side has no observations.
 */
export function newcombeDifference(p1: number, n1: number, p2: number, n2: number, z: number = Z95): Interval | null {
  const w1 = wilsonInterval(p1, n1, z);
  const w2 = wilsonInterval(p2, n2, z);
  if (w1 === null || w2 === null) return null;
  const d = p1 - p2;
  return {
    lower: d - Math.sqrt((p1 - w1.lower) ** 2 + (w2.upper - p2) ** 2),
    upper: d + Math.sqrt((w1.upper - p1) ** 2 + (p2 - w2.lower) ** 2),
  };
}

/** A change is real only when its interval leaves 0 out. */
export function excludesZero(interval: Interval | null): boolean {
  return interval !== null && (interval.lower > 0 || interval.upper < 0);
}
