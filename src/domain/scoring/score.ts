import { AT_RISK_MARGIN, EFFECTIVE_N_SLACK, EXPERIENCE_SHARE, OPERATIONS_LIFT_CAP } from './constants';

/** score = 100·clamp((p̃ − F)/(T − F), 0, 1): the floor scores 0, the target and above 100. */
export function indicatorScore(smoothed: number, floor: number, target: number): number {
  const unit = (smoothed - floor) / (target - floor);
  return 100 * Math.min(1, Math.max(0, unit));
}

export interface WeightedScore {
  readonly weight: number;
  readonly score: number;
}

/** Weighted mean over the scores that exist; weights renormalise. Null when none carries weight. */
export function groupScore(items: ReadonlyArray<WeightedScore>): number | null {
  let weights = 0;
  let sum = 0;
  for (const item of items) {
    if (!(item.weight > 0)) continue;
    weights += item.weight;
    sum += item.weight * item.score;
  }
  return weights > 0 ? sum / weights : null;
}

/**
 * XLA = min(0.7·X + 0.3·O, X + 10): good operations lift a bad experience by at most 10 points.
 * Without X there is no XLA (O alone is "operational only").
 */
export function xlaScore(experience: number | null, operations: number | null): number | null {
  if (experience === null) return null;
  if (operations === null) return experience;
  return Math.min(
    EXPERIENCE_SHARE * experience + (1 - EXPERIENCE_SHARE) * operations,
    experience + OPERATIONS_LIFT_CAP,
  );
}

/** True when the lift cap, not the 70/30 blend, sets the XLA. */
export function isLiftCapped(experience: number, operations: number): boolean {
  return experience + OPERATIONS_LIFT_CAP < EXPERIENCE_SHARE * experience + (1 - EXPERIENCE_SHARE) * operations;
}

export const STATUS_BANDS = ['met', 'at-risk', 'breached', 'not-enough-data'] as const;
export type StatusBand = (typeof STATUS_BANDS)[number];

/** `sampleSize` is Σ n_eff over the X indicators; below `minSample` no number is given. */
export function statusBand(
  score: number | null,
  sampleSize: number,
  targetScore: number,
  minSample: number,
): StatusBand {
  if (score === null || sampleSize + EFFECTIVE_N_SLACK < minSample) return 'not-enough-data';
  if (score >= targetScore) return 'met';
  if (score >= targetScore - AT_RISK_MARGIN) return 'at-risk';
  return 'breached';
}

export const CONFIDENCE_LEVELS = ['none', 'low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export function confidenceOf(sampleSize: number): Confidence {
  if (!(sampleSize > 0)) return 'none';
  if (sampleSize + EFFECTIVE_N_SLACK < 5) return 'low';
  if (sampleSize + EFFECTIVE_N_SLACK < 30) return 'medium';
  return 'high';
}
