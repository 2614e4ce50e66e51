import { describe, expect, it } from 'vitest';
import { happiness, happinessCountsOf } from '../../../src/domain/scoring';

describe('happiness (SCORING.md §3, §5)', () => {
  it('gives 5 promoters, 3 passives, 2 detractors H = 30, Wald SE 24.69817807 and CI [−19.05061538, 65.20446153]', () => {
    const h = happiness({ promoters: 5, passives: 3, detractors: 2 });
    expect(h?.score).toBeCloseTo(30, 9);
    expect(h?.waldStandardError).toBeCloseTo(24.69817807, 8);
    expect(h?.interval.lower).toBeCloseTo(-19.05061538, 8);
    expect(h?.interval.upper).toBeCloseTo(65.20446153, 8);
    expect(h?.n).toBe(10);
  });

  it('gives 5 promoters H = 100 with CI [17.49145303, 100]', () => {
    const h = happiness({ promoters: 5, passives: 0, detractors: 0 });
    expect(h?.score).toBeCloseTo(100, 9);
    expect(h?.interval.lower).toBeCloseTo(17.49145303, 8);
    expect(h?.interval.upper).toBe(100);
  });

  it('gives 1 detractor H = −100 with CI [−98.49864942, 48.49864942]', () => {
    const h = happiness({ promoters: 0, passives: 0, detractors: 1 });
    expect(h?.score).toBeCloseTo(-100, 9);
    expect(h?.interval.lower).toBeCloseTo(-98.49864942, 8);
    expect(h?.interval.upper).toBeCloseTo(48.49864942, 8);
  });

  it('gives no happiness without answers, not 0', () => {
    expect(happiness({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
  });

  it('counts 9–10 as promoters, 7–8 as passives and 0–6 as detractors', () => {
    expect(happinessCountsOf([1, 0, 0, 0, 0, 0, 2, 3, 4, 5, 6])).toEqual({ promoters: 11, passives: 7, detractors: 3 });
  });
});
