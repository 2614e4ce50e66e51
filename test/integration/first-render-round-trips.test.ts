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
import { HOUR, MINUTE, MODULE, startTestHost, stopTestHost, unwrap, type TestHost } from './support/host';

const BUDGET = 3;

// The UI's table of views and their prefetch modules (static/src/app/view-chunks.ts). Loaded by
// path: the UI compiles under its own tsconfig (DOM, aliases), which vitest resolves at run time.
const VIEW_CHUNKS_MODULE = '../../static/src/app/view-chunks';
/** What a prefetch uses of the UI's client (static/src/api/client.ts): `prefetch(contract, payload)`. */
interface PrefetchClient {
  prefetch(
    contract: { readonly name: string; readonly payload: { parse(p: unknown): unknown } },
    payload: unknown,
  ): void;
}
type ViewChunks = Record<string, { data(): Promise<{ prefetch(client: PrefetchClient, context: unknown): void }> }>;

interface Call {
  readonly view: string;
  readonly resolver: string;
  readonly roundTrips: number;
  readonly ok: boolean;
}

describe('round trips of the resolvers each view calls at first render', () => {
  let h: TestHost;
  const calls: Call[] = [];

  let views: ViewChunks;

  /**
   * Opens `moduleKey` as `as` would: the view's prefetch with the context the host gives the
   * module; each call sent as the UI's client sends it (payload parsed by its contract, defaults
   * filled in), all at once, to the host.
   */
  const openView = async (moduleKey: string, as: string, extension: Record<string, unknown>) => {
    const m = h.host.uiModule(moduleKey);
    const chunk = views[moduleKey];
    if (m === undefined || chunk === undefined) throw new Error(`no module or view ${moduleKey}`);
    const pending: Array<Promise<void>> = [];
    const client: PrefetchClient = {
      prefetch: (contract, payload) => {
        const run = h.invoke(moduleKey, contract.name, contract.payload.parse(payload), as, extension);
        pending.push(
          run.then((r) => {
            const ok = r.ok && (r.value as { ok?: unknown }).ok === true;
            calls.push({
              view: moduleKey,
              resolver: contract.name,
              roundTrips: roundTripsOf(r.metrics).roundTrips,
              ok,
            });
          }),
        );
      },
    };
    (await chunk.data()).prefetch(client, h.host.productContext(m, as, extension));
    await Promise.all(pending);
    return pending.length;
  };

  beforeAll(async () => {
    views = ((await import(/* @vite-ignore */ VIEW_CHUNKS_MODULE)) as { VIEW_CHUNKS: ViewChunks }).VIEW_CHUNKS;
    h = await startTestHost({ latency: 'forge', latencyMode: 'account' });
    const admin = h.users.admins[0] ?? '';
    const agent = h.users.agents[0] ?? '';
    const customers = h.users.customers;
    unwrap(await h.call(MODULE.admin, 'savePlan', { plan: plan('on-create', { kind: 'created' }) }, admin));
    await h.waitForIdle();
    // 30 tickets over three days, half of them answered with a comment, a third resolved.
    const keys: string[] = [];
    for (let i = 0; i < 30; i++) {
      const reporter = customers[i % customers.length] ?? '';
      const t = h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary: `Issue ${i}`, reporter });
      keys.push(t.key);
      await h.waitForIdle();
      if (i % 2 === 0) {
        const mine = unwrap(
          await h.call<{ ask: PortalAskView | null }>(MODULE.portal, 'getMyAsk', {}, reporter, {
            request: { key: t.key },
          }),
        );
        if (mine.ask !== null)
          unwrap(
            await h.call(
              MODULE.portal,
              'answerAsk',
              { askId: mine.ask.askId, score: 1 + (i % 5), reasons: [], comment: `Answer ${i}` },
              reporter,
              { request: { key: t.key } },
            ),
          );
      }
      if (i % 3 === 0) h.site.transition(t.key, 'Resolved', agent);
      await h.waitForIdle();
      h.advanceBoth(3 * HOUR);
    }
    // The hourly job compacts the days so far; a later comment on an early ticket makes its day live again.
    await h.tick('sentio-hourly');
    h.site.comment(keys[0] ?? '', 'This is still broken and nobody answers.', {
      author: customers[0] ?? '',
      public: true,
    });
    await h.waitForIdle();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('stays within 3 sequential round trips for every resolver of every view', async () => {
    const admin = h.users.admins[0] ?? '';
    const agent = h.users.agents[0] ?? '';
    const customer = h.users.customers[0] ?? '';
    const it = h.site.raw.project('IT');
    const project = { id: it?.id, key: it?.key, type: 'service_desk' };
    const issue = h.site.raw.issues({ reporter: customer })[0];
    const opened: Array<[string, string, Record<string, unknown>]> = [
      ['sentio-portal-survey', customer, { request: { key: issue?.key, typeId: issue?.requestTypeId }, project }],
      ['sentio-issue-panel', agent, { issue: { id: issue?.id, key: issue?.key }, project }],
      ['sentio-project-page', agent, { project }],
      ['sentio-scorecard-gadget', agent, { gadgetConfiguration: { projectId: it?.id, window: '30d' } }],
      ['sentio-admin-page', admin, {}],
      ['sentio-project-settings', admin, { project }],
    ];
    // Every view the UI has is opened (a new view cannot be left out).
    expect(opened.map(([key]) => key).sort()).toEqual(Object.keys(views).sort());
    for (const [moduleKey, as, extension] of opened) {
      h.advanceBoth(SCOPE_OPTIONS_TTL_MS + MINUTE);
      expect(await openView(moduleKey, as, extension)).toBeGreaterThan(0);
    }
    const worst = calls.reduce((a, b) => (b.roundTrips > a.roundTrips ? b : a));
    console.log(
      `first-render resolvers, sequential round trips: ${calls.map((c) => `${c.resolver} (${c.view}) ${c.roundTrips}`).join('; ')}; worst ${worst.resolver} ${worst.roundTrips}`,
    );
    expect(calls.filter((c) => !c.ok)).toEqual([]);
    expect(calls.filter((c) => c.roundTrips > BUDGET)).toEqual([]);
    // The metering sees the calls at all: the project page's sections each wait on storage and Jira.
    expect(calls.find((c) => c.resolver === 'getVerbatims')?.roundTrips).toBeGreaterThanOrEqual(2);
  });
});
