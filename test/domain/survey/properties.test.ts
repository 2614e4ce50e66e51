import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ask } from '../../../src/domain/ask';
import type { LifecycleEvent } from '../../../src/domain/lifecycle-event';
import { SurveyPlanSchema, type SurveyPlan, type SurveyPlanInput } from '../../../src/domain/survey-plan';
import { HOUR_MS } from '../../../src/domain/time';
import {
  evaluateSurveyPlans,
  expire,
  recordAnswer,
  seededRandom,
  type SurveyEvaluation,
  type SurveyTrigger,
  type TicketSurveyState,
} from '../../../src/domain/survey';
import { STATUS, T0 } from './builders';

type WaypointInput = SurveyPlanInput['waypoint'];
const waypointArb: fc.Arbitrary<WaypointInput> = fc.oneof(
  fc.constant<WaypointInput>({ kind: 'created' }),
  fc.constant<WaypointInput>({ kind: 'first-response' }),
  fc.constant<WaypointInput>({ kind: 'status-changed', toStatuses: ['Waiting for customer'] }),
  fc.constant<WaypointInput>({ kind: 'status-changed', toCategories: ['done'] }),
  fc.integer({ min: 1, max: 3 }).map((fromNth): WaypointInput => ({ kind: 'reassigned', fromNth })),
  fc.integer({ min: 1, max: 48 }).map((hours): WaypointInput => ({ kind: 'idle', hours })),
  fc.integer({ min: 1, max: 96 }).map((hours): WaypointInput => ({ kind: 'long-running', hours })),
  fc.constant<WaypointInput>({ kind: 'reopened' }),
  fc.constant<WaypointInput>({ kind: 'resolved' }),
  fc.constant<WaypointInput>({ kind: 'manual' }),
);

const planArb = fc.record({
  waypoint: waypointArb,
  samplingPercent: fc.constantFrom(100, 100, 50),
  cooldownHours: fc.constantFrom(0, 1, 6, 24, 72),
  maxAsksPerTicket: fc.integer({ min: 1, max: 4 }),
  noNewAskWhilePending: fc.boolean(),
  expiryHours: fc.constantFrom(1, 12, 72),
});

const plansArb = fc.array(planArb, { minLength: 1, maxLength: 4 }).map((specs) =>
  specs.map((s, i): SurveyPlan =>
    SurveyPlanSchema.parse({
      id: `p${i}`,
      name: `Plan ${i}`,
      waypoint: s.waypoint,
      question: { kind: 'csat5', text: 'How are we doing?' },
      fatigue: {
        samplingPercent: s.samplingPercent,
        cooldownHours: s.cooldownHours,
        maxAsksPerTicket: s.maxAsksPerTicket,
        noNewAskWhilePending: s.noNewAskWhilePending,
        expiryHours: s.expiryHours,
        reminder: { enabled: false, afterHours: 0.5 },
      },
    }),
  ),
);

const ACTIONS = [
  'create',
  'to-waiting',
  'resolve',
  'reopen',
  'reassign',
  'public-comment',
  'internal-comment',
  'tick',
  'manual',
  'replay',
  'answer',
] as const;
type Action = (typeof ACTIONS)[number];

interface Step {
  readonly advanceMinutes: number;
  readonly ticket: number;
  readonly action: Action;
  readonly pick: number;
}

/** The app stores whole asks; the rules read them as ticket asks. */
type SimTicket = Omit<TicketSurveyState, 'asks'> & { asks: Ask[] };

const stepArb: fc.Arbitrary<Step> = fc.record({
  advanceMinutes: fc.integer({ min: 0, max: 36 * 60 }),
  ticket: fc.nat({ max: 3 }),
  action: fc.constantFrom(...ACTIONS),
  pick: fc.nat(),
});

interface Delivered {
  readonly ticket: number;
  readonly event: LifecycleEvent;
  askId: string | null;
}

/**
 * Runs the rules the way the app will: one requester, several tickets, every ask created is stored
 * and fed back as ticket asks and requester history, withdrawn asks are withdrawn, the hourly tick
 * expires asks. It checks the fatigue promises after every step.
 */
function simulate(plans: readonly SurveyPlan[], steps: readonly Step[], seed: string) {
  const random = seededRandom(seed);
  const tickets = new Map<number, SimTicket>();
  const allAsks = new Map<string, Ask>();
  const delivered: Delivered[] = [];
  let lastAskedAt: number | null = null;
  let now = T0;
  let changelog = 0;

  const evaluate = (state: TicketSurveyState, trigger: SurveyTrigger): SurveyEvaluation =>
    evaluateSurveyPlans({ trigger, ticket: state, history: { lastAskedAt }, plans, now, random });

  const apply = (n: number, result: SurveyEvaluation): string | null => {
    const state = tickets.get(n);
    const ask = result.ask;
    if (!state || !ask) return null;
    const plan = plans.find((p) => p.id === ask.planId);
    if (!plan) throw new Error('ask from an unknown plan');

    expect(allAsks.has(ask.id), `ask id ${ask.id} created twice`).toBe(false);
    if (lastAskedAt !== null)
      expect(ask.createdAt - lastAskedAt).toBeGreaterThanOrEqual(plan.fatigue.cooldownHours * HOUR_MS);
    expect(state.asks.length + 1).toBeLessThanOrEqual(plan.fatigue.maxAsksPerTicket);

    const withdrawn = new Set(result.withdraw);
    const asks = state.asks.map((a) => (withdrawn.has(a.id) ? { ...a, status: 'withdrawn' as const } : a));
    asks.push(ask);
    tickets.set(n, { ...state, asks });
    allAsks.set(ask.id, ask);
    lastAskedAt = ask.createdAt;

    const livePending = asks.filter((a) => a.status === 'pending' && a.expiresAt > now);
    expect(livePending.length).toBeLessThanOrEqual(1);
    return ask.id;
  };

  const deliver = (n: number, event: LifecycleEvent, fold: (s: SimTicket) => SimTicket) => {
    const state = tickets.get(n);
    if (!state) return;
    const askId = apply(n, evaluate(state, { kind: 'event', event }));
    delivered.push({ ticket: n, event, askId });
    const after = tickets.get(n);
    if (after) tickets.set(n, fold(after));
  };

  for (const step of steps) {
    now += step.advanceMinutes * 60_000;
    const n = step.ticket;
    const ticketId = String(10000 + n);
    const base = { issueId: ticketId, issueKey: `HELP-${n}`, projectId: '10000', at: now, actorId: 'agent-1' };
    const nextKey = () => `${ticketId}:${++changelog}`;
    const action: Action = tickets.has(n) ? step.action : 'create';

    switch (action) {
      case 'create': {
        if (tickets.has(n)) break;
        tickets.set(n, {
          ticketId,
          issueKey: `HELP-${n}`,
          projectId: '10000',
          requestTypeId: null,
          priority: null,
          reporterId: 'customer-1',
          statusCategory: 'new',
          createdAt: now,
          lastPublicAgentActivityAt: null,
          hadPublicAgentComment: false,
          wasAssigned: false,
          reassignCount: 0,
          asks: [],
        });
        const event: LifecycleEvent = {
          ...base,
          key: `${ticketId}:created`,
          type: 'created',
          reporterId: 'customer-1',
          requestTypeId: null,
          priority: null,
          status: STATUS.open,
          assigneeId: null,
        };
        deliver(n, event, (s) => s);
        break;
      }
      case 'to-waiting':
        deliver(
          n,
          { ...base, key: nextKey(), type: 'status-changed', from: STATUS.inProgress, to: STATUS.waitingForCustomer },
          (s) => ({ ...s, statusCategory: 'indeterminate' }),
        );
        break;
      case 'resolve':
        deliver(n, { ...base, key: nextKey(), type: 'resolved', resolution: 'Done' }, (s) => ({
          ...s,
          statusCategory: 'done',
        }));
        break;
      case 'reopen':
        deliver(n, { ...base, key: nextKey(), type: 'reopened', to: STATUS.inProgress }, (s) => ({
          ...s,
          statusCategory: 'indeterminate',
        }));
        break;
      case 'reassign':
        deliver(
          n,
          { ...base, key: nextKey(), type: 'reassigned', fromAssigneeId: null, toAssigneeId: 'agent-2' },
          // The first assignment is not a reassignment (SCORING.md §1).
          (s) => (s.wasAssigned ? { ...s, reassignCount: s.reassignCount + 1 } : { ...s, wasAssigned: true }),
        );
        break;
      case 'public-comment':
      case 'internal-comment': {
        const isPublic = action === 'public-comment';
        const commentId = String(++changelog);
        deliver(
          n,
          { ...base, key: `${ticketId}:c${commentId}`, type: 'agent-comment', commentId, public: isPublic },
          (s) => (isPublic ? { ...s, hadPublicAgentComment: true, lastPublicAgentActivityAt: now } : s),
        );
        break;
      }
      case 'tick':
        for (const [m, state] of [...tickets.entries()]) {
          const asks = state.asks.map((a) => {
            const r = expire(a, now);
            return r.ok ? r.ask : a;
          });
          tickets.set(m, { ...state, asks });
          apply(m, evaluate({ ...state, asks }, { kind: 'tick' }));
        }
        break;
      case 'manual': {
        const state = tickets.get(n);
        if (state) apply(n, evaluate(state, { kind: 'manual', agentId: 'agent-1' }));
        break;
      }
      case 'replay': {
        const earlier = delivered[step.pick % Math.max(1, delivered.length)];
        const state = earlier ? tickets.get(earlier.ticket) : undefined;
        if (!earlier || !state) break;
        const result = evaluate(state, { kind: 'event', event: earlier.event });
        // The promise: an event that already created an ask never creates another one.
        if (earlier.askId !== null) expect(result.ask).toBeNull();
        apply(earlier.ticket, result);
        break;
      }
      case 'answer': {
        const state = tickets.get(n);
        const open = state?.asks.find((a) => a.status === 'pending' && a.expiresAt > now);
        if (!state || !open) break;
        const r = recordAnswer(open, { score: 3 }, now, 'portal');
        if (r.ok) tickets.set(n, { ...state, asks: state.asks.map((a) => (a.id === open.id ? r.ask : a)) });
        break;
      }
    }
  }
  return { asks: [...allAsks.values()] };
}

describe('survey rules, over random histories', () => {
  it("never asks the requester inside a plan's cooldown, never exceeds max asks, never holds two pending asks, never asks twice for one event", () => {
    fc.assert(
      fc.property(
        plansArb,
        fc.array(stepArb, { minLength: 1, maxLength: 60 }),
        fc.string({ maxLength: 8 }),
        (plans, steps, seed) => {
          simulate(plans, steps, seed);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('does ask sometimes in those histories (the properties are not vacuous)', () => {
    let total = 0;
    fc.assert(
      fc.property(plansArb, fc.array(stepArb, { minLength: 20, maxLength: 60 }), (plans, steps) => {
        total += simulate(plans, steps, 'seed').asks.length;
      }),
      { numRuns: 100, seed: 42 },
    );
    expect(total).toBeGreaterThan(50);
  });
});

describe('replaying an event', () => {
  const eventArb = fc
    .record({ changelog: fc.integer({ min: 1, max: 1e6 }), at: fc.integer({ min: 0, max: 1000 }) })
    .chain(({ changelog, at }) => {
      const base = {
        key: `10001:${changelog}`,
        issueId: '10001',
        issueKey: 'HELP-1',
        projectId: '10000',
        at: T0 + at * HOUR_MS,
        actorId: null,
      };
      return fc.constantFrom<LifecycleEvent>(
        {
          ...base,
          type: 'created',
          reporterId: 'customer-1',
          requestTypeId: null,
          priority: null,
          status: STATUS.open,
          assigneeId: null,
        },
        { ...base, type: 'status-changed', from: STATUS.inProgress, to: STATUS.waitingForCustomer },
        { ...base, type: 'status-changed', from: STATUS.inProgress, to: STATUS.resolved },
        { ...base, type: 'reassigned', fromAssigneeId: null, toAssigneeId: 'agent-2' },
        { ...base, type: 'agent-comment', commentId: String(changelog), public: true },
        { ...base, type: 'resolved', resolution: null },
        { ...base, type: 'reopened', to: STATUS.inProgress },
      );
    });

  it('creates no second ask when the same event arrives twice', () => {
    fc.assert(
      fc.property(
        plansArb,
        eventArb,
        fc.integer({ min: 0, max: 5 }),
        fc.string({ maxLength: 6 }),
        (plans, event, reassignCount, seed) => {
          const ticket: TicketSurveyState = {
            ticketId: '10001',
            issueKey: 'HELP-1',
            projectId: '10000',
            requestTypeId: null,
            priority: null,
            reporterId: 'customer-1',
            statusCategory: 'indeterminate',
            createdAt: T0,
            lastPublicAgentActivityAt: null,
            hadPublicAgentComment: false,
            wasAssigned: true,
            reassignCount,
            asks: [],
          };
          const now = event.at + 60_000;
          const first = evaluateSurveyPlans({
            trigger: { kind: 'event', event },
            ticket,
            history: { lastAskedAt: null },
            plans,
            now,
            random: seededRandom(seed),
          });
          // The second delivery comes later, through a fresh Random (another function invocation).
          const again = evaluateSurveyPlans({
            trigger: { kind: 'event', event },
            ticket: { ...ticket, asks: first.ask ? [first.ask] : [] },
            history: { lastAskedAt: first.ask?.createdAt ?? null },
            plans,
            now: now + 5 * 60_000,
            random: seededRandom(seed),
          });
          expect(again.ask).toBeNull();
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('sampling', () => {
  const anyOtherwiseAllowed = fc.record({
    ticketId: fc.stringMatching(/^[0-9]{1,8}$/),
    eventKey: fc.string({ minLength: 1, maxLength: 20 }),
    cooldownHours: fc.constantFrom(0, 24, 72),
    maxAsksPerTicket: fc.integer({ min: 1, max: 20 }),
    seed: fc.string({ maxLength: 8 }),
  });

  function decideAt(
    samplingPercent: number,
    c: { ticketId: string; eventKey: string; cooldownHours: number; maxAsksPerTicket: number; seed: string },
  ) {
    const plan = SurveyPlanSchema.parse({
      id: 'sampled',
      name: 'Sampled',
      waypoint: { kind: 'resolved' },
      question: { kind: 'thumbs', text: 'Did we help?' },
      fatigue: { samplingPercent, cooldownHours: c.cooldownHours, maxAsksPerTicket: c.maxAsksPerTicket },
    });
    const ticket: TicketSurveyState = {
      ticketId: c.ticketId,
      issueKey: 'HELP-1',
      projectId: '10000',
      requestTypeId: null,
      priority: null,
      reporterId: 'customer-1',
      statusCategory: 'indeterminate',
      createdAt: T0,
      lastPublicAgentActivityAt: null,
      hadPublicAgentComment: true,
      wasAssigned: true,
      reassignCount: 0,
      asks: [],
    };
    const event: LifecycleEvent = {
      key: c.eventKey,
      issueId: c.ticketId,
      issueKey: 'HELP-1',
      projectId: '10000',
      at: T0,
      actorId: null,
      type: 'resolved',
      resolution: null,
    };
    return evaluateSurveyPlans({
      trigger: { kind: 'event', event },
      ticket,
      history: { lastAskedAt: null },
      plans: [plan],
      now: T0 + HOUR_MS,
      random: seededRandom(c.seed),
    });
  }

  it('never asks at 0 %', () => {
    fc.assert(
      fc.property(anyOtherwiseAllowed, (c) => {
        const result = decideAt(0, c);
        expect(result.ask).toBeNull();
        expect(result.decisions[0]?.reason).toBe('sampled-out');
      }),
    );
  });

  it('always asks at 100 % when everything else allows', () => {
    fc.assert(
      fc.property(anyOtherwiseAllowed, (c) => {
        expect(decideAt(100, c).decisions[0]?.reason).toBe('asked');
      }),
    );
  });

  it('asks through a plain Random without forKey too, drawing from next()', () => {
    const draws: number[] = [];
    const plan = SurveyPlanSchema.parse({
      id: 'half',
      name: 'Half',
      waypoint: { kind: 'manual' },
      question: { kind: 'thumbs', text: 'Ok?' },
      fatigue: { samplingPercent: 50 },
    });
    const ticket: TicketSurveyState = {
      ticketId: '1',
      issueKey: 'HELP-1',
      projectId: '10000',
      requestTypeId: null,
      priority: null,
      reporterId: 'customer-1',
      statusCategory: 'indeterminate',
      createdAt: T0,
      lastPublicAgentActivityAt: null,
      hadPublicAgentComment: true,
      wasAssigned: true,
      reassignCount: 0,
      asks: [],
    };
    const at = (draw: number) =>
      evaluateSurveyPlans({
        trigger: { kind: 'manual', agentId: 'a' },
        ticket,
        history: { lastAskedAt: null },
        plans: [plan],
        now: T0,
        random: {
          next: () => {
            draws.push(draw);
            return draw;
          },
        },
      });
    expect(at(0.49).decisions[0]?.reason).toBe('asked');
    expect(at(0.5).decisions[0]?.reason).toBe('sampled-out');
    expect(draws).toEqual([0.49, 0.5]);
  });
});
