/**
 * The project surface end to end on the local host: three tickets seeded through real Jira events
 * and portal answers, then every project resolver read back. Expected values are computed by hand
 * (the comments show the arithmetic, SCORING.md §2–§3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PortalAskView, ResponseStats, Verbatim, WatermelonRow } from '../../src/contracts';
import { reachPosition } from '../../src/domain/rollup';
import type { Scorecard } from '../../src/domain/scorecard';
import { plan } from './support/config';
import { MINUTE, MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

describe('the project dashboard on the local host', () => {
  let h: TestHost;
  let agent: string;
  let c1: string;
  let c2: string;
  let project: { id: string; key: string };
  let t1: { id: string; key: string; requestTypeId: string };
  let t3: { id: string; key: string; requestTypeId: string };
  const onPage = () => ({ project });

  const answer = async (requester: string, key: string, score: number, comment: string) => {
    const mine = unwrap(
      await h.call<{ ask: PortalAskView | null }>(MODULE.portal, 'getMyAsk', {}, requester, { request: { key } }),
    );
    unwrap(
      await h.call(
        MODULE.portal,
        'answerAsk',
        { askId: mine.ask?.askId ?? '', score, reasons: [], comment },
        requester,
        { request: { key } },
      ),
    );
  };

  beforeAll(async () => {
    h = await startTestHost();
    const admin = h.users.admins[0] ?? '';
    agent = h.users.agents[0] ?? '';
    [c1 = '', c2 = ''] = h.users.customers;
    project = { id: h.site.raw.project('IT')?.id ?? '', key: 'IT' };
    unwrap(
      await h.call(
        MODULE.admin,
        'saveXla',
        {
          xla: {
            id: 'watermelon',
            name: 'Green outside',
            indicators: [
              { id: 'csat', weight: 1, floor: 0.5, target: 0.9, prior: 0.8 },
              { id: 'sla', weight: 1, floor: 0.7, target: 0.95, prior: 0.9 },
            ],
            targetScore: 80,
            minSample: 1,
          },
        },
        admin,
      ),
    );
    unwrap(await h.call(MODULE.admin, 'savePlan', { plan: plan('on-create', { kind: 'created' }) }, admin));
    await h.waitForIdle();

    // 09:00 T1 (c1, "Get IT help") is asked at creation.
    const a = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'Printer jams',
      reporter: c1,
    });
    t1 = { id: a.id, key: a.key, requestTypeId: a.requestTypeId };
    await h.waitForIdle();
    h.advanceBoth(10 * MINUTE);
    // 09:10 T2 (c1 again): the 72 h cooldown holds the ask back.
    h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary: 'Printer jams again', reporter: c1 });
    await h.waitForIdle();
    h.advanceBoth(10 * MINUTE);
    // 09:20 T3 (c2, same request type) is asked at creation.
    const c = h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary: 'Mail down', reporter: c2 });
    t3 = { id: c.id, key: c.key, requestTypeId: c.requestTypeId };
    await h.waitForIdle();
    h.advanceBoth(10 * MINUTE);
    // 09:30 c1 answers 2 of 5 on T1; 09:40 c2 answers 1 of 5 on T3.
    await answer(c1, t1.key, 2, 'Nobody called me back');
    h.advanceBoth(10 * MINUTE);
    await answer(c2, t3.key, 1, 'Useless so far');
    h.advanceBoth(20 * MINUTE);
    // 10:00 T1 is resolved well inside its SLAs (first response 240 min, resolution 2880 min).
    h.site.comment(t1.key, 'Replaced the roller.', { author: agent, public: true });
    h.site.transition(t1.key, 'Resolved', agent);
    await h.waitForIdle();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('scores the project and names the window it used', async () => {
    const data = unwrap(
      await h.call<{ projectId: string; window: string; scorecards: Scorecard[] }>(
        MODULE.project,
        'getScorecards',
        { window: '7d' },
        agent,
        onPage(),
      ),
    );
    expect(data.projectId).toBe(project.id);
    expect(data.window).toBe('7d');
    const card = data.scorecards.find((s) => s.xlaId === 'watermelon');
    // csat 0/2 (answers 2 and 1): p̃ = (0 + 10·0.8)/12 = 0.6667 → 100·(0.6667 − 0.5)/0.4 = 41.667
    expect(card?.indicators.find((i) => i.id === 'csat')).toMatchObject({ n: 2, good: 0 });
    expect(card?.experience).toBeCloseTo((100 * (8 / 12 - 0.5)) / 0.4, 9);
    // sla 1/1 (T1): p̃ = (1 + 9)/11 → 100·(10/11 − 0.7)/0.25 = 83.636
    expect(card?.operations).toBeCloseTo((100 * (10 / 11 - 0.7)) / 0.25, 9);
  });

  it('gives the daily series of one XLA, and not_found for an XLA that does not cover the project', async () => {
    const series = unwrap(
      await h.call<{ points: Array<{ day: string; sampleSize: number }> }>(
        MODULE.project,
        'getSeries',
        { window: '7d', xlaId: 'watermelon' },
        agent,
        onPage(),
      ),
    );
    expect(series.points).toHaveLength(7);
    expect(series.points.at(-1)).toMatchObject({ day: '2026-01-05', sampleSize: 2 });
    const missing = await h.call(MODULE.project, 'getSeries', { xlaId: 'nope' }, agent, onPage());
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  // Product events carry no request type; the app reads it from JSM when it first sees a ticket,
  // so both answered tickets land in the "Get IT help" segment: a real watermelon.
  it('puts SLA met % beside the XLA score per request type, and flags the watermelon', async () => {
    expect(t3.requestTypeId).toBe(t1.requestTypeId);
    const data = unwrap(
      await h.call<{ xlas: unknown[]; rows: WatermelonRow[] }>(
        MODULE.project,
        'getWatermelon',
        { window: '30d' },
        agent,
        onPage(),
      ),
    );
    expect(data.xlas).toContainEqual({ xlaId: 'watermelon', name: 'Green outside' });
    const row = data.rows.find((r) => r.xlaId === 'watermelon' && r.requestTypeId === t1.requestTypeId);
    // csat 0/2 → p̃ = 8/12  → X = 100·(8/12 − 0.5)/0.4  = 41.667
    // sla  1/1 → p̃ = 10/11 → O = 100·(10/11 − 0.7)/0.25 = 83.636
    // XLA = min(0.7·41.667 + 0.3·83.636, 41.667 + 10) = 51.667 → breached (< 60)
    const x = (100 * (8 / 12 - 0.5)) / 0.4;
    const o = (100 * (10 / 11 - 0.7)) / 0.25;
    expect(row).toMatchObject({
      requestTypeName: 'Get IT help',
      slaMetRate: 1,
      slaTickets: 1,
      tickets: 2,
      status: 'breached',
      basis: 'csat',
      threshold: 0.7,
      flagged: true,
    });
    expect(row?.xlaScore).toBeCloseTo(Math.min(0.7 * x + 0.3 * o, x + 10), 9);
    expect(row?.operations).toBeCloseTo(o, 9);
    // Wilson upper bound of 0/2 is z²/(2 + z²) = 0.6576 < 0.70 while O ≥ 80: flagged.
    const z2 = 1.959963984540054 ** 2;
    expect(row?.upper).toBeCloseTo(z2 / (2 + z2), 9);
  });

  it('drills down to tickets with SLA met and a low answer, per request type', async () => {
    const rows = unwrap(
      await h.call<{ tickets: unknown[]; complete: boolean; scanned: number }>(
        MODULE.project,
        'getWatermelonTickets',
        { requestTypeId: t1.requestTypeId },
        agent,
        onPage(),
      ),
    );
    // T1: SLA met, answered 2 of 5. T3 answered 1 but is open (SLA not settled); T2 has no answer.
    expect(rows.tickets).toEqual([
      { issueKey: t1.key, slaMet: true, lastScore: { kind: 'csat5', score: 2 }, mood: null, at: expect.any(Number) },
    ]);
    expect(rows).toMatchObject({ complete: true, scanned: 3 });
    const other = unwrap(
      await h.call<{ tickets: unknown[] }>(
        MODULE.project,
        'getWatermelonTickets',
        { requestTypeId: null },
        agent,
        onPage(),
      ),
    );
    expect(other.tickets).toEqual([]);
  });

  it('lists open tickets at risk with reasons, assignee and age, highest first', async () => {
    // T3 (raised 09:20) goes to the agent; the list is read at 10:00.
    h.site.assign(t3.key, agent, h.users.admins[0] ?? '');
    await h.waitForIdle();
    const data = unwrap(await h.call<{ tickets: unknown[] }>(MODULE.project, 'getAtRiskTickets', {}, agent, onPage()));
    // T1 is resolved; T2 has nothing against it; T3 has a low answer nobody followed up (35 points).
    expect(data.tickets).toEqual([
      {
        issueKey: t3.key,
        riskLevel: 'medium',
        riskScore: 35,
        // The figures come with the English, for the page to word the reason in the reader's language.
        reasons: [
          {
            code: 'low-score-no-follow-up',
            text: 'Low survey answer (1 of 5) with no follow-up yet',
            facts: { answer: { kind: 'csat5', score: 1 } },
          },
        ],
        mood: null,
        lastScore: { kind: 'csat5', score: 1 },
        requestTypeId: t3.requestTypeId,
        requestTypeName: 'Get IT help',
        // The display name Jira (the host's site) gives the account, never the account id.
        assignee: { name: h.site.raw.user(agent)?.displayName },
        ageHours: 40 / 60,
      },
    ]);
  });

  it("pages the requesters' words newest first, and filters them", async () => {
    const all = unwrap(
      await h.call<{ verbatims: Verbatim[]; nextCursor: string | null }>(
        MODULE.project,
        'getVerbatims',
        { source: 'answer' },
        agent,
        onPage(),
      ),
    );
    expect(all.verbatims.map((v) => [v.issueKey, v.text, v.band, v.score?.score])).toEqual([
      [t3.key, 'Useless so far', 'negative', 1],
      [t1.key, 'Nobody called me back', 'negative', 2],
    ]);
    expect(all.verbatims.map((v) => v.requestTypeName)).toEqual(['Get IT help', 'Get IT help']);
    expect(all.nextCursor).toBeNull();
    // Chip counts come from the same answers (two, neither picked a chip), comments or not.
    expect(all).toMatchObject({ reasonCounts: [], answersRead: 2 });
    expect(all.verbatims.map((v) => v.reasons)).toEqual([[], []]);
    const positive = unwrap(
      await h.call<{ verbatims: Verbatim[] }>(MODULE.project, 'getVerbatims', { band: 'positive' }, agent, onPage()),
    );
    expect(positive.verbatims).toEqual([]);
    expect(positive).toMatchObject({ reasonCounts: [], answersRead: 0 });
    const comments = unwrap(
      await h.call<{ verbatims: Verbatim[] }>(MODULE.project, 'getVerbatims', { source: 'comment' }, agent, onPage()),
    );
    expect(comments.verbatims).toEqual([]); // nobody wrote a public comment
    const otherType = unwrap(
      await h.call<{ verbatims: Verbatim[] }>(
        MODULE.project,
        'getVerbatims',
        { requestTypeId: String(Number(t1.requestTypeId) + 1000) },
        agent,
        onPage(),
      ),
    );
    expect(otherType.verbatims).toEqual([]);
  });

  it('names the gadget’s project, and offers the service projects the caller may browse by name', async () => {
    const it = h.site.raw.project('IT');
    const hr = h.site.raw.project('HR');
    // The gadget has no project context: its payload names the project, and the answer names it back.
    const cards = unwrap(
      await h.call<{ projectName: string | null }>(MODULE.project, 'getScorecards', { projectId: it?.id }, agent),
    );
    expect(cards.projectName).toBe(it?.name);
    // On the project page (context) Jira titles the page: no name is looked up.
    const page = unwrap(
      await h.call<{ projectName: string | null }>(MODULE.project, 'getScorecards', {}, agent, onPage()),
    );
    expect(page.projectName).toBeNull();
    const picker = unwrap(
      await h.call<{ projects: Array<{ id: string; key: string; name: string }>; truncated: boolean }>(
        MODULE.project,
        'getGadgetProjects',
        {},
        agent,
      ),
    );
    expect(picker).toEqual({
      projects: [hr, it].map((p) => ({ id: p?.id, key: p?.key, name: p?.name })),
      truncated: false,
    });
    // Someone who may not browse HR is not offered it.
    const itOnly = h.users.agents[1] ?? '';
    h.site.setBrowsePermission('HR', itOnly, false);
    const theirs = unwrap(
      await h.call<{ projects: Array<{ key: string }> }>(MODULE.project, 'getGadgetProjects', {}, itOnly),
    );
    expect(theirs.projects.map((p) => p.key)).toEqual(['IT']);
  });

  it('counts asks, answers and asks held back by fatigue from the rollups', async () => {
    expect(reachPosition(c1)).not.toBe(reachPosition(c2)); // two requesters in two counters
    const stats = unwrap(await h.call<ResponseStats>(MODULE.project, 'getResponseStats', {}, agent, onPage()));
    expect(stats).toEqual({
      range: { from: '2025-12-07', to: '2026-01-05' },
      sent: 2,
      answered: 2,
      expired: 0,
      responseRate: 1,
      requestersAsked: 2,
      requestersSaturated: false,
      meanAsksPerRequester: 1,
      suppressed: [
        { reason: 'cooldown', count: 1 },
        { reason: 'max-asks-reached', count: 0 },
        { reason: 'ask-pending', count: 0 },
        { reason: 'sampled-out', count: 0 },
      ],
      // The requesters wrote no comment here (answers are not comments): nothing to mark.
      requesterComments: 0,
      notScoredLanguage: 0,
    });
  });

  it('exports the scorecards as CSV with formulas defused', async () => {
    const out = unwrap(
      await h.call<{ filename: string; csv: string }>(MODULE.project, 'exportCsv', { window: '7d' }, agent, onPage()),
    );
    expect(out.filename).toBe(`sentio-xla-${project.id}-7d.csv`);
    const lines = out.csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"xla_id","xla","row","day","indicator","score","lower","upper","n","rate","status","confidence","target"',
    );
    expect(lines.filter((l) => l.startsWith('"watermelon"') && l.includes(',"day",'))).toHaveLength(7);
    expect(
      lines.some((l) => l.startsWith('"watermelon","Green outside","indicator","2025-12-30..2026-01-05","csat"')),
    ).toBe(true);
  });

  describe('authorisation', () => {
    it('serves the gadget the project its configuration names, to someone who may browse it', async () => {
      const data = unwrap(
        await h.call<{ projectId: string }>(MODULE.project, 'getScorecards', { projectId: project.id }, agent, {}),
      );
      expect(data.projectId).toBe(project.id);
    });

    // Customers cannot open the project page at all (the module has no unlicensed access), so the
    // check is shown with a project the caller cannot browse because Jira does not know it.
    it('refuses, on every resolver, a project the caller may not browse', async () => {
      const forbidden = {
        ok: false,
        error: { code: 'forbidden', message: 'You need permission to browse this project.' },
      };
      for (const name of [
        'getScorecards',
        'getWatermelon',
        'getAtRiskTickets',
        'getVerbatims',
        'getResponseStats',
        'exportCsv',
      ]) {
        expect(await h.call(MODULE.project, name, { projectId: '99999' }, agent, {})).toEqual(forbidden);
        expect(await h.call(MODULE.project, name, {}, agent, { project: { id: '99999', key: 'NOPE' } })).toEqual(
          forbidden,
        );
      }
      expect(await h.call(MODULE.project, 'getSeries', { xlaId: 'watermelon', projectId: '99999' }, agent, {})).toEqual(
        forbidden,
      );
      expect(
        await h.call(MODULE.project, 'getWatermelonTickets', { requestTypeId: null, projectId: '99999' }, agent, {}),
      ).toEqual(forbidden);
    });

    it('lets the project page context win over a payload that names another project', async () => {
      const data = unwrap(
        await h.call<{ projectId: string }>(MODULE.project, 'getScorecards', { projectId: '99999' }, agent, onPage()),
      );
      expect(data.projectId).toBe(project.id);
    });

    it('needs a project from the context or the gadget', async () => {
      expect(await h.call(MODULE.project, 'getScorecards', {}, agent, {})).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    });
  });

  describe('malformed payloads', () => {
    const cases: Array<[string, unknown]> = [
      ['getScorecards', { window: '1y' }],
      ['getScorecards', { projectId: 'IT' }],
      ['getScorecards', { window: '30d', extra: true }],
      ['getSeries', { window: '30d' }],
      ['getWatermelon', { projectId: 10001 }],
      ['getWatermelonTickets', {}],
      ['getAtRiskTickets', { limit: 1000 }],
      ['getVerbatims', { cursor: 5 }],
      ['getVerbatims', { band: 'angry' }],
      ['getResponseStats', 'all'],
      ['exportCsv', { window: null }],
    ];
    it.each(cases)('%s refuses %j with a validation error', async (name, payload) => {
      expect(await h.call(MODULE.project, name, payload, agent, onPage())).toMatchObject({
        ok: false,
        error: { code: 'validation' },
      });
    });
  });
});
