import { MAX_EMPIRICAL_STRENGTH, MIN_EMPIRICAL_STRENGTH } from './constants';
import { effectiveN, type RateAggregate } from './decay';

/** p̃ = (S + m·μ)/(N + m): small samples lean on the prior, large ones on themselves. */
export function smoothedRate(goodWeight: number, weight: number, prior: number, strength: number): number {
  const denom = weight + strength;
  return denom > 0 ? (goodWeight + strength * prior) / denom : prior;
}

/**
 * Empirical-Bayes strength m across segments by the method of moments: the spread of segment
 * rates beyond what sampling noise explains is the variance τ² of a beta prior, whose
 * α + β = μ(1−μ)/τ² − 1 is m. Null when fewer than two segments have data (nothing to compare).
 * No excess spread means segments look alike, so shrink as hard as allowed.
 */
export function empiricalBayesStrength(segments: ReadonlyArray<RateAggregate>): number | null {
  const observed = segments.filter((s) => s.weight > 0);
  if (observed.length < 2) return null;
  const total = observed.reduce((acc, s) => acc + s.weight, 0);
  const mean = observed.reduce((acc, s) => acc + s.goodWeight, 0) / total;
  const spread = mean * (1 - mean);
  if (!(spread > 0)) return MAX_EMPIRICAL_STRENGTH;
  let between = 0;
  let noise = 0;
  for (const s of observed) {
    const rate = s.goodWeight / s.weight;
    between += s.weight * (rate - mean) ** 2;
    noise += (s.weight * spread) / effectiveN(s);
  }
  const tau2 = (between - noise) / total;
  if (!(tau2 > 0)) return MAX_EMPIRICAL_STRENGTH;
  const m = spread / tau2 - 1;
  return Math.min(MAX_EMPIRICAL_STRENGTH, Math.max(MIN_EMPIRICAL_STRENGTH, m));
}
