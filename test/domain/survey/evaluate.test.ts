import { describe, expect, it } from 'vitest';
import { AskSchema } from '../../../src/domain/ask';
import { askIdFor } from '../../../src/domain/survey';
import { aPlan, anOpenPlan, aTicket, events, hours, onEvent, run, STATUS, T0 } from './builders';
import { chips } from '../../support/chips';

const now = T0 + hours(3);

describe('the ask a plan creates', () => {
  const plan = aPlan({
    id: 'waiting-for-customer',
    name: 'Waiting for customer',
    waypoint: { kind: 'status-changed', toStatuses: ['Waiting for customer'] },
    question: { kind: 'ces7', text: 'How easy was it to get help?' },
    followUps: {
      reasonChips: { negative: chips('Slow'), neutral: chips('OK'), positive: chips('Fast') },
      comment: { enabled: true, maxLength: 300 },
      lostTime: {
        enabled: true,
        choices: [
          { id: 'none', label: 'None', minutes: 0 },
          { id: 'day', label: 'A day', minutes: 480 },
        ],
      },
    },
    fatigue: { expiryHours: 48, reminder: { enabled: true, afterHours: 20 } },
  });
  const result = run({ trigger: onEvent(events.statusChanged(STATUS.waitingForCustomer, '777')), plans: [plan], now });
  const ask = result.ask;

  it('is a valid Ask', () => {
    expect(AskSchema.safeParse(ask).success).toBe(true);
  });

  it("is addressed to the reporter of this ticket, pending, at the plan's waypoint", () => {
    expect(ask).toMatchObject({
      planId: 'waiting-for-customer',
      ticketId: '10001',
      issueKey: 'HELP-1',
      projectId: '10000',
      requesterId: 'customer-1',
      waypoint: 'status-changed',
      status: 'pending',
      midFlight: true,
      answer: null,
      remindedAt: null,
      requestedBy: null,
    });
  });

  it('expires 48 hours after it was created and is due a reminder after 20 hours', () => {
    expect(ask?.createdAt).toBe(now);
    expect(ask?.expiresAt).toBe(now + hours(48));
    expect(ask?.reminderDueAt).toBe(now + hours(20));
  });

  it('snapshots the question and follow-ups of the plan', () => {
    expect(ask?.question).toEqual({
      kind: 'ces7',
      text: 'How easy was it to get help?',
      reasonChips: { negative: chips('Slow'), neutral: chips('OK'), positive: chips('Fast') },
      comment: { enabled: true, maxLength: 300 },
      lostTime: {
        enabled: true,
        choices: [
          { id: 'none', label: 'None', minutes: 0 },
          { id: 'day', label: 'A day', minutes: 480 },
        ],
      },
    });
  });

  it('does not share arrays with the plan, so a later plan edit cannot change it', () => {
    plan.followUps.reasonChips.negative.push(...chips('Rude'));
    expect(ask?.question.reasonChips.negative).toEqual(chips('Slow'));
    plan.followUps.reasonChips.negative.pop();
  });

  it('has no reminder when the plan turns reminders off', () => {
    const quiet = anOpenPlan({ kind: 'created' }, { fatigue: { reminder: { enabled: false, afterHours: 24 } } });
    expect(run({ trigger: onEvent(events.created()), plans: [quiet], now }).ask?.reminderDueAt).toBeNull();
  });

  it('takes its id from ticket, plan and waypoint occurrence', () => {
    expect(ask?.id).toBe(askIdFor('10001', 'waiting-for-customer', 'event:10001:777'));
    expect(ask?.id).toMatch(/^ask-10001-[0-9a-f]{16}$/);
  });

  it('reports the decision with the ask id', () => {
    expect(result.decisions).toEqual([
      {
        planId: 'waiting-for-customer',
        planName: 'Waiting for customer',
        asked: true,
        reason: 'asked',
        askId: ask?.id,
        message: 'asked at a status change',
        at: now,
      },
    ]);
  });
});

describe('several plans at one event', () => {
  const plans = [
    anOpenPlan({ kind: 'created' }, { id: 'off', name: 'Off', enabled: false }),
    anOpenPlan({ kind: 'resolved' }, { id: 'at-resolve', name: 'At resolve' }),
    anOpenPlan({ kind: 'created' }, { id: 'first', name: 'First' }),
    anOpenPlan({ kind: 'created' }, { id: 'second', name: 'Second' }),
    anOpenPlan({ kind: 'created' }, { id: 'sampled', name: 'Sampled', fatigue: { samplingPercent: 0 } }),
  ];
  const result = run({ trigger: onEvent(events.created()), plans, now });

  it('creates one ask, from the first plan in order that may ask', () => {
    expect(result.ask?.planId).toBe('first');
  });

  it('returns a decision for every plan, in plan order, with its reason', () => {
    expect(result.decisions.map((d) => [d.planId, d.reason])).toEqual([
      ['off', 'plan-disabled'],
      ['at-resolve', 'waypoint-mismatch'],
      ['first', 'asked'],
      ['second', 'another-plan-asked'],
      ['sampled', 'sampled-out'],
    ]);
  });

  it('tells the other plans which plan asked', () => {
    expect(result.decisions[3]?.message).toBe('the plan “First” comes first in the list and asked');
  });

  it('writes no ask id, plan id or event type into a message (they reach the agent panel)', () => {
    for (const d of result.decisions) {
      expect(d.message).not.toContain(result.ask?.id ?? 'no ask');
      for (const p of plans.filter((x) => x.id.includes('-'))) expect(d.message).not.toContain(p.id);
      expect(d.message).not.toMatch(/"created"|waypoint\b/);
    }
  });
});

describe('a redelivered event', () => {
  const plans = [anOpenPlan({ kind: 'reassigned' }, { id: 'a' }), anOpenPlan({ kind: 'reassigned' }, { id: 'b' })];
  const event = events.reassigned('4242');

  it('creates the same ask id both times, so storage sees the duplicate', () => {
    const first = run({ trigger: onEvent(event), plans, now });
    const again = run({ trigger: onEvent(event), plans, now: now + hours(2) });
    expect(again.ask?.id).toBe(first.ask?.id);
  });

  it('creates no second ask once the first is on the ticket, even after it was answered', () => {
    const first = run({ trigger: onEvent(event), plans, now }).ask;
    expect(first).not.toBeNull();
    const asks = first ? [{ ...first, status: 'answered' as const }] : [];
    const again = run({
      trigger: onEvent(event),
      plans,
      now: now + hours(2),
      ticket: aTicket({ asks, reassignCount: 1 }),
    });
    expect(again.ask).toBeNull();
    expect(again.decisions.map((d) => d.reason)).toEqual(['already-asked-at-waypoint', 'another-plan-asked']);
  });

  it('still asks at a different reassignment', () => {
    const first = run({ trigger: onEvent(event), plans, now }).ask;
    const asks = first ? [{ ...first, status: 'answered' as const }] : [];
    const next = run({
      trigger: onEvent(events.reassigned('4243')),
      plans,
      now: now + hours(2),
      ticket: aTicket({ asks, reassignCount: 1 }),
    });
    expect(next.ask?.planId).toBe('a');
    expect(next.ask?.id).not.toBe(first?.id);
  });
});

describe('manual asks', () => {
  const plan = anOpenPlan({ kind: 'manual' });

  it('gives a retried request with the same request key the same ask id', () => {
    const a = run({ trigger: { kind: 'manual', agentId: 'agent-7', requestKey: 'r-1' }, plans: [plan], now });
    const b = run({
      trigger: { kind: 'manual', agentId: 'agent-7', requestKey: 'r-1' },
      plans: [plan],
      now: now + 5_000,
    });
    expect(b.ask?.id).toBe(a.ask?.id);
  });

  it('gives two requests without a key two ask ids', () => {
    const a = run({ trigger: { kind: 'manual', agentId: 'agent-7' }, plans: [plan], now });
    const b = run({ trigger: { kind: 'manual', agentId: 'agent-7' }, plans: [plan], now: now + 5_000 });
    expect(b.ask?.id).not.toBe(a.ask?.id);
  });
});

describe('no plans', () => {
  it('returns no decisions and no ask', () => {
    expect(run({ trigger: onEvent(events.created()), plans: [], now })).toEqual({
      decisions: [],
      ask: null,
      withdraw: [],
    });
  });
});
