/**
 * The reference model's own oracle: the reference values SCORING.md §5 publishes (computed there
 * two independent ways or taken from Newcombe 1998) and small histories worked out by hand from
 * DESIGN.md. The model-based suite trusts the model only as far as these hold.
 */
import { describe, expect, it } from 'vitest';
import type { IndicatorId } from '../../src/domain/indicator';
import {
  ANY_SCOPE,
  HOUR,
  MINUTE,
  T0,
  type History,
  type ModelIndicator,
  type ModelPlan,
  type ModelXla,
  type Step,
  type TicketSpec,
} from './reference/history';
import { Ambiguous, runModel } from './reference/model';
import {
  composite,
  evaluateIndicator,
  happiness,
  newcombe,
  smooth,
  wilson,
  type Observation,
} from './reference/scoring';

const near = (a: number | null | undefined, b: number, digits = 9): void => {
  expect(a).not.toBeNull();
  expect(a).toBeCloseTo(b, digits);
};

describe('SCORING.md §5 reference values', () => {
  it.each([
    [5, 5, 0.5655175352, 1],
    [0, 5, 0, 0.4344824648],
    [1, 1, 0.2065493144, 1],
    [0, 1, 0, 0.7934506856],
    [8, 10, 0.4901624715, 0.9433178485],
    [45, 50, 0.7863976856, 0.9565242351],
    [50, 100, 0.4038315304, 0.5961684696],
  ])('Wilson %i/%i', (x, n, lower, upper) => {
    const i = wilson(x / n, n);
    near(i?.lower, lower, 9);
    near(i?.upper, upper, 9);
  });

  it('Wilson 0/10 upper 0.2775 and 81/263 [0.2553, 0.3662] (Newcombe 1998); 0/0 has no interval', () => {
    near(wilson(0, 10)?.upper, 0.2775, 4);
    near(wilson(81 / 263, 263)?.lower, 0.2553, 4);
    near(wilson(81 / 263, 263)?.upper, 0.3662, 4);
    expect(wilson(0, 0)).toBeNull();
  });

  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
  ])('Newcombe %i/%i vs %i/%i', (x1, n1, x2, n2, lower, upper) => {
    const d = newcombe(x1 / n1, n1, x2 / n2, n2);
    near(d?.lower, lower, 4);
    near(d?.upper, upper, 4);
  });

  it('happiness 5/3/2, 5/0/0 and 0/0/1', () => {
    const a = happiness(5, 3, 2);
    near(a?.score, 30);
    near(a?.waldStandardError, 24.69817807, 8);
    near(a?.interval.lower, -19.05061538, 8);
    near(a?.interval.upper, 65.20446153, 8);
    const b = happiness(5, 0, 0);
    near(b?.score, 100);
    near(b?.interval.lower, 17.49145303, 8);
    near(b?.interval.upper, 100, 8);
    const c = happiness(0, 0, 1);
    near(c?.score, -100);
    near(c?.interval.lower, -98.49864942, 8);
    near(c?.interval.upper, 48.49864942, 8);
  });

  it('smoothing toward μ 0.8 with m 10', () => {
    near(smooth(1, 1, 0.8, 10), 0.8181818182, 10);
    near(smooth(5, 5, 0.8, 10), 0.8666666667, 10);
    near(smooth(45, 50, 0.8, 10), 0.8833333333, 10);
  });

  it('decay with H 30: good at age 0 and bad at age 30 → rate 2/3, n_eff 1.8, smoothed 0.7826086957', () => {
    const spec: ModelIndicator = { id: 'csat', weight: 1, floor: 0.5, target: 0.9, prior: 0.8 };
    const r = evaluateIndicator(
      spec,
      [
        { day: '2026-03-31', good: true },
        { day: '2026-03-01', good: false },
      ],
      { from: '2026-01-01', to: '2026-03-31' },
      30,
      10,
    );
    near(r.rate, 0.6666666667, 10);
    near(r.nEff, 1.8, 10);
    near(r.smoothed, 0.7826086957, 10);
  });

  const fixtureXla = (weights: Partial<Record<IndicatorId, number>>): ModelXla => ({
    id: 'fixture',
    name: 'Fixture',
    scope: ANY_SCOPE,
    indicators: (
      [
        ['csat', 0.5, 0.9, 0.8],
        ['sentiment', 0.6, 0.9, 0.85],
        ['sla', 0.7, 0.95, 0.9],
        ['reopen', 0.8, 0.97, 0.95],
        ['reassign', 0.6, 0.9, 0.9],
        ['wait', 0.5, 0.9, 0.85],
      ] as const
    ).map(([id, floor, target, prior]) => ({ id, weight: weights[id] ?? 0.2, floor, target, prior })),
    targetScore: 80,
    minSample: 5,
    halfLifeDays: 30,
    strength: 10,
    waitThresholdHours: 24,
    csatSource: { waypoints: [], midFlightOnly: false },
    slaNames: [],
  });
  const counts = (good: number, n: number): Observation[] =>
    Array.from({ length: n }, (_, i) => ({ day: '2026-03-31', good: i < good }));
  const evaluateAll = (xla: ModelXla, tallies: Partial<Record<IndicatorId, Observation[]>>) =>
    xla.indicators.map((spec) =>
      evaluateIndicator(spec, tallies[spec.id] ?? [], { from: '2026-03-02', to: '2026-03-31' }, 30, 10),
    );

  it('the composite fixture: X 77.5, O 90.9444444444, XLA 81.5333333333', () => {
    const xla = fixtureXla({ csat: 0.6, sentiment: 0.4, sla: 0.4 });
    const c = composite(
      evaluateAll(xla, {
        csat: counts(4, 5),
        sentiment: counts(5, 6),
        sla: counts(19, 20),
        reopen: counts(20, 20),
        reassign: counts(17, 20),
        wait: counts(16, 20),
      }),
      xla,
    );
    near(c.experience, 77.5);
    near(c.operations, 90.9444444444, 9);
    near(c.score, 81.5333333333, 9);
    expect(c.status).toBe('met');
  });

  it('the watermelon fixture: csat 1/8 and every O 20/20 → X 0, O 100, XLA 10, csat upper 0.4708881822', () => {
    const xla = fixtureXla({ csat: 1, sentiment: 0, sla: 0.4 });
    const results = evaluateAll(xla, {
      csat: counts(1, 8),
      sla: counts(20, 20),
      reopen: counts(20, 20),
      reassign: counts(20, 20),
      wait: counts(20, 20),
    });
    const c = composite(results, xla);
    near(c.experience, 0);
    near(c.operations, 100);
    near(c.score, 10);
    near(results[0]?.interval?.upper, 0.4708881822, 10);
  });
});

// --- hand-worked histories ----------------------------------------------------------------------

const question = {
  kind: 'csat5' as const,
  text: 'How did we do?',
  chips: { negative: ['Slow'], neutral: [], positive: ['Fast'] },
  comment: { enabled: true, maxLength: 500 },
  lostTime: null,
};
const plan = (
  id: string,
  waypoint: ModelPlan['waypoint'],
  cooldownHours = 0,
  extra: Partial<ModelPlan['fatigue']> = {},
): ModelPlan => ({
  id,
  name: id,
  enabled: true,
  scope: ANY_SCOPE,
  waypoint,
  question,
  oneClick: false,
  fatigue: {
    samplingPercent: 100,
    cooldownHours,
    maxAsksPerTicket: 5,
    noNewAskWhilePending: true,
    expiryHours: 48,
    reminderAfterHours: null,
    ...extra,
  },
});
const ticket = (ref: string, reporter: `c${number}` = 'c0'): TicketSpec => ({
  ref,
  project: 'IT',
  requestType: 'Get IT help',
  priority: 'Medium',
  reporter,
  firstResponseGoalMin: 240,
  resolutionGoalMin: 2880,
});
const history = (plans: ModelPlan[], steps: Step[]): History => ({
  name: 'hand',
  seed: 0,
  xlas: [],
  plans,
  steps,
  end: T0 + 10 * 24 * HOUR,
  delivery: { concurrency: 1, faults: 'none', faultRate: 0 },
});

describe('hand-worked histories', () => {
  it('a request raised with a comment at once is asked at "created" (the payload names the requester)', () => {
    const expected = runModel(
      history(
        [plan('hello', { kind: 'created' })],
        [
          {
            kind: 'burst',
            deliverAt: T0 + 3 * MINUTE,
            crash: false,
            groups: [
              {
                ref: 't1',
                trigger: 0,
                reordering: 'trigger-last',
                actions: [
                  { kind: 'create', at: T0, ticket: ticket('t1') },
                  {
                    kind: 'comment',
                    at: T0 + 10_000,
                    ref: 't1',
                    comment: 'k1',
                    author: 'c0',
                    public: true,
                    text: 'Any update on this?',
                  },
                ],
              },
            ],
          },
        ],
      ),
    );
    expect(expected.asks.map((a) => [a.ref, a.planId, a.waypoint, a.createdAt])).toEqual([
      ['t1', 'hello', 'created', T0 + 3 * MINUTE],
    ]);
  });

  it('a cooldown of 4 h holds back an ask 3.5 h later on another ticket, not one 4 h later', () => {
    const burst = (ref: string, at: number): Step => ({
      kind: 'burst',
      deliverAt: at,
      crash: false,
      groups: [{ ref, trigger: 0, reordering: 'in-order', actions: [{ kind: 'create', at, ticket: ticket(ref) }] }],
    });
    const expected = runModel(
      history(
        [plan('hello', { kind: 'created' }, 4)],
        [burst('t1', T0), burst('t2', T0 + 3.5 * HOUR), burst('t3', T0 + 4 * HOUR)],
      ),
    );
    expect(expected.asks.map((a) => a.ref)).toEqual(['t1', 't3']);
    expect(expected.decisions.filter((d) => !d.asked).map((d) => [d.ref, d.reasons])).toEqual([['t2', ['cooldown']]]);
  });

  it('the first assignment is not a reassignment; the second one is the first reassignment', () => {
    const at = (h: number): number => T0 + h * HOUR;
    const expected = runModel(
      history(
        [plan('moved', { kind: 'reassigned', fromNth: 1 })],
        [
          {
            kind: 'burst',
            deliverAt: at(0),
            crash: false,
            groups: [
              {
                ref: 't1',
                trigger: 0,
                reordering: 'in-order',
                actions: [{ kind: 'create', at: at(0), ticket: ticket('t1') }],
              },
            ],
          },
          {
            kind: 'burst',
            deliverAt: at(1),
            crash: false,
            groups: [
              {
                ref: 't1',
                trigger: 0,
                reordering: 'in-order',
                actions: [{ kind: 'assign', at: at(1), ref: 't1', to: 'a0', actor: 'a0' }],
              },
            ],
          },
          {
            kind: 'burst',
            deliverAt: at(2),
            crash: false,
            groups: [
              {
                ref: 't1',
                trigger: 0,
                reordering: 'in-order',
                actions: [{ kind: 'assign', at: at(2), ref: 't1', to: 'a1', actor: 'a0' }],
              },
            ],
          },
        ],
      ),
    );
    expect(expected.asks.map((a) => a.createdAt)).toEqual([at(2)]);
  });

  it("a participant is shown nothing and cannot answer the requester's ask", () => {
    const expected = runModel(
      history(
        [plan('hello', { kind: 'created' })],
        [
          {
            kind: 'burst',
            deliverAt: T0,
            crash: false,
            groups: [
              {
                ref: 't1',
                trigger: 0,
                reordering: 'in-order',
                actions: [
                  { kind: 'create', at: T0, ticket: ticket('t1') },
                  { kind: 'participant', at: T0 + 1000, ref: 't1', who: 'c2' },
                ],
              },
            ],
          },
          {
            kind: 'portal-answer',
            at: T0 + HOUR,
            ref: 't1',
            who: 'c2',
            answer: { score: 5, reasons: [], comment: null, lostTimeChoiceId: null },
          },
          {
            kind: 'portal-answer',
            at: T0 + 2 * HOUR,
            ref: 't1',
            who: 'c0',
            answer: { score: 1, reasons: ['Slow'], comment: 'private', lostTimeChoiceId: null },
          },
        ],
      ),
    );
    expect(expected.portal.map((p) => [p.who, p.outcome.kind])).toEqual([
      ['c2', 'nothing-shown'],
      ['c0', 'recorded'],
    ]);
    expect(expected.asks[0]?.answer?.score).toBe(1);
  });

  it('refuses to guess which of two idle tickets of one requester a cooldown lets through', () => {
    const idle = plan('idle', { kind: 'idle', hours: 8 }, 24);
    const create = (ref: string): Step => ({
      kind: 'burst',
      deliverAt: T0,
      crash: false,
      groups: [{ ref, trigger: 0, reordering: 'in-order', actions: [{ kind: 'create', at: T0, ticket: ticket(ref) }] }],
    });
    expect(() => runModel(history([idle], [create('t1'), create('t2'), { kind: 'tick', at: T0 + 9 * HOUR }]))).toThrow(
      Ambiguous,
    );
  });
});
