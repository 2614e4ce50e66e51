import { describe, expect, it } from 'vitest';
import { excludesZero, newcombeDifference } from '../../../src/domain/scoring';

describe('Newcombe hybrid interval of a difference (SCORING.md §3, §5)', () => {
  const published: Array<[number, number, number, number, number, number]> = [
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
  ];
  for (const [x1, n1, x2, n2, lower, upper] of published) {
    it(`gives ${x1}/${n1} vs ${x2}/${n2} the interval [${lower}, ${upper}]`, () => {
      const interval = newcombeDifference(x1 / n1, n1, x2 / n2, n2);
      expect(interval?.lower).toBeCloseTo(lower, 4);
      expect(interval?.upper).toBeCloseTo(upper, 4);
    });
  }

  it('calls 56/70 vs 48/80 a real change and 5/56 vs 0/29 not', () => {
    expect(excludesZero(newcombeDifference(56 / 70, 70, 48 / 80, 80))).toBe(true);
    expect(excludesZero(newcombeDifference(5 / 56, 56, 0, 29))).toBe(false);
  });

  it('gives no interval when either window has no observations', () => {
    expect(newcombeDifference(0.5, 10, 0, 0)).toBeNull();
    expect(newcombeDifference(0, 0, 0.5, 10)).toBeNull();
    expect(excludesZero(null)).toBe(false);
  });
});
