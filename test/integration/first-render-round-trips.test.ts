/**
 * Every resolver a view calls at first render makes at most 3 sequential round trips (issue 16).
 * Which resolvers, with which payloads: each view's own prefetch module (static/src/views/*, the
 * calls the UI starts before it mounts), run through the UI's real client against the local host,
 * with the context the host gives that module. Oracle: the host's own metering — every platform
 * call an invocation makes, stamped when sent and answered (local/latency.ts, under the latency
 * model in `account` mode, so calls sent together overlap as on Forge and nothing is waited out),
 * and `roundTripsOf` counts the longest chain of calls each sent after the previous one was answered.
 *
 * Worst case on purpose: the request-type names cache has expired before each view opens (every
 * project section refreshes it from Jira at once), some days are compacted into summaries while
 * later events made their shards live again, and the tickets span several storage pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundTripsOf } from '../../local/metrics';
import { SCOPE_OPTIONS_TTL_MS } from '../../src/app/configuration/list-scope-options';
import type { PortalAskView } from '../../src/contracts';
import { plan } from './support/config';
import { openView, siteViews, viewChunks } from './support/first-render';
import { HOUR, MINUTE, MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

const BUDGET = 3;

describe('round trips of the resolvers each view calls at first render', () => {
  let h: TestHost;

  beforeAll(async () => {
    h = await startTestHost({ latency: 'forge', latencyMode: 'account' });
    const admin = h.users.admins[0] ?? '';
    const agent = h.users.agents[0] ?? '';
    const customers = h.users.customers;
    unwrap(await h.call(MODULE.admin, 'savePlan', { plan: plan('on-create', { kind: 'created' }) }, admin));
    await h.waitForIdle();
    // 30 tickets over four days, half of them answered with a comment, a third resolved.
    const keys: string[] = [];
    for (let i = 0; i < 30; i++) {
      const reporter = customers[i % customers.length] ?? '';
      const t = h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary: `Issue ${i}`, reporter });
      keys.push(t.key);
      await h.waitForIdle();
      // Assigned tickets: the at-risk list names its assignees (a directory call after the page read).
      if (i % 2 === 1) h.site.assign(t.key, agent, agent);
      if (i % 2 === 0) {
        const request = { request: { key: t.key } };
        const mine = unwrap(
          await h.call<{ ask: PortalAskView | null }>(MODULE.portal, 'getMyAsk', {}, reporter, request),
        );
        if (mine.ask !== null) {
          const answer = { askId: mine.ask.askId, score: 1 + (i % 5), reasons: [], comment: `Answer ${i}` };
          unwrap(await h.call(MODULE.portal, 'answerAsk', answer, reporter, request));
        }
      }
      if (i % 3 === 0) h.site.transition(t.key, 'Resolved', agent);
      await h.waitForIdle();
      h.advanceBoth(3 * HOUR);
    }
    // The hourly job compacts the days so far; a later comment on an early ticket makes its day live again.
    await h.tick('sentio-hourly');
    const angry = 'This is still broken and nobody answers.';
    h.site.comment(keys[0] ?? '', angry, { author: customers[0] ?? '', public: true });
    await h.waitForIdle();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it("keeps the gadget editor's project picker within 3 round trips with the scope lists expired", async () => {
    // The picker asks Jira for the lists, then whether the caller may browse each project; the
    // cache write overlaps those checks rather than coming before them.
    h.advanceBoth(SCOPE_OPTIONS_TTL_MS + MINUTE);
    h.metrics.reset();
    unwrap(await h.call(MODULE.project, 'getGadgetProjects', {}, h.users.agents[0] ?? ''));
    const [picker] = h.metrics.invocations({ kind: 'resolver', cause: 'getGadgetProjects' });
    expect(picker).toBeDefined();
    expect(roundTripsOf(picker!).roundTrips).toBeLessThanOrEqual(BUDGET);
  });

  it('stays within 3 sequential round trips for every resolver of every view', async () => {
    const views = await viewChunks();
    const opened = siteViews(h);
    // Every view the UI has is opened (a new view cannot be left out).
    expect(opened.map(([key]) => key).sort()).toEqual(Object.keys(views).sort());
    const calls: Array<{ view: string; resolver: string; ok: boolean; roundTrips: number; jira: number }> = [];
    for (const view of opened) {
      h.advanceBoth(SCOPE_OPTIONS_TTL_MS + MINUTE);
      const answered = await openView(h, views, view);
      expect(answered.length).toBeGreaterThan(0);
      for (const c of answered)
        calls.push({ ...c, roundTrips: roundTripsOf(c.metrics).roundTrips, jira: c.metrics.jira.calls });
    }
    const worst = calls.reduce((a, b) => (b.roundTrips > a.roundTrips ? b : a));
    console.log(
      `first-render resolvers, sequential round trips: ${calls.map((c) => `${c.resolver} (${c.view}) ${c.roundTrips}`).join('; ')}; worst ${worst.resolver} ${worst.roundTrips}`,
    );
    expect(calls.filter((c) => !c.ok).map((c) => c.resolver)).toEqual([]);
    expect(calls.filter((c) => c.roundTrips > BUDGET).map((c) => [c.resolver, c.view, c.roundTrips])).toEqual([]);
    // The metering sees the calls at all: the project page's sections each wait on storage and Jira.
    expect(calls.find((c) => c.resolver === 'getVerbatims')?.roundTrips).toBeGreaterThanOrEqual(2);
    // With the names cache expired, a project section asks Jira for the permission, the request type
    // list (one call, not the admin's four lists) and, for the at-risk list, the assignees' names.
    const jiraOf = (resolver: string) => calls.filter((c) => c.resolver === resolver).map((c) => c.jira);
    expect(jiraOf('getWatermelon')).toEqual([2]);
    expect(jiraOf('getAtRiskTickets')).toEqual([3]);
    // The gadget names its project: the permission and that one project, not the admin's lists.
    const gadget = calls.filter((c) => c.resolver === 'getScorecards' && c.view === 'sentio-scorecard-gadget');
    expect(gadget.map((c) => c.jira)).toEqual([2]);
  });
});
