/**
 * The survey comment with one-click links goes out after the commit; when Jira fails it, the ask
 * is stored but the comment is still owed, and the hourly job sends it (once). Then the links:
 * a GET only shows a confirm page, the POST records once, and bad tokens get a clear page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketExperienceView } from '../../src/contracts';
import { plan } from './support/config';
import { MODULE, startTestHost, stopTestHost, storageSnapshot, unwrap, type TestHost } from './support/host';

describe('survey comment delivery and one-click answers on the local host', () => {
  let h: TestHost;
  let issue: { id: string; key: string };
  const surveyComments = () => h.site.raw.comments(issue.id).filter((c) => c.author === h.users.app);
  const links = () =>
    (JSON.stringify(surveyComments()[0]?.body ?? '').match(/http[^\s"\\]+\?t=[A-Za-z0-9._%-]+/g) ?? []).map(
      (u) => new URL(u),
    );
  const web = (method: 'GET' | 'POST', token: string) =>
    h.host.webtrigger('sentio-one-click-answer', {
      method,
      path: '/',
      headers: method === 'POST' ? { 'content-type': ['application/x-www-form-urlencoded'] } : {},
      query: method === 'GET' ? { t: [token] } : {},
      body: method === 'POST' ? new URLSearchParams({ t: token }).toString() : '',
    });
  const asks = async () =>
    unwrap(
      await h.call<TicketExperienceView>(MODULE.agent, 'getTicketExperience', {}, h.users.agents[0] ?? '', { issue }),
    ).asks;

  beforeAll(async () => {
    h = await startTestHost();
    const admin = h.users.admins[0] ?? '';
    unwrap(
      await h.call(
        MODULE.admin,
        'savePlan',
        { plan: plan('on-create', { kind: 'created' }, { delivery: { publicComment: true } }) },
        admin,
      ),
    );
    // Jira refuses every comment while the ticket is created: the ask commits, the comment fails.
    h.faults.set([{ target: 'jira', kind: 500, rate: 1, pathIncludes: '/comment' }], 1);
    const t = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'Printer on fire',
      reporter: h.users.customers[0] ?? '',
    });
    issue = { id: t.id, key: t.key };
    await h.waitForIdle();
    h.faults.clear();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('keeps the ask but no comment when Jira failed the comment', async () => {
    expect((await asks()).map((a) => a.status)).toEqual(['pending']);
    expect(surveyComments()).toHaveLength(0);
  });

  it('sends the owed comment on the next hourly run, exactly once', async () => {
    const first = await h.tick('sentio-hourly');
    expect(first.value).toMatchObject({ delivered: 1 });
    expect(surveyComments()).toHaveLength(1);
    const second = await h.tick('sentio-hourly');
    expect(second.value).toMatchObject({ delivered: 0 });
    expect(surveyComments()).toHaveLength(1);
    expect(links().map((u) => u.pathname)).toEqual(Array(5).fill('/x1/sentio-one-click-answer'));
  });

  it('records nothing on GET (mail scanners), only shows a confirm page', async () => {
    const token = links()[3]?.searchParams.get('t') ?? '';
    const before = storageSnapshot(h);
    const res = await web('GET', token);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Confirm your answer');
    // The score in the scale's own words (csat5: 4 is "Satisfied"), in the requester's language.
    expect(res.body).toContain('Your answer: 4, Satisfied');
    expect(storageSnapshot(h)).toBe(before);
  });

  it('records the POST once; the same link again changes nothing', async () => {
    const token = links()[3]?.searchParams.get('t') ?? '';
    const res = await web('POST', token);
    expect([res.statusCode, res.body.includes('Thank you!')]).toEqual([200, true]);
    expect((await asks()).map((a) => [a.status, a.score])).toEqual([['answered', 4]]);
    const after = storageSnapshot(h);
    const replay = await web('POST', token);
    expect([replay.statusCode, replay.body.includes('Already recorded')]).toEqual([200, true]);
    expect(storageSnapshot(h)).toBe(after);
  });

  it('answers a forged, a damaged, a mismatched and an expired link with a clear page and no change', async () => {
    const token = links()[0]?.searchParams.get('t') ?? '';
    const [v, kid, payload, mac] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as {
      a: string;
      s: number;
      e: number;
      n: string;
    };
    const reencoded = (c: object) => Buffer.from(JSON.stringify(c)).toString('base64url');
    const before = storageSnapshot(h);
    const cases: Array<[string, string, number, string]> = [
      ['forged score', `${v}.${kid}.${reencoded({ ...claims, s: 5 })}.${mac}`, 403, 'This link is not valid'],
      ['damaged', 'v1.garbage', 400, 'This link is not valid'],
      ['unknown key', `${v}.otherkey.${payload}.${mac}`, 403, 'This link is not valid'],
    ];
    for (const [name, t, status, title] of cases) {
      const res = await web('POST', t);
      expect([name, res.statusCode, res.body.includes(title)]).toEqual([name, status, true]);
    }
    // Expired: the same genuine link after the ask's expiry (72 h by default).
    h.advanceBoth(73 * 3_600_000);
    const expired = await web('POST', token);
    expect([expired.statusCode, expired.body.includes('This survey has closed')]).toEqual([410, true]);
    expect(storageSnapshot(h)).toBe(before);
  });
});
