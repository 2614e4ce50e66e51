/**
 * Every account id Sentio stores is reported to Atlassian's personal-data API and erased everywhere
 * once the account is closed (mirror/user-privacy-guidelines/index.md: report each stored
 * `accountId`; `closed` → erase). Not only a ticket's first reporter: a request participant, an
 * assignee, the agent who pressed "Ask now" and an admin in the audit log.
 *
 * Oracles, none of them the app's own links: every KVS row the local host holds, searched for the
 * id (privacy-oracle.ts); the host's personal-data API, which answers `closed` only for closed
 * accounts named in a report (local/stargate.ts), so an erased id is one that was reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from './support/config';
import { MINUTE, MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';
import { rowsHolding, storedButUnreported } from './privacy-oracle';

const ERASED = 'erased-account';

describe('personal data of everyone a ticket names (local host)', () => {
  let h: TestHost;
  const reporter = 'privacy-reporter';
  const participant = 'privacy-participant';
  let assignee: string;
  let asker: string;
  let admin: string;
  let issue: { id: string; key: string };

  const privacyRun = async () => {
    const result = await h.host.tick('sentio-weekly-privacy');
    expect(result.ok).toBe(true);
    return result;
  };
  const siteUsers = () => h.site.raw.users().map((u) => u.accountId);
  const ticketRecord = () => JSON.stringify(h.entity('ticket').find((r) => r.key === issue.id)?.value ?? null);

  beforeAll(async () => {
    h = await startTestHost();
    [assignee = '', asker = ''] = h.users.agents;
    admin = h.users.admins[0] ?? '';
    h.site.raw.addUser({ accountId: reporter, displayName: 'Rosa Reporter', role: 'customer' });
    h.site.raw.addUser({ accountId: participant, displayName: 'Pat Participant', role: 'customer' });
    const quiet = { cooldownHours: 0, reminder: { enabled: false, afterHours: 1 } };
    // The admin's save is an audit entry naming them.
    unwrap(
      await h.call(
        MODULE.admin,
        'savePlan',
        { plan: plan('manual-ask', { kind: 'manual' }, { fatigue: quiet }) },
        admin,
      ),
    );
    const t = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'VPN drops every hour',
      reporter,
      participants: [participant],
    });
    issue = { id: t.id, key: t.key };
    await h.waitForIdle();
    h.advanceBoth(5 * MINUTE);
    // A comment by someone the ticket does not know yet makes the app read the request participants.
    h.site.comment(t.key, 'Same problem here on my laptop.', { author: participant });
    await h.waitForIdle();
    h.advanceBoth(5 * MINUTE);
    h.site.assign(t.key, assignee, assignee);
    await h.waitForIdle();
    h.advanceBoth(5 * MINUTE);
    const asked = unwrap(
      await h.call<{ outcome: string }>(MODULE.agent, 'askNow', { planId: 'manual-ask' }, asker, { issue }),
    );
    expect(asked.outcome).toBe('asked');
    await h.waitForIdle();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('stores the participant, the assignee, the asking agent and the admin, each with an account row', () => {
    // The scenario really stored each of them somewhere (else the test below proves nothing)...
    expect(ticketRecord()).toContain(JSON.stringify(participant));
    expect(ticketRecord()).toContain(JSON.stringify(assignee));
    expect(JSON.stringify(h.entity('ask').map((r) => r.value))).toContain(`"requestedBy":${JSON.stringify(asker)}`);
    expect(JSON.stringify(h.entity('audit').map((r) => r.value))).toContain(JSON.stringify(admin));
    // ...and no id stored anywhere lacks the row the personal-data report walks.
    expect(storedButUnreported(h, siteUsers())).toEqual([]);
  });

  it('reports every stored account in the weekly run', async () => {
    await privacyRun();
    const reported = new Map(
      h.entity('account').map((r) => [r.key, (r.value as { reportedAt: number }).reportedAt] as const),
    );
    for (const id of [reporter, participant, assignee, asker, admin]) expect(reported.get(id)).toBeGreaterThan(0);
  });

  it.each([
    ['a request participant', () => participant],
    ['an assignee', () => assignee],
    ['the agent who asked now', () => asker],
    ['an admin in the audit log', () => admin],
  ])('erases %s everywhere once the account is closed', async (_who, idOf) => {
    const id = idOf();
    expect(rowsHolding(h, id).length).toBeGreaterThan(0);
    h.site.raw.closeAccount(id);
    await privacyRun();
    expect(rowsHolding(h, id)).toEqual([]);
    // What held the id is kept, without it: the ticket and its ask, the audit entry.
    expect(h.entity('ticket').some((r) => r.key === issue.id)).toBe(true);
    expect(h.entity('audit').length).toBeGreaterThan(0);
  });

  it('keeps the audit entries of the erased admin, naming the erased account instead', () => {
    const entries = h.entity('audit').map((r) => r.value as { record: { actorId: string; action: string } });
    expect(entries.map((e) => e.record)).toContainEqual(
      expect.objectContaining({ actorId: ERASED, action: 'plan-saved' }),
    );
  });

  it('leaves the other accounts of the ticket in place', () => {
    expect(ticketRecord()).toContain(JSON.stringify(reporter));
    expect(storedButUnreported(h, siteUsers())).toEqual([]);
  });
});
