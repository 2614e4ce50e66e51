import { describe, expect, it } from 'vitest';
import { priorFor, sitePriors } from '../../../src/domain/scoring';
import { addDays } from '../../../src/domain/time';
import { bucketsFor, spec, ticketsWith, TODAY } from '../rollup/builders';

describe('site-wide priors (SCORING.md §2.2)', () => {
  it('uses the site-wide rate over 180 days when it rests on n_eff ≥ 30', () => {
    const buckets = bucketsFor('experience', ticketsWith({ sla: [24, 30] }, addDays(TODAY, -10)));
    const priors = sitePriors(buckets, TODAY);
    expect(priors.sla.source).toBe('site');
    expect(priors.sla.mu).toBeCloseTo(0.8, 12);
    expect(priors.sla.nEff).toBeCloseTo(30, 9);
  });

  it('falls back to the default μ when the site rests on n_eff < 30, keeping the rate it saw', () => {
    const buckets = bucketsFor('experience', [
      ...ticketsWith({ sla: [15, 15] }, TODAY),
      ...ticketsWith({ sla: [0, 15] }, addDays(TODAY, -60)),
    ]);
    const priors = sitePriors(buckets, TODAY);
    expect(priors.sla.source).toBe('default');
    expect(priors.sla.mu).toBe(0.9);
    expect(priors.sla.nEff).toBeLessThan(30);
    expect(priors.sla.rate).toBeCloseTo(0.8, 12);
    expect(priors.csat).toEqual({ mu: 0.8, source: 'default', rate: null, nEff: 0 });
  });

  it('ignores data older than 180 days', () => {
    const buckets = bucketsFor('experience', ticketsWith({ sla: [0, 40] }, addDays(TODAY, -181)));
    expect(sitePriors(buckets, TODAY).sla).toMatchObject({ source: 'default', rate: null });
  });

  it("counts only one XLA's cells when told which", () => {
    const buckets = [
      ...bucketsFor('experience', ticketsWith({ wait: [40, 40] })),
      ...bucketsFor('other', ticketsWith({ wait: [0, 40] })),
    ];
    expect(sitePriors(buckets, TODAY, { xlaId: 'experience' }).wait.mu).toBe(1);
    expect(sitePriors(buckets, TODAY).wait.mu).toBeCloseTo(0.5, 12);
  });

  it("falls back to an XI's configured prior, not the table's, inside an XLA", () => {
    const priors = sitePriors([], TODAY);
    expect(priorFor(spec('csat', { prior: 0.7 }), priors)).toEqual({ mu: 0.7, source: 'default' });
    expect(priorFor(spec('csat', { prior: 0.7 }), undefined)).toEqual({ mu: 0.7, source: 'default' });
  });
});
