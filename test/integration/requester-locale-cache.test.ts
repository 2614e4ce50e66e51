/**
 * Issue 16: an event that posts a survey comment, and a portal answer, make at most 2 Jira calls —
 * the requester's profile language is cached in storage for a week, erased with the account and
 * dropped when Atlassian's personal-data report says the profile changed.
 * Oracles: the host's metering of every `requestJira` by route (local/wire-router.ts), the site's
 * own comments and users, and the Forge page on personal data (mirror/user-privacy-guidelines/index.md:
 * `closed` → erase, `updated` → erase or refresh).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalAskView } from '../../src/contracts';
import { plan, savePlanAsAdmin } from './support/config';
import { HOUR, MINUTE, MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

const USER_READ = 'GET /rest/api/3/user';
const COMMENT = 'POST /rest/servicedeskapi/request/{id}/comment';
const FRENCH = 'Dans quelle mesure êtes-vous satisfait';
const GERMAN = 'Wie zufrieden sind Sie bisher?';
const DAY = 24 * HOUR;

describe('the requester’s language, cached (issue 16)', () => {
  let h: TestHost;
  const requester = 'customer-cached';
  let agent: string;

  /** A ticket of the requester taken to "Waiting for customer", where the plan posts its comment. */
  async function askedTicket(summary: string): Promise<{ id: string; key: string }> {
    const t = h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary, reporter: requester });
    await h.waitForIdle();
    h.advanceBoth(10 * MINUTE);
    h.metrics.reset();
    h.site.transition(t.key, 'Waiting for customer', agent);
    await h.waitForIdle();
    return { id: t.id, key: t.key };
  }

  const commentEvents = () =>
    h.metrics.invocations({ kind: 'trigger' }).filter((m) => m.jira.byRoute[COMMENT] !== undefined);
  const appComment = (issueId: string) =>
    JSON.stringify(h.site.raw.comments(issueId).filter((c) => c.author === h.users.app)[0]?.body ?? '');
  const cachedRow = () => h.host.kvs.dump('kv').find((r) => r.key === `locale:${requester}`);

  beforeAll(async () => {
    h = await startTestHost();
    agent = h.users.agents[0] ?? '';
    h.site.raw.addUser({ accountId: requester, displayName: 'Camille Roux', role: 'customer', locale: 'fr_FR' });
    await savePlanAsAdmin(
      h,
      plan(
        'waiting-check',
        { kind: 'status-changed', toStatuses: ['Waiting for customer'] },
        {
          delivery: { publicComment: true },
          // Every ticket of the one requester is asked: no cooldown between them.
          fatigue: { cooldownHours: 0, reminder: { enabled: false, afterHours: 1 } },
          translations: {
            'fr-FR': { text: `${FRENCH} ?` },
            'de-DE': { text: GERMAN },
          },
        },
      ),
    );
    await h.waitForIdle();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('reads the language once, caches it, and the next comment event makes at most 2 Jira calls', async () => {
    const first = await askedTicket('Imprimante');
    expect(appComment(first.id)).toContain(FRENCH);
    // The first comment ever to this requester reads the profile: the only read of the week.
    expect(commentEvents().map((m) => m.jira.byRoute[USER_READ] ?? 0)).toEqual([1]);
    expect(cachedRow()?.value).toEqual({ locale: 'fr_FR', at: expect.any(Number) });

    const second = await askedTicket('Écran');
    expect(appComment(second.id)).toContain(FRENCH);
    const events = commentEvents();
    expect(events).toHaveLength(1);
    // The bound: the property and the comment; a third call (the profile read) fails this.
    expect(events.map((m) => [m.jira.calls, m.jira.byRoute])).toEqual([
      [2, { 'PUT /rest/api/3/issue/{id}/properties/sentio-experience': 1, [COMMENT]: 1 }],
    ]);
    // No event of the ticket needs more either.
    expect(h.metrics.invocations({ kind: 'trigger' }).filter((m) => m.jira.calls > 2)).toEqual([]);
  });

  it('answers on the portal, without a page locale, in at most 2 Jira calls and in the cached language', async () => {
    const t = await askedTicket('Clavier');
    const context = { request: { key: t.key } };
    const { ask } = unwrap(
      await h.call<{ ask: PortalAskView | null }>(MODULE.portal, 'getMyAsk', {}, requester, context),
    );
    h.metrics.reset();
    const answered = unwrap(
      await h.call<{ ask: PortalAskView }>(
        MODULE.portal,
        'answerAsk',
        { askId: ask?.askId ?? '', score: 4 },
        requester,
        context,
      ),
    );
    expect(answered.ask.wording.locale).toBe('fr-FR');
    const [answer, ...rest] = h.metrics.invocations({ kind: 'resolver', cause: 'answerAsk' });
    expect(rest).toEqual([]);
    expect(answer?.jira.byRoute[USER_READ]).toBeUndefined();
    expect(answer?.jira.calls).toBeLessThanOrEqual(2);
  });

  it('reads the language again once it is a week old', async () => {
    h.advanceBoth(7 * DAY + HOUR);
    h.site.raw.changeLocale(requester, 'de_DE');
    const t = await askedTicket('Souris');
    expect(appComment(t.id)).toContain(GERMAN);
    expect(commentEvents().map((m) => m.jira.byRoute[USER_READ] ?? 0)).toEqual([1]);
    expect(cachedRow()?.value).toMatchObject({ locale: 'de_DE' });
  });

  it('drops the cached language when the personal-data report says the profile was updated', async () => {
    h.advanceBoth(HOUR);
    h.site.raw.changeLocale(requester, 'fr_FR');
    const result = await h.host.tick('sentio-weekly-privacy');
    expect(result.ok).toBe(true);
    expect(cachedRow()).toBeUndefined();
    const t = await askedTicket('Casque');
    expect(appComment(t.id)).toContain(FRENCH);
  });

  it('erases the cached language with a closed account', async () => {
    expect(cachedRow()).toBeDefined();
    h.site.raw.closeAccount(requester);
    const result = await h.host.tick('sentio-weekly-privacy');
    expect(result.ok).toBe(true);
    expect(cachedRow()).toBeUndefined();
    expect(h.entity('account').find((r) => r.key === requester)).toBeUndefined();
  });
});
