import { describe, expect, it } from 'vitest';
import type { IndicatorCard, Scorecard } from '../../../src/domain/scorecard';
import { ScorecardSchema } from '../../../src/domain/scorecard';
import type { IndicatorId } from '../../../src/domain/indicator';
import { buildScorecard, sitePriors, wilsonCounts } from '../../../src/domain/scoring';
import { addDays } from '../../../src/domain/time';
import { answerTicket, bucketsFor, lostTimeTicket, spec, ticketsWith, TODAY, xla } from '../rollup/builders';

function card(scorecard: Scorecard, id: IndicatorId): IndicatorCard {
  const found = scorecard.indicators.find((i) => i.id === id);
  if (found === undefined) throw new Error(`no ${id} on the scorecard`);
  return found;
}

/**
 * SCORING.md §5 composite fixture. The published X, O and XLA hold with the default smoothing
 * (fixed m = 10) toward each indicator's default μ (§2 table): with no site-wide priors, or with
 * site-wide rates that rest on n_eff < 30 (as the fixture's own data does), μ is the default.
 * Without smoothing (m = 0) X would be 76.11…, not 77.5.
 */
const composite = xla({
  indicators: [
    spec('csat', { weight: 0.6 }),
    spec('sentiment', { weight: 0.4 }),
    spec('sla'),
    spec('reopen'),
    spec('reassign'),
    spec('wait'),
  ],
  smoothing: { kind: 'fixed', strength: 10 },
});
const compositeBuckets = bucketsFor(
  composite.id,
  ticketsWith({ csat: [4, 5], sentiment: [5, 6], sla: [19, 20], reopen: [20, 20], reassign: [17, 20], wait: [16, 20] }),
);

describe('buildScorecard: the composite fixture (SCORING.md §5)', () => {
  const scorecard = buildScorecard(composite, compositeBuckets, TODAY);

  it('gives X = 77.5, O = 90.9444444444 and XLA = 81.5333333333', () => {
    expect(scorecard.experience).toBeCloseTo(77.5, 9);
    expect(scorecard.operations).toBeCloseTo(90.9444444444, 9);
    expect(scorecard.score).toBeCloseTo(81.5333333333, 9);
  });

  it('gives the same figures when site priors rest on n_eff < 30 and fall back to the defaults', () => {
    const priors = sitePriors(compositeBuckets, TODAY);
    expect(priors.csat.source).toBe('default');
    expect(buildScorecard(composite, compositeBuckets, TODAY, { sitePriors: priors }).score).toBeCloseTo(
      81.5333333333,
      9,
    );
  });

  it('is met at the default target of 80 with medium confidence on Σ n_eff 11 over X', () => {
    expect(scorecard.status).toBe('met');
    expect(scorecard.sampleSize).toBeCloseTo(11, 12);
    expect(scorecard.confidence).toBe('medium');
  });

  it('shows csat with n 5, n_eff 5, rate 0.8, smoothed 0.8, score 75 and its Wilson interval', () => {
    const csat = card(scorecard, 'csat');
    expect(csat).toMatchObject({ n: 5, good: 4, prior: 0.8, priorSource: 'default', strength: 10, weight: 0.6 });
    expect(csat.nEff).toBeCloseTo(5, 12);
    expect(csat.rate).toBeCloseTo(0.8, 12);
    expect(csat.smoothedRate).toBeCloseTo(0.8, 12);
    expect(csat.score).toBeCloseTo(75, 9);
    const wilson = wilsonCounts(4, 5);
    expect(csat.interval?.lower).toBeCloseTo(wilson?.lower ?? NaN, 12);
    expect(csat.interval?.upper).toBeCloseTo(wilson?.upper ?? NaN, 12);
  });

  it('renormalises weights within each group and splits the XLA into contributions that add up to it', () => {
    expect(card(scorecard, 'csat').weightShare).toBeCloseTo(0.6, 12);
    expect(card(scorecard, 'sla').weightShare).toBeCloseTo(0.4, 12);
    // csat: 0.7 · 0.6 · 75
    expect(card(scorecard, 'csat').contribution).toBeCloseTo(31.5, 9);
    const total = scorecard.indicators.reduce((acc, i) => acc + (i.contribution ?? 0), 0);
    expect(total).toBeCloseTo(81.5333333333, 9);
  });

  it('puts the score inside its interval', () => {
    const { interval, score } = scorecard;
    expect(interval).not.toBeNull();
    expect(interval?.lower ?? Infinity).toBeLessThanOrEqual(score ?? -Infinity);
    expect(interval?.upper ?? -Infinity).toBeGreaterThanOrEqual(score ?? Infinity);
  });

  it('satisfies the Scorecard schema', () => {
    expect(ScorecardSchema.safeParse(scorecard).success).toBe(true);
  });

  it('has one daily point per day of the 30-day window, the last one scored', () => {
    expect(scorecard.daily).toHaveLength(30);
    expect(scorecard.daily[0]?.day).toBe(addDays(TODAY, -29));
    expect(scorecard.daily[0]?.score).toBeNull();
    const last = scorecard.daily[29];
    expect(last?.day).toBe(TODAY);
    // All the fixture's data is today and undecayed, so today's point is the whole score.
    expect(last?.score).toBeCloseTo(81.5333333333, 9);
    expect(last?.sampleSize).toBe(11);
    expect(last?.indicators.find((i) => i.id === 'csat')).toEqual({ id: 'csat', good: 4, n: 5, rate: 0.8 });
  });
});

describe('buildScorecard: the watermelon fixture (SCORING.md §5)', () => {
  const melon = xla({
    indicators: [spec('csat'), spec('sla'), spec('reopen'), spec('reassign'), spec('wait')],
    minSample: 5,
  });
  const scorecard = buildScorecard(
    melon,
    bucketsFor(
      melon.id,
      ticketsWith({ csat: [1, 8], sla: [20, 20], reopen: [20, 20], reassign: [20, 20], wait: [20, 20] }),
    ),
    TODAY,
  );

  it('gives csat 1/8 with every O indicator at 20/20 X = 0, O = 100 and XLA = 10', () => {
    expect(scorecard.experience).toBeCloseTo(0, 9);
    expect(scorecard.operations).toBeCloseTo(100, 9);
    expect(scorecard.score).toBeCloseTo(10, 9);
    expect(scorecard.status).toBe('breached');
  });

  it('flags it with the csat upper bound 0.4708881822', () => {
    expect(scorecard.watermelon.flagged).toBe(true);
    expect(scorecard.watermelon.basis).toBe('csat');
    expect(scorecard.watermelon.upper).toBeCloseTo(0.4708881822, 9);
    expect(scorecard.watermelon.threshold).toBe(0.7);
    expect(scorecard.watermelon.slaRate).toBe(1);
  });

  it('gives the lift cap its 10 points across the O indicators', () => {
    expect(card(scorecard, 'csat').contribution).toBeCloseTo(0, 9);
    expect(card(scorecard, 'sla').contribution).toBeCloseTo(4, 9);
  });
});

describe('buildScorecard: no data is never a 0', () => {
  it('gives an empty XLA no score, no interval, status "not enough data" and confidence none', () => {
    const scorecard = buildScorecard(xla(), [], TODAY);
    expect(scorecard).toMatchObject({ score: null, interval: null, status: 'not-enough-data', confidence: 'none' });
    expect(scorecard.experience).toBeNull();
    expect(scorecard.operations).toBeNull();
    expect(card(scorecard, 'csat')).toMatchObject({
      n: 0,
      rate: null,
      smoothedRate: null,
      score: null,
      interval: null,
    });
    expect(scorecard.happiness).toBeNull();
    expect(scorecard.lostTime).toBeNull();
    expect(ScorecardSchema.safeParse(scorecard).success).toBe(true);
  });

  it('withholds the score below the minimum sample but keeps each XI with its n', () => {
    const definition = xla({ minSample: 5 });
    const scorecard = buildScorecard(definition, bucketsFor(definition.id, ticketsWith({ csat: [4, 4] })), TODAY);
    expect(scorecard.status).toBe('not-enough-data');
    expect(scorecard.score).toBeNull();
    expect(scorecard.confidence).toBe('low');
    expect(card(scorecard, 'csat').n).toBe(4);
    expect(card(scorecard, 'csat').contribution).toBeNull();
  });

  it('shows O as "operational only" when there is no X', () => {
    const definition = xla();
    const scorecard = buildScorecard(definition, bucketsFor(definition.id, ticketsWith({ sla: [9, 10] })), TODAY);
    expect(scorecard.score).toBeNull();
    expect(scorecard.operationalOnly).toBe(true);
    expect(scorecard.operations).not.toBeNull();
  });
});

describe('buildScorecard: window, scope and decay', () => {
  it('counts only days inside the rolling window, decayed from today', () => {
    const definition = xla({ window: { kind: 'rolling', days: 7 }, minSample: 0 });
    const buckets = bucketsFor(definition.id, [
      ...ticketsWith({ csat: [1, 1] }, TODAY),
      ...ticketsWith({ csat: [0, 1] }, addDays(TODAY, -6)),
      ...ticketsWith({ csat: [0, 5] }, addDays(TODAY, -7)),
    ]);
    const csat = card(buildScorecard(definition, buckets, TODAY), 'csat');
    expect(csat.n).toBe(2);
    const w = Math.pow(2, -6 / 30);
    expect(csat.rate).toBeCloseTo(1 / (1 + w), 12);
    expect(csat.nEff).toBeCloseTo((1 + w) ** 2 / (1 + w * w), 12);
  });

  it('runs a calendar month from its first day to today', () => {
    const definition = xla({ window: { kind: 'calendar-month' } });
    const buckets = bucketsFor(definition.id, [
      ...ticketsWith({ csat: [1, 1] }, '2026-05-01'),
      ...ticketsWith({ csat: [0, 1] }, '2026-04-30'),
    ]);
    const scorecard = buildScorecard(definition, buckets, TODAY);
    expect(scorecard.range).toEqual({ from: '2026-05-01', to: TODAY });
    expect(card(scorecard, 'csat').n).toBe(1);
    expect(scorecard.trend.previous).toEqual({ from: '2026-04-01', to: '2026-04-30' });
    expect(scorecard.trend.indicators.find((t) => t.id === 'csat')?.previousRate).toBe(0);
  });

  it("counts only segments inside the XLA's scope", () => {
    const definition = xla({ scope: { projectIds: ['10001'], requestTypeIds: ['7'], priorities: [] } });
    const buckets = bucketsFor(definition.id, [
      ...ticketsWith({ csat: [3, 3] }, TODAY, { projectId: '10001', requestTypeId: '7', priority: null }),
      ...ticketsWith({ csat: [0, 4] }, TODAY, { projectId: '10001', requestTypeId: '8', priority: '3' }),
      ...ticketsWith({ csat: [0, 4] }, TODAY, { projectId: '10002', requestTypeId: '7', priority: '3' }),
    ]);
    expect(card(buildScorecard(definition, buckets, TODAY), 'csat')).toMatchObject({ n: 3, good: 3 });
  });

  it("ignores other XLAs' cells", () => {
    const definition = xla();
    const buckets = bucketsFor('another-xla', ticketsWith({ csat: [3, 3] }));
    expect(card(buildScorecard(definition, buckets, TODAY), 'csat').n).toBe(0);
  });
});

describe('buildScorecard: trend against the previous window', () => {
  const definition = xla({ indicators: [spec('csat')], window: { kind: 'rolling', days: 30 } });

  it('calls a change real when the Newcombe interval of a weighted XI excludes 0', () => {
    const buckets = bucketsFor(definition.id, [
      ...ticketsWith({ csat: [45, 50] }, TODAY),
      ...ticketsWith({ csat: [20, 50] }, addDays(TODAY, -30)),
    ]);
    const { trend, score } = buildScorecard(definition, buckets, TODAY);
    expect(trend.previous).toEqual({ from: addDays(TODAY, -59), to: addDays(TODAY, -30) });
    expect(trend.direction).toBe('up');
    expect(trend.change).toBeCloseTo((score ?? NaN) - (trend.previousScore ?? NaN), 12);
    const csat = trend.indicators[0];
    expect(csat?.change).toBeCloseTo(0.5, 12);
    expect(csat?.interval?.lower ?? 0).toBeGreaterThan(0);
    expect(csat?.real).toBe(true);
    expect(trend.real).toBe(true);
  });

  it('does not call a small change on few answers real', () => {
    const buckets = bucketsFor(definition.id, [
      ...ticketsWith({ csat: [5, 6] }, TODAY),
      ...ticketsWith({ csat: [4, 6] }, addDays(TODAY, -30)),
    ]);
    const { trend } = buildScorecard(definition, buckets, TODAY);
    expect(trend.direction).toBe('up');
    expect(trend.real).toBe(false);
    expect(trend.indicators[0]?.real).toBe(false);
  });

  it('has no change (null) when the previous window has no data', () => {
    const buckets = bucketsFor(definition.id, ticketsWith({ csat: [5, 6] }));
    const { trend } = buildScorecard(definition, buckets, TODAY);
    expect(trend).toMatchObject({
      previousScore: null,
      previousStatus: 'not-enough-data',
      change: null,
      direction: null,
      real: false,
    });
  });
});

describe('buildScorecard: happiness, lost time and answers', () => {
  const definition = xla();

  it('computes happiness from happiness10 answers in the window', () => {
    const tickets = [
      ...[9, 10, 10, 9, 9].map((s) => answerTicket('happiness10', s)),
      ...[7, 8, 8].map((s) => answerTicket('happiness10', s)),
      ...[0, 6].map((s) => answerTicket('happiness10', s)),
      answerTicket('happiness10', 0, addDays(TODAY, -40)),
    ];
    const { happiness } = buildScorecard(definition, bucketsFor(definition.id, tickets), TODAY);
    expect(happiness).toMatchObject({ n: 10, promoters: 5, passives: 3, detractors: 2 });
    expect(happiness?.score).toBeCloseTo(30, 9);
    expect(happiness?.interval.lower).toBeCloseTo(-19.05061538, 8);
  });

  it('gives the answer distribution for "csat ≤ 2 of 5" figures', () => {
    const tickets = [1, 2, 2, 5].map((s) => answerTicket('csat5', s));
    const { answers, happiness } = buildScorecard(definition, bucketsFor(definition.id, tickets), TODAY);
    expect(answers).toEqual([{ kind: 'csat5', counts: [1, 2, 0, 0, 1] }]);
    expect(happiness).toBeNull();
  });

  it('gives the mean lost time with n', () => {
    const tickets = [7.5, 30, 90].map((m) => lostTimeTicket(m));
    expect(buildScorecard(definition, bucketsFor(definition.id, tickets), TODAY).lostTime).toEqual({
      meanMinutes: 42.5,
      n: 3,
    });
  });
});

describe('buildScorecard: smoothing settings', () => {
  it('smooths toward a site-wide μ once it rests on n_eff ≥ 30', () => {
    const definition = xla({ indicators: [spec('csat')] });
    const site = bucketsFor(definition.id, ticketsWith({ csat: [27, 30] }, addDays(TODAY, -100)));
    const priors = sitePriors(site, TODAY);
    // 30 tickets on one day share one weight, so n_eff is 30 however old they are.
    expect(priors.csat.source).toBe('site');
    expect(priors.csat.mu).toBeCloseTo(0.9, 12);
    const csat = card(
      buildScorecard(definition, bucketsFor(definition.id, ticketsWith({ csat: [1, 1] })), TODAY, {
        sitePriors: priors,
      }),
      'csat',
    );
    expect(csat.priorSource).toBe('site');
    expect(csat.smoothedRate).toBeCloseTo((1 + 10 * 0.9) / 11, 12);
  });

  it('estimates m across segments by empirical Bayes when the XLA asks for it', () => {
    const definition = xla({ indicators: [spec('csat')], smoothing: { kind: 'empirical-bayes' } });
    const buckets = bucketsFor(definition.id, [
      ...ticketsWith({ csat: [1, 100] }, TODAY, { projectId: '1', requestTypeId: null, priority: null }),
      ...ticketsWith({ csat: [99, 100] }, TODAY, { projectId: '2', requestTypeId: null, priority: null }),
    ]);
    expect(card(buildScorecard(definition, buckets, TODAY), 'csat').strength).toBe(2);
  });

  it('falls back to m = 10 when empirical Bayes has a single segment', () => {
    const definition = xla({ indicators: [spec('csat')], smoothing: { kind: 'empirical-bayes' } });
    const buckets = bucketsFor(definition.id, ticketsWith({ csat: [3, 4] }));
    expect(card(buildScorecard(definition, buckets, TODAY), 'csat').strength).toBe(10);
  });
});
