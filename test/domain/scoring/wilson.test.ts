import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Z95, wilsonCounts, wilsonInterval } from '../../../src/domain/scoring';

describe('Wilson 95% interval (SCORING.md §2.3, §5)', () => {
  it('uses z = Φ⁻¹(0.975) = 1.959963984540054', () => {
    expect(Z95).toBe(1.959963984540054);
  });

  const computed: Array<[number, number, number, number]> = [
    [5, 5, 0.5655175352, 1],
    [0, 5, 0, 0.4344824648],
    [1, 1, 0.2065493144, 1],
    [0, 1, 0, 0.7934506856],
    [8, 10, 0.4901624715, 0.9433178485],
    [45, 50, 0.7863976856, 0.9565242351],
    [50, 100, 0.4038315304, 0.5961684696],
  ];
  for (const [x, n, lower, upper] of computed) {
    it(`gives ${x}/${n} the Wilson interval [${lower}, ${upper}]`, () => {
      const interval = wilsonCounts(x, n);
      expect(interval?.lower).toBeCloseTo(lower, 9);
      expect(interval?.upper).toBeCloseTo(upper, 9);
    });
  }

  it('gives 0/10 the published upper bound 0.2775 (Newcombe 1998)', () => {
    expect(wilsonCounts(0, 10)?.upper).toBeCloseTo(0.2775, 4);
    expect(wilsonCounts(0, 10)?.lower).toBe(0);
  });

  it('gives 81/263 the published interval [0.2553, 0.3662] (Newcombe 1998)', () => {
    const interval = wilsonCounts(81, 263);
    expect(interval?.lower).toBeCloseTo(0.2553, 4);
    expect(interval?.upper).toBeCloseTo(0.3662, 4);
  });

  it('gives 0/0 no interval (null), never [0, 0]', () => {
    expect(wilsonCounts(0, 0)).toBeNull();
    expect(wilsonInterval(0.5, 0)).toBeNull();
  });

  it('takes a fractional effective n, as the decayed rate needs', () => {
    // n_eff 1.8 at rate 2/3 sits between 1 and 2 observations.
    const interval = wilsonInterval(2 / 3, 1.8);
    expect(interval).not.toBeNull();
    expect(interval?.lower).toBeGreaterThan(0);
    expect(interval?.upper).toBeLessThan(1);
  });

  it('keeps its bounds in [0, 1] and around p̂, for any x of n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, u) => {
        const x = Math.floor(u * n);
        const p = x / n;
        const interval = wilsonCounts(x, n);
        expect(interval).not.toBeNull();
        if (interval === null) return;
        expect(interval.lower).toBeGreaterThanOrEqual(0);
        expect(interval.upper).toBeLessThanOrEqual(1);
        expect(interval.lower).toBeLessThanOrEqual(p);
        expect(interval.upper).toBeGreaterThanOrEqual(p);
      }),
    );
  });

  it('keeps its bounds in [0, 1] and around p̂ for any rate and fractional n', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 1e6, noNaN: true }),
        (p, n) => {
          const interval = wilsonInterval(p, n);
          expect(interval).not.toBeNull();
          if (interval === null) return;
          expect(0 <= interval.lower && interval.lower <= p && p <= interval.upper && interval.upper <= 1).toBe(true);
        },
      ),
    );
  });

  it('narrows as n grows at the same p̂', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 2, max: 50 }),
        (n, xRaw, k) => {
          const x = xRaw % (n + 1);
          const narrow = wilsonCounts(k * x, k * n);
          const wide = wilsonCounts(x, n);
          if (narrow === null || wide === null) throw new Error('both have observations');
          expect(narrow.upper - narrow.lower).toBeLessThanOrEqual(wide.upper - wide.lower + 1e-12);
        },
      ),
    );
  });
});
