/**
 * A property on the local host, over generated sequences of what happens on a service desk: new
 * requests with participants, comments by people the ticket does not know yet (which make the app
 * read the participants), assignments, "Ask now" by agents, transitions and admins saving plans.
 * After every sequence, every account id found in any stored document has an account row — the
 * row the weekly personal-data report walks (mirror/user-privacy-guidelines/index.md: report each
 * stored `accountId`).
 *
 * Oracle: every KVS row the host holds, searched for each site user's id (privacy-oracle.ts), not
 * the app's links.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from './support/config';
import { MINUTE, MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';
import { storedButUnreported } from './privacy-oracle';

const CUSTOMERS = ['prop-c1', 'prop-c2', 'prop-c3', 'prop-c4'] as const;

const action = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    reporter: fc.constantFrom(...CUSTOMERS),
    participants: fc.uniqueArray(fc.constantFrom(...CUSTOMERS), { maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('comment' as const), ticket: fc.nat(), author: fc.constantFrom(...CUSTOMERS) }),
  fc.record({ kind: fc.constant('assign' as const), ticket: fc.nat(), agent: fc.nat() }),
  fc.record({ kind: fc.constant('ask-now' as const), ticket: fc.nat(), agent: fc.nat() }),
  fc.record({
    kind: fc.constant('transition' as const),
    ticket: fc.nat(),
    to: fc.constantFrom('In Progress', 'Resolved'),
  }),
  fc.record({ kind: fc.constant('save-plan' as const), admin: fc.nat() }),
);

type Action = typeof action extends fc.Arbitrary<infer T> ? T : never;

describe('every stored account id has a row for the personal-data report (property, local host)', () => {
  let h: TestHost;
  const tickets: Array<{ id: string; key: string }> = [];
  let plans = 0;
  const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(list.length, 1)];

  beforeAll(async () => {
    h = await startTestHost();
    for (const id of CUSTOMERS) h.site.raw.addUser({ accountId: id, displayName: `Customer ${id}`, role: 'customer' });
    const fatigue = {
      cooldownHours: 0,
      noNewAskWhilePending: false,
      maxAsksPerTicket: 20,
      reminder: { enabled: false, afterHours: 1 },
    };
    unwrap(
      await h.call(
        MODULE.admin,
        'savePlan',
        { plan: plan('prop-manual', { kind: 'manual' }, { fatigue }) },
        h.users.admins[0] ?? '',
      ),
    );
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  async function play(a: Action): Promise<void> {
    const t = pick(tickets, 'ticket' in a ? a.ticket : 0);
    if (a.kind === 'create') {
      const created = h.site.createTicket({
        projectKey: 'IT',
        requestType: 'Get IT help',
        summary: `Property ${tickets.length}`,
        reporter: a.reporter,
        participants: a.participants.filter((p) => p !== a.reporter),
      });
      tickets.push({ id: created.id, key: created.key });
    } else if (a.kind === 'save-plan') {
      plans += 1;
      const admin = pick(h.users.admins, a.admin) ?? '';
      unwrap(await h.call(MODULE.admin, 'savePlan', { plan: plan(`prop-${plans}`, { kind: 'manual' }) }, admin));
    } else if (t === undefined) {
      return;
    } else if (a.kind === 'comment') {
      h.site.comment(t.key, 'Any news on this?', { author: a.author });
    } else if (a.kind === 'assign') {
      const agent = pick(h.users.agents, a.agent) ?? '';
      h.site.assign(t.key, agent, agent);
    } else if (a.kind === 'ask-now') {
      const agent = pick(h.users.agents, a.agent) ?? '';
      // Refused asks (a closed ticket, fatigue) store nothing: either outcome is fine here.
      await h.call(MODULE.agent, 'askNow', { planId: 'prop-manual' }, agent, { issue: t });
    } else {
      try {
        h.site.transition(t.key, a.to, pick(h.users.agents, 0) ?? '');
      } catch {
        // Not every transition exists from every status: nothing happens, as on a site.
      }
    }
    await h.waitForIdle();
    h.advanceBoth(MINUTE);
  }

  it('after any sequence of service-desk activity', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 8 }), async (actions) => {
        // One host for every run (the invariant holds for the whole store, whatever came before),
        // so a shrunk counterexample can leave out earlier runs' steps; each step is checked.
        for (const a of actions) {
          await play(a);
          const users = h.site.raw.users().map((u) => u.accountId);
          expect(storedButUnreported(h, users)).toEqual([]);
        }
      }),
      { numRuns: 15 },
    );
  });
});
