import { describe, expect, it } from 'vitest';
import type { TicketAsk } from '../../../src/domain/survey';
import { aPlan, anOpenPlan, aTicket, decide, events, hours, onEvent, run, T0 } from './builders';

const now = T0 + hours(10);
const firstResponse = onEvent(events.agentComment(true));
const earlierAsk = (over: Partial<TicketAsk> = {}): TicketAsk => ({
  id: 'ask-10001-earlier',
  planId: 'on-create',
  waypoint: 'created',
  status: 'answered',
  createdAt: T0,
  expiresAt: T0 + hours(72),
  ...over,
});

describe('plan switched off', () => {
  it('refuses with "plan-disabled"', () => {
    const d = decide(anOpenPlan({ kind: 'first-response' }, { enabled: false }), firstResponse, { now });
    expect(d).toMatchObject({ asked: false, reason: 'plan-disabled', message: 'the plan is turned off' });
  });
});

describe('scope', () => {
  it('refuses with "out-of-scope" for a ticket in another project', () => {
    const plan = anOpenPlan({ kind: 'first-response' }, { scope: { projectIds: ['20000'] } });
    expect(decide(plan, firstResponse, { now }).reason).toBe('out-of-scope');
  });

  it('refuses with "out-of-scope" for a request type the plan does not list', () => {
    const plan = anOpenPlan({ kind: 'first-response' }, { scope: { requestTypeIds: ['rt-access'] } });
    expect(decide(plan, firstResponse, { now }).reason).toBe('out-of-scope');
  });

  it('asks when project, request type and priority are all listed', () => {
    const plan = anOpenPlan(
      { kind: 'first-response' },
      { scope: { projectIds: ['10000'], requestTypeIds: ['rt-laptop'], priorities: ['High'] } },
    );
    expect(decide(plan, firstResponse, { now }).reason).toBe('asked');
  });
});

describe('requester', () => {
  it('refuses with "no-requester" when the ticket has no reporter', () => {
    expect(
      decide(anOpenPlan({ kind: 'first-response' }), firstResponse, { now, ticket: aTicket({ reporterId: null }) })
        .reason,
    ).toBe('no-requester');
  });
});

describe('cooldown', () => {
  const plan = anOpenPlan(
    { kind: 'first-response' },
    { fatigue: { cooldownHours: 72, noNewAskWhilePending: false, maxAsksPerTicket: 20 } },
  );

  it('refuses with "cooldown" when the requester was asked 2 hours ago', () => {
    const d = decide(plan, firstResponse, { now, history: { lastAskedAt: now - hours(2) } });
    expect(d).toMatchObject({
      reason: 'cooldown',
      message: 'the requester was last asked 2 h ago; the plan waits 72 h between asks',
      // The figures the sentence is made of, for the panel to word it in the agent's language.
      facts: { lastAskedAt: now - hours(2), cooldownHours: 72 },
    });
  });

  it('refuses with "cooldown" when the last ask was on this ticket and the history lags behind', () => {
    const ticket = aTicket({ asks: [earlierAsk({ createdAt: now - hours(5) })] });
    expect(decide(plan, firstResponse, { now, ticket, history: { lastAskedAt: null } }).reason).toBe('cooldown');
  });

  it('asks when the last ask was exactly 72 hours ago', () => {
    expect(decide(plan, firstResponse, { now, history: { lastAskedAt: now - hours(72) } }).reason).toBe('asked');
  });

  it('asks a requester who was never asked', () => {
    expect(decide(plan, firstResponse, { now, history: { lastAskedAt: null } }).reason).toBe('asked');
  });
});

describe('max asks per ticket', () => {
  it('refuses with "max-asks-reached" when the ticket already had 2 asks and the plan allows 2', () => {
    const plan = anOpenPlan(
      { kind: 'first-response' },
      { fatigue: { maxAsksPerTicket: 2, cooldownHours: 0, noNewAskWhilePending: false } },
    );
    const ticket = aTicket({ asks: [earlierAsk({ id: 'a1' }), earlierAsk({ id: 'a2', status: 'expired' })] });
    const d = decide(plan, firstResponse, { now, ticket });
    expect(d).toMatchObject({
      reason: 'max-asks-reached',
      message: 'the requester was already asked twice on this ticket; the plan allows twice',
      facts: { asked: 2, allowed: 2 },
    });
  });

  it('asks when the ticket had 1 ask and the plan allows 2', () => {
    const plan = anOpenPlan(
      { kind: 'first-response' },
      { fatigue: { maxAsksPerTicket: 2, cooldownHours: 0, noNewAskWhilePending: false } },
    );
    expect(decide(plan, firstResponse, { now, ticket: aTicket({ asks: [earlierAsk()] }) }).reason).toBe('asked');
  });
});

describe('pending ask on the ticket', () => {
  const pending = earlierAsk({ id: 'ask-10001-pending', status: 'pending', createdAt: T0, expiresAt: T0 + hours(72) });

  it('refuses with "ask-pending" while the requester has not answered', () => {
    const plan = anOpenPlan(
      { kind: 'first-response' },
      { fatigue: { noNewAskWhilePending: true, cooldownHours: 0, maxAsksPerTicket: 20 } },
    );
    const d = decide(plan, firstResponse, { now, ticket: aTicket({ asks: [pending] }) });
    expect(d).toMatchObject({
      reason: 'ask-pending',
      message: 'a survey sent on this ticket is still waiting for the requester’s answer',
    });
  });

  it('does not count a pending ask whose expiry has passed', () => {
    const plan = anOpenPlan(
      { kind: 'first-response' },
      { fatigue: { noNewAskWhilePending: true, cooldownHours: 0, maxAsksPerTicket: 20 } },
    );
    expect(decide(plan, firstResponse, { now: T0 + hours(72), ticket: aTicket({ asks: [pending] }) }).reason).toBe(
      'asked',
    );
  });

  it('replaces the pending ask, withdrawing it, when the plan allows a new ask while one is pending', () => {
    const plan = anOpenPlan(
      { kind: 'first-response' },
      { fatigue: { noNewAskWhilePending: false, cooldownHours: 0, maxAsksPerTicket: 20 } },
    );
    const result = run({ trigger: firstResponse, plans: [plan], now, ticket: aTicket({ asks: [pending] }) });
    expect(result.decisions[0]?.reason).toBe('asked');
    expect(result.withdraw).toEqual(['ask-10001-pending']);
  });
});

describe('sampling', () => {
  it('refuses with "sampled-out" at 0 %', () => {
    const plan = anOpenPlan({ kind: 'first-response' }, { fatigue: { samplingPercent: 0, cooldownHours: 0 } });
    expect(decide(plan, firstResponse, { now })).toMatchObject({
      reason: 'sampled-out',
      message: 'not in the 0 % sample this time',
      facts: { samplingPercent: 0 },
    });
  });

  it('asks roughly half the tickets at 50 %', () => {
    const plan = anOpenPlan({ kind: 'first-response' }, { fatigue: { samplingPercent: 50, cooldownHours: 0 } });
    let asked = 0;
    for (let i = 0; i < 2000; i++) {
      const ticket = aTicket({ ticketId: String(20000 + i) });
      if (decide(plan, firstResponse, { now, ticket }).asked) asked++;
    }
    expect(asked).toBeGreaterThan(900);
    expect(asked).toBeLessThan(1100);
  });

  it('samples the same way when the same event is evaluated again with a fresh random', () => {
    const plan = anOpenPlan({ kind: 'first-response' }, { fatigue: { samplingPercent: 50, cooldownHours: 0 } });
    for (let i = 0; i < 50; i++) {
      const ticket = aTicket({ ticketId: String(30000 + i) });
      const first = decide(plan, firstResponse, { now, ticket, seed: 'site-a' }).reason;
      const replay = decide(plan, firstResponse, { now: now + hours(1), ticket, seed: 'site-a' }).reason;
      expect(replay).toBe(first);
    }
  });
});

describe('the order of refusals', () => {
  it('names "plan-disabled" before any other reason once its waypoint is reached', () => {
    const plan = anOpenPlan({ kind: 'first-response' }, { enabled: false, scope: { projectIds: ['elsewhere'] } });
    expect(decide(plan, firstResponse, { now, ticket: aTicket({ reporterId: null }) }).reason).toBe('plan-disabled');
  });

  it('a plan that is off says nothing about moments that are not its waypoint', () => {
    const plan = anOpenPlan({ kind: 'created' }, { enabled: false });
    expect(decide(plan, firstResponse, { now }).reason).toBe('waypoint-mismatch');
  });

  it('names "waypoint-mismatch" before "out-of-scope"', () => {
    const plan = anOpenPlan({ kind: 'created' }, { scope: { projectIds: ['elsewhere'] } });
    expect(decide(plan, firstResponse, { now }).reason).toBe('waypoint-mismatch');
  });

  it('names "ask-pending" before "cooldown" with the default fatigue controls', () => {
    const pending = earlierAsk({ status: 'pending', createdAt: now - hours(1), expiresAt: now + hours(71) });
    expect(decide(aPlan(), firstResponse, { now, ticket: aTicket({ asks: [pending] }) }).reason).toBe('ask-pending');
  });
});
