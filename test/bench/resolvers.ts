/**
 * Item 1 — the resolvers each view calls at first render, under the latency model with its delays
 * waited out: on the demo site (300 tickets over 90 days, seeded through the app's own events and
 * resolvers), every view's prefetch (static/src/views/*, the calls the UI starts before it mounts)
 * is opened as the host's pages open it, all its calls at once, RUNS times. Round trips on the
 * critical path come from the host's metering (local/latency.ts `criticalPath`); the budget is a
 * count (≤ 3 per resolver), times are information.
 */
import { startHost } from '../../local/index';
import { LATENCY_PROFILES } from '../../local/latency';
import { roundTripsOf } from '../../local/metrics';
import { openView, siteViews, viewChunks, type FirstCall } from '../integration/support/first-render';
import { attachLatency } from './latency-hook';
import { fmt, log, max, median, table, type BenchResult } from './lib';

const RUNS = 5;
const MAX_ROUND_TRIPS = 3;
const VIEW_NAMES: Record<string, string> = {
  'sentio-portal-survey': 'portal survey',
  'sentio-issue-panel': 'issue panel',
  'sentio-project-page': 'project page',
  'sentio-scorecard-gadget': 'scorecard gadget',
  'sentio-admin-page': 'admin page',
  'sentio-project-settings': 'project settings',
};

export async function benchResolvers(): Promise<BenchResult> {
  const h = await startHost({ dataDir: ':memory:', seed: 'demo', scheduler: false, port: 0 });
  try {
    const views = await viewChunks();
    const hook = attachLatency(h.host, { profile: LATENCY_PROFILES.forge, mode: 'wait' });
    const calls: FirstCall[] = [];
    // Besides each view, the gadget's editor: its picker lists the projects the caller may browse.
    const agent = h.users.agents[0] ?? '';
    const openings = [...siteViews(h), ['sentio-scorecard-gadget', agent, { entryPoint: 'edit' }] as const];
    for (let run = 0; run < RUNS; run++) for (const view of openings) calls.push(...(await openView(h, views, view)));
    hook.detach();
    const failed = calls.filter((c) => !c.ok);
    if (failed.length > 0) throw new Error(`first-render calls failed: ${failed.map((c) => c.resolver).join(', ')}`);
    const names = [...new Set(calls.map((c) => c.resolver))];
    const rows = names.map((name) => {
      const mine = calls.filter((c) => c.resolver === name);
      return {
        name,
        views: [...new Set(mine.map((c) => VIEW_NAMES[c.view] ?? c.view))].join(', '),
        calls: mine.length,
        roundTrips: max(mine.map((c) => roundTripsOf(c.metrics).roundTrips)),
        kvs: max(mine.map((c) => c.metrics.kvs.reads + c.metrics.kvs.writes)),
        jira: max(mine.map((c) => c.metrics.jira.calls)),
        inFunction: median(mine.map((c) => c.metrics.durationMs)),
        waited: median(mine.map((c) => c.ms)),
      };
    });
    rows.sort((a, b) => b.roundTrips - a.roundTrips || b.waited - a.waited);
    const worst = rows[0];
    if (worst === undefined) throw new Error('no view made a call');
    log(`resolvers: worst ${worst.name}, ${worst.roundTrips} round trips`);
    const detail = [
      `Every view's first calls (its prefetch module, static/src/views/*, as the UI starts them before it mounts; payloads parsed by their contracts as the UI's client does), sent all at once to the local host with the demo site (${h.demo?.tickets ?? 0} tickets over 90 days, seeded through the app's events and resolvers), ${RUNS} openings of each view, under the latency model with every delay waited out (the \`invoke\`: ${LATENCY_PROFILES.forge.perCall.invoke.ms} ms). Round trips: the longest chain of platform calls each sent after the previous one was answered, from the host's metering (the most in any call); the project resolvers read while the permission check is in flight and answer nothing before it passed. The request-type names cache is fresh here (the demo seed has just filled it): \`test/integration/first-render-round-trips.test.ts\` holds every resolver to ≤ ${MAX_ROUND_TRIPS} with that cache expired before each view (Jira asked and the cache written on the critical path), in \`npm test\`. Milliseconds are information (they follow the machine and the model's figures).`,
      '',
      table(
        [
          'resolver',
          'views',
          'calls',
          'round trips (max)',
          'KVS ops (max)',
          'Jira calls (max)',
          'ms in the function, median',
          'ms as the view waits, median',
        ],
        rows.map((r) => [
          r.name,
          r.views,
          String(r.calls),
          r.roundTrips > MAX_ROUND_TRIPS ? `**${r.roundTrips}**` : String(r.roundTrips),
          String(r.kvs),
          String(r.jira),
          fmt(r.inFunction, 0),
          fmt(r.waited, 0),
        ]),
      ),
    ].join('\n');
    return {
      title: 'Resolvers at first render, under the latency model',
      detail,
      summary: [
        {
          item: '1. round trips of each resolver a view calls at first render (worst)',
          result: `${worst.roundTrips} (${worst.name}; ${fmt(worst.waited, 0)} ms as the view waits)`,
          budget: `≤ ${MAX_ROUND_TRIPS}`,
          met: rows.every((r) => r.roundTrips <= MAX_ROUND_TRIPS),
        },
      ],
    };
  } finally {
    await h.close();
  }
}
