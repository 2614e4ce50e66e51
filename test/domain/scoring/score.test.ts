import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { confidenceOf, groupScore, statusBand, watermelon, xlaScore } from '../../../src/domain/scoring';

describe('XLA score (SCORING.md §3)', () => {
  it('renormalises group weights over the scores that exist', () => {
    expect(groupScore([{ weight: 0.6, score: 50 }])).toBe(50);
    expect(
      groupScore([
        { weight: 0.6, score: 50 },
        { weight: 0.4, score: 100 },
      ]),
    ).toBeCloseTo(70, 12);
    expect(groupScore([])).toBeNull();
    expect(groupScore([{ weight: 0, score: 80 }])).toBeNull();
  });

  it('blends 0.7·X + 0.3·O when both exist', () => {
    expect(xlaScore(80, 60)).toBeCloseTo(74, 12);
  });

  it('lets good operations lift a bad experience by at most 10 points', () => {
    expect(xlaScore(0, 100)).toBe(10);
  });

  it('is X alone without O, and null (never 0) without X', () => {
    expect(xlaScore(42, null)).toBe(42);
    expect(xlaScore(null, 95)).toBeNull();
  });

  it('never exceeds X + 10', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (x, o) => {
          const score = xlaScore(x, o);
          expect(score).not.toBeNull();
          expect(score ?? Infinity).toBeLessThanOrEqual(x + 10);
        },
      ),
    );
  });

  it('bands met ≥ target, at risk ≥ target − 20, breached below', () => {
    expect(statusBand(80, 10, 80, 5)).toBe('met');
    expect(statusBand(60, 10, 80, 5)).toBe('at-risk');
    expect(statusBand(59.99, 10, 80, 5)).toBe('breached');
  });

  it('says "not enough data" when Σ n_eff over X is below the minimum sample, or there is no XLA', () => {
    expect(statusBand(95, 4.99, 80, 5)).toBe('not-enough-data');
    expect(statusBand(null, 50, 80, 5)).toBe('not-enough-data');
  });

  it('counts n_eff that misses the minimum sample only by rounding as enough', () => {
    // Kish's n_eff of 5 equally decayed tickets can come out as 4.999999999999999.
    expect(statusBand(90, 5 - 1e-12, 80, 5)).toBe('met');
  });

  it('grades confidence none 0, low < 5, medium < 30, high ≥ 30', () => {
    expect(confidenceOf(0)).toBe('none');
    expect(confidenceOf(4.9)).toBe('low');
    expect(confidenceOf(5)).toBe('medium');
    expect(confidenceOf(29.9)).toBe('medium');
    expect(confidenceOf(30)).toBe('high');
  });
});

describe('watermelon (SCORING.md §3)', () => {
  it('flags O ≥ 80 while the upper csat bound is below 0.70', () => {
    expect(watermelon({ operations: 80, csatUpper: 0.69, sentimentUpper: null }).flagged).toBe(true);
    expect(watermelon({ operations: 79.9, csatUpper: 0.69, sentimentUpper: null }).flagged).toBe(false);
    expect(watermelon({ operations: 100, csatUpper: 0.7, sentimentUpper: null }).flagged).toBe(false);
  });

  it('judges by csat when it exists, even if sentiment would flag', () => {
    expect(watermelon({ operations: 90, csatUpper: 0.8, sentimentUpper: 0.5 })).toEqual({
      flagged: false,
      basis: 'csat',
      upper: 0.8,
      threshold: 0.7,
    });
  });

  it('falls back to the sentiment upper bound below 0.75 without csat', () => {
    expect(watermelon({ operations: 90, csatUpper: null, sentimentUpper: 0.74 })).toEqual({
      flagged: true,
      basis: 'sentiment',
      upper: 0.74,
      threshold: 0.75,
    });
  });

  it('flags nothing without operations or experience data', () => {
    expect(watermelon({ operations: null, csatUpper: 0.1, sentimentUpper: null }).flagged).toBe(false);
    expect(watermelon({ operations: 100, csatUpper: null, sentimentUpper: null })).toEqual({
      flagged: false,
      basis: null,
      upper: null,
      threshold: null,
    });
  });
});
