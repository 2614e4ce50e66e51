/**
 * Who may do what (DESIGN.md: identity from the Forge context, never the payload; a person sees and
 * changes only their own answers; admins configure; agents see tickets they may browse). Each
 * attack uses a payload the resolver would accept from the right person, so only the identity
 * decides — and each refusal is `forbidden` (or `not-found`) with nothing written.
 */
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { attack } from './support/attacks';
import {
  MODULE,
  call,
  issueContext,
  myAsk,
  ok,
  portalContext,
  projectContext,
  savePlan,
  startAdversary,
  storage,
  surveyPlan,
  type Adversary,
} from './support/site';

const XLA = {
  id: 'stolen',
  name: 'Stolen',
  indicators: [{ id: 'csat', weight: 1, floor: 0.5, target: 0.9, prior: 0.8 }],
};
const PLAN = surveyPlan('intruder', { kind: 'created' });

/** A payload each resolver accepts from someone entitled to call it. */
const ADMIN_CALLS: Record<string, unknown> = {
  getConfig: {},
  saveXla: { xla: XLA },
  deleteXla: { id: 'experience' },
  savePlan: { plan: PLAN },
  deletePlan: { id: 'on-create' },
  exportConfig: {},
  importConfig: { config: { format: 'sentio-config', version: 1, xlas: [XLA], plans: [] }, mode: 'replace' },
  getAuditLog: {},
  listScopeOptions: {},
  startRecompute: {},
  getRecomputeStatus: {},
  rotateSigningKey: {},
};
const AGENT_CALLS: Record<string, unknown> = { getTicketExperience: {}, askNow: {}, markFollowUpDone: {} };
const PROJECT_CALLS: Record<string, unknown> = {
  getScorecards: {},
  getSeries: { xlaId: 'experience' },
  getWatermelon: {},
  getWatermelonTickets: { requestTypeId: null },
  getAtRiskTickets: {},
  getVerbatims: {},
  getResponseStats: {},
  exportCsv: {},
};

/** The scope-picker cache's row in `storage()`'s JSON. */
const SCOPE_OPTIONS_ROW = /,?\{"ns":"entity","entity":"doc","key":"scope-options","value":"(?:[^"\\]|\\.)*"\}/;

describe('access', () => {
  let a: Adversary;
  let victim = '';
  let own = '';
  let victimAsk = '';

  beforeAll(async () => {
    a = await startAdversary();
    await savePlan(a, surveyPlan('on-create', { kind: 'created' }));
    await savePlan(a, surveyPlan('by-hand', { kind: 'manual' }));
    victim = a.h.site.createTicket({
      projectKey: 'IT',
      summary: 'Victim',
      reporter: a.people.requester,
      participants: [a.people.participant],
    }).key;
    own = a.h.site.createTicket({ projectKey: 'IT', summary: 'Own', reporter: a.people.stranger }).key;
    await a.h.waitForIdle();
    victimAsk = (await myAsk(a, victim))?.askId ?? '';
    ok(
      await call(
        a.h,
        MODULE.portal,
        'answerAsk',
        { askId: victimAsk, score: 1, reasons: ['Slow'], comment: 'Private: my manager is the problem' },
        a.people.requester,
        portalContext(a.h, victim),
      ),
    );
  });

  afterAll(async () => {
    await a?.close();
  });

  /** The call is refused with one of `codes` and storage is exactly as it was. */
  async function refused(
    moduleKey: string,
    name: string,
    payload: unknown,
    as: string,
    context: Record<string, unknown>,
    codes: readonly string[] = ['forbidden'],
  ): Promise<void> {
    // Project resolvers read while the browse check is in flight, and that read may fill the site's
    // scope-picker cache (project, request type and priority names the app reads as itself): it
    // holds nothing of the project, and nothing of it reaches the refused caller.
    const snapshot = () =>
      moduleKey === MODULE.project || moduleKey === MODULE.gadget
        ? storage(a.h).replace(SCOPE_OPTIONS_ROW, '')
        : storage(a.h);
    const before = snapshot();
    const res = await a.h.invoke(moduleKey, name, payload, as, context).catch((e: unknown) => e as Error);
    if (res instanceof Error || !res.ok) {
      // Forge itself turns the person away: an unlicensed customer on a module without
      // `unlicensedAccess: [customer]`, or nobody signed in (manifest-reference, jiraServiceManagement).
      const message = res instanceof Error ? res.message : res.error?.message;
      expect(message).toMatch(/does not allow unlicensed|unknown or inactive account/);
    } else {
      const env = res.value as { ok: boolean; error?: { code: string } };
      expect(env.ok ? 'ok' : env.error?.code, `${name} as ${as}`).toSatisfy((c: string) => codes.includes(c));
    }
    expect(snapshot()).toBe(before);
    await a.h.waitForIdle();
    expect(snapshot()).toBe(before);
  }

  for (const [name, payload] of Object.entries(ADMIN_CALLS)) {
    attack('access', `an agent (not a Jira admin) cannot call ${name}`, () =>
      refused(MODULE.admin, name, payload, a.people.agent, {}),
    );
    attack('access', `a portal customer cannot call ${name}`, () =>
      refused(MODULE.admin, name, payload, a.people.requester, {}),
    );
  }
  for (const [name, payload] of Object.entries(AGENT_CALLS)) {
    attack('access', `an agent without access to the project cannot call ${name}`, () =>
      refused(MODULE.agent, name, payload, a.people.restricted, issueContext(a.h, victim), ['forbidden', 'not-found']),
    );
    attack('access', `the requester cannot open the agent panel's ${name}`, () =>
      refused(MODULE.agent, name, payload, a.people.requester, issueContext(a.h, victim), ['forbidden', 'not-found']),
    );
  }
  for (const [name, payload] of Object.entries(PROJECT_CALLS)) {
    attack('access', `an agent without access to IT cannot read ${name} of IT`, () =>
      refused(MODULE.project, name, payload, a.people.restricted, projectContext(a.h, 'IT')),
    );
    attack('access', `a portal customer cannot read ${name}`, () =>
      refused(MODULE.project, name, payload, a.people.requester, projectContext(a.h, 'IT')),
    );
  }
  for (const [name, payload] of Object.entries(PROJECT_CALLS))
    attack('access', `a dashboard gadget set to IT cannot show ${name} to an agent without access to IT`, () =>
      refused(
        MODULE.gadget,
        name,
        { ...(payload as object), projectId: a.h.site.raw.project('IT')?.id },
        a.people.restricted,
        {},
      ),
    );

  attack('access', "another customer cannot read the requester's survey", () =>
    refused(MODULE.portal, 'getMyAsk', {}, a.people.stranger, portalContext(a.h, victim)),
  );
  attack('access', "another customer cannot answer the requester's survey on the requester's request", () =>
    refused(MODULE.portal, 'answerAsk', { askId: victimAsk, score: 5 }, a.people.stranger, portalContext(a.h, victim)),
  );
  attack('access', "another customer cannot answer the requester's survey by naming it from their own request", () =>
    refused(MODULE.portal, 'answerAsk', { askId: victimAsk, score: 5 }, a.people.stranger, portalContext(a.h, own), [
      'not-found',
      'forbidden',
    ]),
  );
  attack('access', "a participant is shown nothing of the requester's answer (B1)", async () => {
    const before = storage(a.h);
    const env = await call<{ ask: unknown }>(
      a.h,
      MODULE.portal,
      'getMyAsk',
      {},
      a.people.participant,
      portalContext(a.h, victim),
    );
    expect(env.ok ? env.data.ask : env.error.code).toSatisfy((v: unknown) => v === null || v === 'forbidden');
    expect(JSON.stringify(env)).not.toContain('manager is the problem');
    expect(storage(a.h)).toBe(before);
  });
  attack('access', "a participant cannot replace the requester's answer (B1)", async () => {
    await refused(
      MODULE.portal,
      'answerAsk',
      { askId: victimAsk, score: 5 },
      a.people.participant,
      portalContext(a.h, victim),
      ['not-found', 'forbidden'],
    );
    const mine = await myAsk(a, victim);
    expect([mine?.answer?.score, mine?.answer?.comment]).toEqual([1, 'Private: my manager is the problem']);
  });
  attack('access', 'a payload cannot name the caller: identity comes from the context', async () => {
    await refused(
      MODULE.portal,
      'answerAsk',
      { askId: victimAsk, score: 5, accountId: a.people.requester },
      a.people.stranger,
      portalContext(a.h, victim),
      ['validation', 'forbidden'],
    );
  });
  attack('access', 'a call without a signed-in person is refused', () =>
    refused(MODULE.portal, 'getMyAsk', {}, '', portalContext(a.h, victim)),
  );
});
