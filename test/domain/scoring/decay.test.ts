import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/domain/time';
import {
  MAX_EMPIRICAL_STRENGTH,
  MIN_EMPIRICAL_STRENGTH,
  aggregateRate,
  decayWeight,
  decayedRate,
  effectiveN,
  empiricalBayesStrength,
  indicatorScore,
  smoothedRate,
  type RateAggregate,
} from '../../../src/domain/scoring';

const TODAY = '2026-05-20';

function counts(good: number, total: number): RateAggregate {
  return aggregateRate([{ day: TODAY, good, total }], TODAY);
}

describe('decay (SCORING.md §2.1)', () => {
  it('weighs an observation 2^(−age/H): 1 today, ½ after one half-life, ¼ after two', () => {
    expect(decayWeight(0, 30)).toBe(1);
    expect(decayWeight(30, 30)).toBe(0.5);
    expect(decayWeight(60, 30)).toBe(0.25);
  });

  it('clamps a negative age (a day after today) to 0', () => {
    expect(decayWeight(-3, 30)).toBe(1);
  });

  it('gives good at age 0 + bad at age 30 the rate 0.6666666667 and n_eff 1.8', () => {
    const agg = aggregateRate(
      [
        { day: TODAY, good: 1, total: 1 },
        { day: addDays(TODAY, -30), good: 0, total: 1 },
      ],
      TODAY,
      30,
    );
    expect(decayedRate(agg)).toBeCloseTo(0.6666666667, 9);
    expect(effectiveN(agg)).toBeCloseTo(1.8, 9);
    expect(smoothedRate(agg.goodWeight, agg.weight, 0.8, 10)).toBeCloseTo(0.7826086957, 9);
  });

  it('drops observations older than 180 days and keeps one exactly 180 days old', () => {
    const agg = aggregateRate(
      [
        { day: addDays(TODAY, -180), good: 1, total: 1 },
        { day: addDays(TODAY, -181), good: 0, total: 4 },
      ],
      TODAY,
    );
    expect(agg.count).toBe(1);
    expect(decayedRate(agg)).toBe(1);
  });

  it('has no rate (null, never 0) and n_eff 0 without observations', () => {
    const agg = aggregateRate([], TODAY);
    expect(decayedRate(agg)).toBeNull();
    expect(effectiveN(agg)).toBe(0);
  });

  it('gives undecayed counts n_eff = n', () => {
    expect(effectiveN(counts(4, 5))).toBeCloseTo(5, 12);
  });
});

describe('smoothing (SCORING.md §2.2, μ 0.8, m 10)', () => {
  const cases: Array<[number, number, number]> = [
    [1, 1, 0.8181818182],
    [5, 5, 0.8666666667],
    [45, 50, 0.8833333333],
  ];
  for (const [good, total, expected] of cases) {
    it(`smooths ${good}/${total} to ${expected}`, () => {
      expect(smoothedRate(good, total, 0.8, 10)).toBeCloseTo(expected, 9);
    });
  }

  it('falls back to the prior when there is neither data nor strength', () => {
    expect(smoothedRate(0, 0, 0.8, 0)).toBe(0.8);
  });
});

describe('empirical-Bayes strength across segments (SCORING.md §2.2)', () => {
  it('needs at least two segments with data', () => {
    expect(empiricalBayesStrength([counts(5, 10)])).toBeNull();
    expect(empiricalBayesStrength([counts(5, 10), aggregateRate([], TODAY)])).toBeNull();
  });

  it('shrinks as hard as allowed (100) when segments differ no more than noise explains', () => {
    expect(empiricalBayesStrength([counts(8, 10), counts(8, 10), counts(16, 20)])).toBe(MAX_EMPIRICAL_STRENGTH);
  });

  it('shrinks little (down to 2) when segments differ far beyond noise', () => {
    expect(empiricalBayesStrength([counts(1, 1000), counts(999, 1000)])).toBe(MIN_EMPIRICAL_STRENGTH);
  });

  it('estimates m = μ(1−μ)/τ² − 1 by the method of moments in between', () => {
    // Rates 0.6 and 0.9 on 100 each: μ 0.75, between-variance 0.0225, noise 0.1875/100.
    const tau2 = 0.0225 - 0.001875;
    expect(empiricalBayesStrength([counts(60, 100), counts(90, 100)])).toBeCloseTo(0.1875 / tau2 - 1, 9);
  });
});

describe('indicator score (SCORING.md §2.4)', () => {
  it('maps p̃ 0.8 with F 0.5 and T 0.9 to 75', () => {
    expect(indicatorScore(0.8, 0.5, 0.9)).toBeCloseTo(75, 9);
  });

  it('clamps below the floor to 0 and above the target to 100', () => {
    expect(indicatorScore(0.3, 0.5, 0.9)).toBe(0);
    expect(indicatorScore(0.95, 0.5, 0.9)).toBe(100);
  });
});
