/**
 * Each fatigue rule of a survey plan refuses on the local host with its own reason code and a
 * message, and a refusal writes no ask. Manual asks ("ask for feedback now") go through the same
 * rules as lifecycle waypoints, so the agent resolver exercises every rule one plan at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from './support/config';
import { MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

type AskNow =
  { outcome: 'asked'; ask: { id: string; planId: string } } | { outcome: 'refused'; reason: string; message: string };

describe('fatigue controls on the local host', () => {
  let h: TestHost;
  let agent: string;
  let n = 0;

  const newTicket = async (reporter: string) => {
    n += 1;
    const t = h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary: `Fatigue ${n}`, reporter });
    await h.waitForIdle();
    return { id: t.id, key: t.key };
  };
  const askNow = async (issue: { id: string; key: string }, planId: string) =>
    unwrap(await h.call<AskNow>(MODULE.agent, 'askNow', { planId }, agent, { issue }));
  const asks = () => h.entity('ask').length;

  beforeAll(async () => {
    h = await startTestHost();
    agent = h.users.agents[0] ?? '';
    const admin = h.users.admins[0] ?? '';
    const manual = { kind: 'manual' } as const;
    const quiet = { cooldownHours: 0, reminder: { enabled: false, afterHours: 1 } };
    const plans = [
      plan('manual-pending', manual, { fatigue: { ...quiet } }),
      plan('manual-max', manual, { fatigue: { ...quiet, noNewAskWhilePending: false, maxAsksPerTicket: 1 } }),
      plan('manual-cooldown', manual, { fatigue: { ...quiet, cooldownHours: 72 } }),
      plan('manual-sampled', manual, { fatigue: { ...quiet, samplingPercent: 0 } }),
      plan('manual-off', manual, { enabled: false }),
      plan('manual-elsewhere', manual, { scope: { projectIds: ['99999'] } }),
    ];
    for (const p of plans) unwrap(await h.call(MODULE.admin, 'savePlan', { plan: p }, admin));
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('refuses a second ask while the first is pending (ask-pending)', async () => {
    const t = await newTicket(h.users.customers[0] ?? '');
    const first = await askNow(t, 'manual-pending');
    expect(first.outcome).toBe('asked');
    h.advanceBoth(60_000); // a minute later (a manual ask's occurrence is the moment it is asked)
    const before = asks();
    const second = await askNow(t, 'manual-pending');
    expect(second).toEqual({
      outcome: 'refused',
      reason: 'ask-pending',
      message: 'a survey sent on this ticket is still waiting for the requester’s answer',
    });
    expect(asks()).toBe(before);
  });

  it("refuses beyond the plan's asks per ticket (max-asks-reached)", async () => {
    const t = await newTicket(h.users.customers[1] ?? '');
    expect((await askNow(t, 'manual-max')).outcome).toBe('asked');
    h.advanceBoth(60_000);
    const before = asks();
    expect(await askNow(t, 'manual-max')).toEqual({
      outcome: 'refused',
      reason: 'max-asks-reached',
      message: 'the requester was already asked once on this ticket; the plan allows once',
      facts: { asked: 1, allowed: 1 },
    });
    expect(asks()).toBe(before);
  });

  it('refuses a requester asked on another ticket within the cooldown (cooldown)', async () => {
    const requester = h.users.customers[2] ?? '';
    const first = await newTicket(requester);
    expect((await askNow(first, 'manual-pending')).outcome).toBe('asked');
    h.advanceBoth(2 * 3_600_000);
    const second = await newTicket(requester);
    const before = asks();
    // Asked 2 h ago on the other ticket; the plan waits 72 h.
    expect(await askNow(second, 'manual-cooldown')).toEqual({
      outcome: 'refused',
      reason: 'cooldown',
      message: 'the requester was last asked 2 h ago; the plan waits 72 h between asks',
      facts: { lastAskedAt: expect.any(Number), cooldownHours: 72 },
    });
    expect(asks()).toBe(before);
  });

  it('refuses outside the sample (sampled-out)', async () => {
    const t = await newTicket(h.users.customers[3] ?? '');
    expect(await askNow(t, 'manual-sampled')).toEqual({
      outcome: 'refused',
      reason: 'sampled-out',
      message: 'not in the 0 % sample this time',
      facts: { samplingPercent: 0 },
    });
  });

  it('refuses when the plan is turned off (plan-disabled)', async () => {
    const t = await newTicket(h.users.customers[4] ?? '');
    expect(await askNow(t, 'manual-off')).toEqual({
      outcome: 'refused',
      reason: 'plan-disabled',
      message: 'the plan is turned off',
    });
  });

  it("refuses a ticket outside the plan's scope (out-of-scope)", async () => {
    const t = await newTicket(h.users.customers[5] ?? '');
    expect(await askNow(t, 'manual-elsewhere')).toEqual({
      outcome: 'refused',
      reason: 'out-of-scope',
      message: "the ticket is outside the plan's projects, request types or priorities",
    });
  });

  it('offers the agent the enabled manual plans in scope, each with the rule that would refuse it now', async () => {
    type View = {
      manualPlans: Array<{ planId: string; planName: string; refusal: { reason: string; message: string } | null }>;
    };
    const t = await newTicket(h.users.customers[7] ?? '');
    const before = unwrap(await h.call<View>(MODULE.agent, 'getTicketExperience', {}, agent, { issue: t }));
    // Turned off and out-of-scope plans are not offered; a 0 % sample can never ask.
    expect(before.manualPlans).toEqual([
      { planId: 'manual-pending', planName: 'Plan manual-pending', refusal: null },
      { planId: 'manual-max', planName: 'Plan manual-max', refusal: null },
      { planId: 'manual-cooldown', planName: 'Plan manual-cooldown', refusal: null },
      {
        planId: 'manual-sampled',
        planName: 'Plan manual-sampled',
        refusal: { reason: 'sampled-out', message: 'not in the 0 % sample this time', facts: { samplingPercent: 0 } },
      },
    ]);
    expect((await askNow(t, 'manual-pending')).outcome).toBe('asked');
    h.advanceBoth(60_000);
    const after = unwrap(await h.call<View>(MODULE.agent, 'getTicketExperience', {}, agent, { issue: t }));
    expect(after.manualPlans.find((p) => p.planId === 'manual-pending')?.refusal).toEqual({
      reason: 'ask-pending',
      message: 'a survey sent on this ticket is still waiting for the requester’s answer',
    });
    // This plan allows a new ask while one is pending; its limit of 1 ask per ticket is what stops it.
    expect(after.manualPlans.find((p) => p.planId === 'manual-max')?.refusal).toEqual({
      reason: 'max-asks-reached',
      message: 'the requester was already asked once on this ticket; the plan allows once',
      facts: { asked: 1, allowed: 1 },
    });
    // The preview wrote nothing: the ticket still has exactly the one ask.
    expect(h.entity('ask').filter((row) => JSON.stringify(row.value).includes(t.id)).length).toBe(1);
  });

  it('says so when no manual plan applies (no-manual-plan)', async () => {
    const t = await newTicket(h.users.customers[6] ?? '');
    const env = await h.call(MODULE.agent, 'askNow', { planId: 'no-such-plan' }, agent, { issue: t });
    expect(env).toEqual({
      ok: false,
      error: {
        code: 'refused',
        reason: 'no-manual-plan',
        message: 'No survey plan is set up for manual asks on this ticket.',
      },
    });
  });
});
