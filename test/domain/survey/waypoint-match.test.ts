import { describe, expect, it } from 'vitest';
import type { PlanDecision, SurveyTrigger } from '../../../src/domain/survey';
import {
  PlanDecisionSummarySchema,
  WAYPOINT_MISS_CODES,
  type RefusalFacts,
} from '../../../src/domain/survey/decision-summary';
import { aPlan, anOpenPlan, aTicket, decide, events, hours, onEvent, run, STATUS, T0, TICK } from './builders';

describe('created waypoint', () => {
  const plan = anOpenPlan({ kind: 'created' });

  it('asks when the ticket is created', () => {
    expect(decide(plan, onEvent(events.created()))).toMatchObject({ asked: true, reason: 'asked' });
  });

  it('refuses with "waypoint-mismatch" on a status change', () => {
    expect(decide(plan, onEvent(events.statusChanged(STATUS.inProgress))).reason).toBe('waypoint-mismatch');
  });
});

describe('first-response waypoint', () => {
  const plan = anOpenPlan({ kind: 'first-response' });

  it('asks at the first public agent comment', () => {
    expect(decide(plan, onEvent(events.agentComment(true))).reason).toBe('asked');
  });

  it('refuses with "waypoint-mismatch" at an internal comment', () => {
    const d = decide(plan, onEvent(events.agentComment(false)));
    expect(d).toMatchObject({
      asked: false,
      reason: 'waypoint-mismatch',
      message: 'an internal comment is not a response the requester sees',
    });
  });

  it('refuses with "waypoint-mismatch" when a public agent comment happened before', () => {
    const d = decide(plan, onEvent(events.agentComment(true, '702')), {
      ticket: aTicket({ hadPublicAgentComment: true }),
    });
    expect(d.reason).toBe('waypoint-mismatch');
    expect(d.message).toBe('the ticket already had a public agent comment');
  });

  it('refuses with "waypoint-mismatch" at a requester comment', () => {
    expect(decide(plan, onEvent(events.requesterComment())).reason).toBe('waypoint-mismatch');
  });
});

describe('status-changed waypoint', () => {
  it('asks when the new status id is listed', () => {
    const plan = anOpenPlan({ kind: 'status-changed', toStatuses: ['10010'] });
    expect(decide(plan, onEvent(events.statusChanged(STATUS.waitingForCustomer))).reason).toBe('asked');
  });

  it('matches a status name whatever its case', () => {
    const plan = anOpenPlan({ kind: 'status-changed', toStatuses: ['WAITING FOR CUSTOMER'] });
    expect(decide(plan, onEvent(events.statusChanged(STATUS.waitingForCustomer))).reason).toBe('asked');
  });

  it('asks when the new status is in a listed category', () => {
    const plan = anOpenPlan({ kind: 'status-changed', toCategories: ['done'] });
    expect(decide(plan, onEvent(events.statusChanged(STATUS.resolved))).reason).toBe('asked');
  });

  it('refuses with "waypoint-mismatch" for a status that is not listed', () => {
    const plan = anOpenPlan({ kind: 'status-changed', toStatuses: ['Waiting for customer'], toCategories: ['done'] });
    const d = decide(plan, onEvent(events.statusChanged(STATUS.inProgress)));
    expect(d).toMatchObject({
      reason: 'waypoint-mismatch',
      message: 'the new status "In Progress" is not one the plan asks at',
    });
  });

  it('refuses with "waypoint-mismatch" when only a similar status id is listed', () => {
    const plan = anOpenPlan({ kind: 'status-changed', toStatuses: ['1001'] });
    expect(decide(plan, onEvent(events.statusChanged({ id: '10010', name: 'Waiting', category: 'new' }))).reason).toBe(
      'waypoint-mismatch',
    );
  });
});

describe('reassigned waypoint', () => {
  const plan = anOpenPlan({ kind: 'reassigned', fromNth: 3 });

  it('refuses with "waypoint-mismatch" at the 2nd reassignment when the plan asks from the 3rd', () => {
    const d = decide(plan, onEvent(events.reassigned()), { ticket: aTicket({ reassignCount: 1 }) });
    expect(d).toMatchObject({
      reason: 'waypoint-mismatch',
      message: 'this is reassignment 2; the plan asks from reassignment 3 on',
    });
  });

  it('asks at the 3rd reassignment', () => {
    expect(decide(plan, onEvent(events.reassigned()), { ticket: aTicket({ reassignCount: 2 }) }).reason).toBe('asked');
  });

  it('asks at every reassignment after the 3rd', () => {
    expect(decide(plan, onEvent(events.reassigned()), { ticket: aTicket({ reassignCount: 7 }) }).reason).toBe('asked');
  });

  it('asks at the first reassignment by default', () => {
    expect(decide(anOpenPlan({ kind: 'reassigned' }), onEvent(events.reassigned())).reason).toBe('asked');
  });

  it('does not ask when a ticket gets its first assignee: that is no reassignment (SCORING.md §1)', () => {
    const d = decide(anOpenPlan({ kind: 'reassigned' }), onEvent(events.reassigned()), {
      ticket: aTicket({ wasAssigned: false }),
    });
    expect(d).toMatchObject({ reason: 'waypoint-mismatch', message: 'the first assignment is not a reassignment' });
  });

  it('does not ask when the assignee is removed', () => {
    const unassigned = { ...events.reassigned(), toAssigneeId: null };
    expect(decide(anOpenPlan({ kind: 'reassigned' }), onEvent(unassigned)).reason).toBe('waypoint-mismatch');
  });
});

describe('idle waypoint', () => {
  const plan = anOpenPlan({ kind: 'idle', hours: 24 });
  const lastActivity = T0 + hours(2);
  const ticket = aTicket({ lastPublicAgentActivityAt: lastActivity, hadPublicAgentComment: true });

  it('asks on the tick after 24 hours without public agent activity', () => {
    expect(decide(plan, TICK, { ticket, now: lastActivity + hours(24) }).reason).toBe('asked');
  });

  it('refuses with "waypoint-mismatch" after 23 hours without public agent activity', () => {
    const d = decide(plan, TICK, { ticket, now: lastActivity + hours(23) });
    expect(d).toMatchObject({
      reason: 'waypoint-mismatch',
      message: 'an agent was publicly active within the last 24 hours',
    });
  });

  it('counts the idle stretch from creation when no agent spoke yet', () => {
    expect(decide(plan, TICK, { ticket: aTicket(), now: T0 + hours(24) }).reason).toBe('asked');
  });

  it('refuses with "already-asked-at-waypoint" on a later tick of the same idle stretch', () => {
    const first = run({ trigger: TICK, plans: [plan], ticket, now: lastActivity + hours(24) }).ask;
    expect(first).not.toBeNull();
    const later = decide(plan, TICK, {
      ticket: { ...ticket, asks: first ? [first] : [] },
      now: lastActivity + hours(30),
    });
    expect(later.reason).toBe('already-asked-at-waypoint');
  });

  it('asks again in a new idle stretch after the agent spoke', () => {
    const first = run({ trigger: TICK, plans: [plan], ticket, now: lastActivity + hours(24) }).ask;
    const answered = first ? [{ ...first, status: 'answered' as const }] : [];
    const resumed = { ...ticket, lastPublicAgentActivityAt: lastActivity + hours(30), asks: answered };
    const d = decide(plan, TICK, { ticket: resumed, now: lastActivity + hours(54) });
    expect(d.reason).toBe('asked');
    if (d.asked) expect(d.askId).not.toBe(first?.id);
  });

  it('refuses with "ticket-closed" when the ticket is done', () => {
    expect(decide(plan, TICK, { ticket: aTicket({ statusCategory: 'done' }), now: T0 + hours(100) }).reason).toBe(
      'ticket-closed',
    );
  });

  it('refuses with "waypoint-mismatch" on a lifecycle event', () => {
    const d = decide(plan, onEvent(events.requesterComment()), { now: T0 + hours(100) });
    expect(d).toMatchObject({
      reason: 'waypoint-mismatch',
      message: 'waits for the scheduled check, not a comment from the requester',
    });
  });
});

describe('long-running waypoint', () => {
  const plan = anOpenPlan({ kind: 'long-running', hours: 72 });

  it('asks on the tick once the ticket has been open 72 hours', () => {
    expect(decide(plan, TICK, { now: T0 + hours(72) }).reason).toBe('asked');
  });

  it('refuses with "waypoint-mismatch" at 71 hours', () => {
    expect(decide(plan, TICK, { now: T0 + hours(71) })).toMatchObject({
      reason: 'waypoint-mismatch',
      message: 'the ticket has been open less than 72 hours',
    });
  });

  it('asks once per ticket: "already-asked-at-waypoint" on the next ticks', () => {
    const first = run({ trigger: TICK, plans: [plan], now: T0 + hours(72) }).ask;
    const asks = first ? [{ ...first, status: 'answered' as const }] : [];
    expect(decide(plan, TICK, { ticket: aTicket({ asks }), now: T0 + hours(200) }).reason).toBe(
      'already-asked-at-waypoint',
    );
  });

  it('refuses with "ticket-closed" when the ticket is done', () => {
    expect(decide(plan, TICK, { ticket: aTicket({ statusCategory: 'done' }), now: T0 + hours(100) }).reason).toBe(
      'ticket-closed',
    );
  });
});

describe('reopened and resolved waypoints', () => {
  it('asks at a reopen', () => {
    expect(decide(anOpenPlan({ kind: 'reopened' }), onEvent(events.reopened())).reason).toBe('asked');
  });

  it('refuses with "waypoint-mismatch" for a reopen plan at a resolution', () => {
    expect(decide(anOpenPlan({ kind: 'reopened' }), onEvent(events.resolved())).reason).toBe('waypoint-mismatch');
  });

  it('asks at a resolution, and the ask is not mid-flight', () => {
    const result = run({ trigger: onEvent(events.resolved()), plans: [anOpenPlan({ kind: 'resolved' })] });
    expect(result.decisions[0]?.reason).toBe('asked');
    expect(result.ask?.midFlight).toBe(false);
  });

  it('refuses with "waypoint-mismatch" for a resolve plan at a reopen', () => {
    expect(decide(anOpenPlan({ kind: 'resolved' }), onEvent(events.reopened())).reason).toBe('waypoint-mismatch');
  });
});

describe('manual waypoint', () => {
  const plan = anOpenPlan({ kind: 'manual' });

  it('asks when an agent asks, and names the agent in requestedBy', () => {
    const result = run({ trigger: { kind: 'manual', agentId: 'agent-7' }, plans: [plan] });
    expect(result.decisions[0]?.reason).toBe('asked');
    expect(result.ask?.requestedBy).toBe('agent-7');
  });

  it('refuses with "waypoint-mismatch" on a lifecycle event', () => {
    expect(decide(plan, onEvent(events.created())).reason).toBe('waypoint-mismatch');
  });

  it('refuses a non-manual plan with "waypoint-mismatch" when an agent asks', () => {
    expect(decide(aPlan(), { kind: 'manual', agentId: 'agent-7' }).reason).toBe('waypoint-mismatch');
  });

  it('is still subject to fatigue: "cooldown" when the requester was asked an hour ago', () => {
    const cautious = anOpenPlan({ kind: 'manual' }, { fatigue: { cooldownHours: 24 } });
    const now = T0 + hours(10);
    expect(
      decide(cautious, { kind: 'manual', agentId: 'agent-7' }, { history: { lastAskedAt: now - hours(1) }, now })
        .reason,
    ).toBe('cooldown');
  });

  it('asks on a closed ticket, not mid-flight', () => {
    const result = run({
      trigger: { kind: 'manual', agentId: 'agent-7' },
      plans: [plan],
      ticket: aTicket({ statusCategory: 'done' }),
    });
    expect(result.ask?.midFlight).toBe(false);
  });
});

describe('a deleted ticket', () => {
  it('refuses every plan with "waypoint-mismatch"', () => {
    const deleted = {
      key: '10001:deleted',
      issueId: '10001',
      issueKey: 'HELP-1',
      projectId: '10000',
      at: T0,
      actorId: null,
      type: 'deleted' as const,
    };
    const plans = [
      anOpenPlan({ kind: 'created' }),
      anOpenPlan({ kind: 'resolved' }),
      anOpenPlan({ kind: 'status-changed', toCategories: ['done'] }),
    ];
    expect(run({ trigger: onEvent(deleted), plans }).decisions.map((d) => d.reason)).toEqual([
      'waypoint-mismatch',
      'waypoint-mismatch',
      'waypoint-mismatch',
    ]);
  });
});

/**
 * Each miss keeps its English sentence (logs, decisions stored before) and carries a stable code
 * with the figures a view words it from. Oracle: the figures worked out by hand from each case's
 * plan and ticket, and the stored shape read back through its schema.
 */
describe('a miss carries its code and figures beside the English', () => {
  const manual: SurveyTrigger = { kind: 'manual', agentId: 'agent-1' };
  const unassigned = { ...events.reassigned(), toAssigneeId: null };
  const cases: ReadonlyArray<{ name: string; decision: () => PlanDecision; facts: RefusalFacts }> = [
    {
      name: 'a first-response plan at the scheduled check',
      decision: () => decide(anOpenPlan({ kind: 'first-response' }), TICK),
      facts: { miss: 'wrong-trigger', waypoint: 'first-response', trigger: 'tick' },
    },
    {
      name: 'an idle plan at a requester comment',
      decision: () => decide(anOpenPlan({ kind: 'idle', hours: 24 }), onEvent(events.requesterComment())),
      facts: { miss: 'wrong-trigger', waypoint: 'idle', trigger: 'requester-comment' },
    },
    {
      name: 'a created plan at an agent’s request',
      decision: () => decide(anOpenPlan({ kind: 'created' }), manual),
      facts: { miss: 'wrong-trigger', waypoint: 'created', trigger: 'manual' },
    },
    {
      name: 'a long-running plan on a done ticket',
      decision: () =>
        decide(anOpenPlan({ kind: 'long-running', hours: 72 }), TICK, {
          ticket: aTicket({ statusCategory: 'done' }),
          now: T0 + hours(100),
        }),
      facts: { miss: 'ticket-done', waypoint: 'long-running' },
    },
    {
      // Open 71 of the 72 hours the plan waits for.
      name: 'a 72-hour long-running plan at 71 hours',
      decision: () => decide(anOpenPlan({ kind: 'long-running', hours: 72 }), TICK, { now: T0 + hours(71) }),
      facts: { miss: 'open-less-than', hours: 72 },
    },
    {
      // The agent spoke 2 hours after creation; 12 hours later is within the plan's 36.
      name: 'a 36-hour idle plan 12 hours after the agent spoke',
      decision: () =>
        decide(anOpenPlan({ kind: 'idle', hours: 36 }), TICK, {
          ticket: aTicket({ lastPublicAgentActivityAt: T0 + hours(2), hadPublicAgentComment: true }),
          now: T0 + hours(14),
        }),
      facts: { miss: 'agent-active-within', hours: 36 },
    },
    {
      name: 'a first-response plan at an internal comment',
      decision: () => decide(anOpenPlan({ kind: 'first-response' }), onEvent(events.agentComment(false))),
      facts: { miss: 'internal-comment' },
    },
    {
      name: 'a first-response plan at a second public comment',
      decision: () =>
        decide(anOpenPlan({ kind: 'first-response' }), onEvent(events.agentComment(true)), {
          ticket: aTicket({ hadPublicAgentComment: true }),
        }),
      facts: { miss: 'already-responded' },
    },
    {
      name: 'a status plan at a status it does not list',
      decision: () =>
        decide(
          anOpenPlan({ kind: 'status-changed', toStatuses: ['Waiting for customer'] }),
          onEvent(events.statusChanged(STATUS.inProgress)),
        ),
      facts: { miss: 'status-not-listed', status: 'In Progress' },
    },
    {
      name: 'a reassignment plan at the first assignment',
      decision: () =>
        decide(anOpenPlan({ kind: 'reassigned' }), onEvent(events.reassigned()), {
          ticket: aTicket({ wasAssigned: false }),
        }),
      facts: { miss: 'first-assignment' },
    },
    {
      name: 'a reassignment plan when the assignee is removed',
      decision: () => decide(anOpenPlan({ kind: 'reassigned' }), onEvent(unassigned)),
      facts: { miss: 'unassigned' },
    },
    {
      // Four reassignments so far: this one is the 5th; the plan asks from the 6th.
      name: 'a from-the-6th reassignment plan at the 5th',
      decision: () =>
        decide(anOpenPlan({ kind: 'reassigned', fromNth: 6 }), onEvent(events.reassigned()), {
          ticket: aTicket({ reassignCount: 4 }),
        }),
      facts: { miss: 'before-nth-reassignment', nth: 5, fromNth: 6 },
    },
  ];

  it.each(cases)('$name', ({ decision, facts }) => {
    const d = decision();
    expect(d.asked).toBe(false);
    expect(d.facts).toEqual(facts);
    expect(d.message).not.toBe('');
    // Kept on the ticket as it is: the stored shape reads the code and figures back unchanged.
    expect(PlanDecisionSummarySchema.parse(JSON.parse(JSON.stringify(d))).facts).toEqual(facts);
  });

  it('covers every miss code', () => {
    expect(new Set(cases.map((c) => c.facts.miss))).toEqual(new Set(WAYPOINT_MISS_CODES));
  });

  it('reads a decision stored before misses had codes (English only, no figures)', () => {
    const stored = {
      planId: 'p1',
      planName: 'After reassignment',
      asked: false,
      reason: 'waypoint-mismatch',
      message: 'this is reassignment 2; the plan asks from reassignment 3 on',
      at: T0,
    };
    expect(PlanDecisionSummarySchema.parse(stored)).toEqual(stored);
  });

  it('refuses a stored miss code it does not know (the check can fail)', () => {
    const stored = { planId: 'p1', planName: 'P', asked: false, reason: 'waypoint-mismatch', message: 'm', at: T0 };
    expect(PlanDecisionSummarySchema.safeParse({ ...stored, facts: { miss: 'no-such-miss' } }).success).toBe(false);
  });
});
