import { WATERMELON_CSAT_UPPER, WATERMELON_OPERATIONS_MIN, WATERMELON_SENTIMENT_UPPER } from './constants';

export interface WatermelonInput {
  /** The O group score. */
  readonly operations: number | null;
  /** Upper Wilson bound of csat, null when csat has no observations. */
  readonly csatUpper: number | null;
  readonly sentimentUpper: number | null;
}

export interface WatermelonVerdict {
  readonly flagged: boolean;
  /** Which experience indicator the verdict rests on. */
  readonly basis: 'csat' | 'sentiment' | null;
  readonly upper: number | null;
  readonly threshold: number | null;
}

/**
 * Green outside, red inside: operations look fine while even the optimistic end of the
 * experience interval is poor. Using the upper bound means a few bad answers are not enough.
 */
export function watermelon(input: WatermelonInput): WatermelonVerdict {
  const basis = input.csatUpper !== null ? 'csat' : input.sentimentUpper !== null ? 'sentiment' : null;
  const upper = basis === 'csat' ? input.csatUpper : basis === 'sentiment' ? input.sentimentUpper : null;
  const threshold =
    basis === 'csat' ? WATERMELON_CSAT_UPPER : basis === 'sentiment' ? WATERMELON_SENTIMENT_UPPER : null;
  const flagged =
    input.operations !== null &&
    input.operations >= WATERMELON_OPERATIONS_MIN &&
    upper !== null &&
    threshold !== null &&
    upper < threshold;
  return { flagged, basis, upper, threshold };
}
