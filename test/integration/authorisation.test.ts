/**
 * Who may do what, on the local host: identity and the issue/project always come from the Forge
 * context the platform builds, never from the payload. Every refusal is a clear envelope error
 * and leaves storage exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalAskView } from '../../src/contracts';
import { journeyXla, plan } from './support/config';
import { MODULE, startTestHost, stopTestHost, storageSnapshot, unwrap, type TestHost } from './support/host';

describe('authorisation on the local host', () => {
  let h: TestHost;
  let admin: string;
  let agent: string;
  let owner: string;
  let stranger: string;
  let mine: { id: string; key: string };
  let theirs: { id: string; key: string };
  let myAskId: string;

  beforeAll(async () => {
    h = await startTestHost();
    admin = h.users.admins[0] ?? '';
    agent = h.users.agents[0] ?? '';
    owner = h.users.customers[0] ?? '';
    stranger = h.users.customers[1] ?? '';
    unwrap(
      await h.call(
        MODULE.admin,
        'savePlan',
        { plan: plan('on-create', { kind: 'created' }, { fatigue: { cooldownHours: 0 } }) },
        admin,
      ),
    );
    const a = h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary: 'Mine', reporter: owner });
    const b = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'Theirs',
      reporter: stranger,
    });
    mine = { id: a.id, key: a.key };
    theirs = { id: b.id, key: b.key };
    await h.waitForIdle();
    const view = unwrap(
      await h.call<{ ask: PortalAskView | null }>(MODULE.portal, 'getMyAsk', {}, owner, { request: { key: mine.key } }),
    );
    myAskId = view.ask?.askId ?? '';
    expect(myAskId).toMatch(/^ask-/);
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('refuses another customer reading or answering my survey, and writes nothing', async () => {
    const before = storageSnapshot(h);
    expect(await h.call(MODULE.portal, 'getMyAsk', {}, stranger, { request: { key: mine.key } })).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Only the requester or a participant can answer this survey.' },
    });
    expect(
      await h.call(MODULE.portal, 'answerAsk', { askId: myAskId, score: 1 }, stranger, { request: { key: mine.key } }),
    ).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Only the requester or a participant can answer this survey.' },
    });
    expect(storageSnapshot(h)).toBe(before);
  });

  it("ignores a payload that names someone else's ask: the context's request decides", async () => {
    const before = storageSnapshot(h);
    // The stranger is on their own request (allowed) but names my ask in the payload.
    expect(
      await h.call(MODULE.portal, 'answerAsk', { askId: myAskId, score: 1 }, stranger, {
        request: { key: theirs.key },
      }),
    ).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'There is no such survey on this request.' },
    });
    expect(storageSnapshot(h)).toBe(before);
  });

  it('does not let a payload carry an identity or an issue', async () => {
    const before = storageSnapshot(h);
    const spoof = await h.call(
      MODULE.portal,
      'answerAsk',
      { askId: myAskId, score: 1, accountId: owner, issueId: mine.id },
      stranger,
      { request: { key: theirs.key } },
    );
    expect(spoof).toMatchObject({ ok: false, error: { code: 'validation' } });
    const spoofAgent = await h.call(MODULE.agent, 'getTicketExperience', { issueId: mine.id }, agent, {
      issue: theirs,
    });
    expect(spoofAgent).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(storageSnapshot(h)).toBe(before);
  });

  it('refuses an agent without browse permission on the project, and writes nothing', async () => {
    const restricted = h.users.agents[1] ?? '';
    h.site.setBrowsePermission('IT', restricted, false);
    try {
      const before = storageSnapshot(h);
      const expected = {
        ok: false,
        error: { code: 'forbidden', message: 'You need permission to browse this issue.' },
      };
      expect(await h.call(MODULE.agent, 'getTicketExperience', {}, restricted, { issue: mine })).toEqual(expected);
      expect(await h.call(MODULE.agent, 'askNow', {}, restricted, { issue: mine })).toEqual(expected);
      expect(await h.call(MODULE.agent, 'markFollowUpDone', {}, restricted, { issue: mine })).toEqual(expected);
      expect(storageSnapshot(h)).toBe(before);
      // The same calls from an agent who may browse the project are answered.
      expect(await h.call(MODULE.agent, 'getTicketExperience', {}, agent, { issue: mine })).toMatchObject({ ok: true });
    } finally {
      h.site.setBrowsePermission('IT', restricted, true);
    }
  });

  it('refuses an agent on an issue that no longer exists, and writes nothing', async () => {
    const gone = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'Soon gone',
      reporter: owner,
    });
    await h.waitForIdle();
    h.site.deleteTicket(gone.key, admin);
    await h.waitForIdle();
    const before = storageSnapshot(h);
    const expected = { ok: false, error: { code: 'forbidden', message: 'You need permission to browse this issue.' } };
    expect(
      await h.call(MODULE.agent, 'getTicketExperience', {}, agent, { issue: { id: gone.id, key: gone.key } }),
    ).toEqual(expected);
    expect(await h.call(MODULE.agent, 'askNow', {}, agent, { issue: { id: gone.id, key: gone.key } })).toEqual(
      expected,
    );
    expect(
      await h.call(MODULE.agent, 'markFollowUpDone', {}, agent, { issue: { id: gone.id, key: gone.key } }),
    ).toEqual(expected);
    expect(storageSnapshot(h)).toBe(before);
  });

  it('refuses every admin resolver to a non-admin, and changes nothing', async () => {
    const before = storageSnapshot(h);
    const expected = {
      ok: false,
      error: { code: 'forbidden', message: 'Only Jira administrators can change Sentio.' },
    };
    const calls: Array<[string, unknown]> = [
      ['getConfig', {}],
      ['saveXla', { xla: journeyXla() }],
      ['deleteXla', { id: 'experience' }],
      ['savePlan', { plan: plan('sneaky', { kind: 'created' }) }],
      ['deletePlan', { id: 'on-create' }],
      ['exportConfig', {}],
      ['importConfig', { config: { format: 'sentio-config', version: 1, xlas: [], plans: [] }, mode: 'replace' }],
      ['getAuditLog', {}],
      ['startRecompute', {}],
      ['getRecomputeStatus', {}],
      ['rotateSigningKey', {}],
    ];
    for (const [name, payload] of calls) {
      expect([name, await h.call(MODULE.admin, name, payload, agent)]).toEqual([name, expected]);
    }
    expect(storageSnapshot(h)).toBe(before);
  });
});
