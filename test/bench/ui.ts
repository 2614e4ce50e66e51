/**
 * Item 5 — UI: JS bytes per view from `static/dist` (`scripts/ui-bundle-size.ts`, needs
 * `npm run build:ui` first), and first render per view against a bare Custom UI frame served by
 * the same host in the same run (`scripts/ui-render-time.ts`), without and with the latency model.
 * The render script also records every resolver each view calls while it first loads, with the
 * round trips on its critical path: the per-resolver table comes from there.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LATENCY_PROFILES } from '../../local/latency';
import { fmt, log, max, median, table, type BenchResult, type BudgetLine } from './lib';

const MAX_RATIO = 2;
const MAX_RESOLVER_ROUND_TRIPS = 3;
const RUNS = 7;

const BundleRows = z.object({
  budgetKb: z.number(),
  rows: z.array(
    z
      .object({
        view: z.string(),
        modules: z.string(),
        jsKb: z.number(),
        withChartsKb: z.number(),
        viewChunkKb: z.number(),
        cssKb: z.number(),
      })
      .loose(),
  ),
});

const RenderRun = z.object({
  latency: z.enum(['none', 'forge']),
  runs: z.number(),
  cpus: z.string(),
  views: z.array(
    z.object({
      view: z.string(),
      moduleKey: z.string(),
      viewMs: z.array(z.number()),
      bareMs: z.array(z.number()),
      viewMedianMs: z.number(),
      bareMedianMs: z.number(),
      ratio: z.number(),
      viewTaskMs: z.number(),
      bareTaskMs: z.number(),
      viewScriptMs: z.number(),
      bareScriptMs: z.number(),
      resolvers: z.array(
        z.object({
          resolver: z.string(),
          moduleKey: z.string(),
          roundTrips: z.number(),
          calls: z.number(),
          kvsOps: z.number(),
          jiraCalls: z.number(),
          functionMs: z.number(),
        }),
      ),
    }),
  ),
});
type RenderRun = z.infer<typeof RenderRun>;

/** Runs a script with tsx; its JSON answer is the last line of its output, whatever its exit code. */
function runScript(args: readonly string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.stderr.trim() !== '') console.error(r.stderr.trim());
  const json = r.stdout
    .trim()
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('{'));
  if (json === undefined) throw new Error(`${args[0] ?? 'script'} printed no JSON (exit ${r.status}): ${r.stdout}`);
  return json;
}

function render(latency: 'none' | 'forge'): RenderRun {
  log(`ui: first render against the bare frame, latency ${latency}…`);
  return RenderRun.parse(
    JSON.parse(
      runScript([
        'scripts/ui-render-time.ts',
        '--json',
        '--runs',
        String(RUNS),
        '--latency',
        latency,
        '--max-ratio',
        String(MAX_RATIO),
      ]),
    ),
  );
}

const runsOf = (xs: readonly number[]): string => xs.map((x) => fmt(x, 0)).join(', ');

function renderTable(run: RenderRun): string {
  return table(
    [
      'view',
      'view / bare frame',
      'view ms, median (runs)',
      'bare frame ms, median (runs)',
      'main thread busy / of it script, ms: view',
      'bare frame',
    ],
    run.views.map((v) => [
      v.view,
      `**${fmt(v.ratio, 2)}**`,
      `${fmt(v.viewMedianMs, 0)} (${runsOf(v.viewMs)})`,
      `${fmt(v.bareMedianMs, 0)} (${runsOf(v.bareMs)})`,
      `${fmt(v.viewTaskMs, 0)} / ${fmt(v.viewScriptMs, 0)}`,
      `${fmt(v.bareTaskMs, 0)} / ${fmt(v.bareScriptMs, 0)}`,
    ]),
  );
}

interface ResolverRow {
  readonly resolver: string;
  readonly views: string[];
  readonly roundTrips: number;
  readonly kvsOps: number;
  readonly jiraCalls: number;
  readonly functionMs: number;
  readonly calls: number;
}

function resolverRows(run: RenderRun): ResolverRow[] {
  const by = new Map<string, { views: Set<string>; calls: RenderRun['views'][number]['resolvers'] }>();
  for (const v of run.views) {
    for (const c of v.resolvers) {
      const e = by.get(c.resolver) ?? { views: new Set<string>(), calls: [] };
      e.views.add(v.view);
      e.calls.push(c);
      by.set(c.resolver, e);
    }
  }
  return [...by]
    .map(([resolver, e]) => ({
      resolver,
      views: [...e.views],
      roundTrips: max(e.calls.map((c) => c.roundTrips)),
      kvsOps: max(e.calls.map((c) => c.kvsOps)),
      jiraCalls: max(e.calls.map((c) => c.jiraCalls)),
      functionMs: median(e.calls.map((c) => c.functionMs)),
      calls: e.calls.length,
    }))
    .sort((a, b) => b.roundTrips - a.roundTrips || b.functionMs - a.functionMs);
}

export async function benchUi(): Promise<BenchResult> {
  const manifest = join(process.cwd(), 'static', 'dist', '.vite', 'manifest.json');
  if (!existsSync(manifest)) {
    return {
      title: 'UI',
      detail: 'No `static/dist` build with a Vite manifest: run `npm run build:ui` first.',
      summary: [{ item: '5. UI bundle per view', result: 'not built', budget: '≤ 150 KB gzip', met: false }],
    };
  }
  const bundles = BundleRows.parse(JSON.parse(runScript(['scripts/ui-bundle-size.ts', '--json'])));
  const plain = render('none');
  const modelled = render('forge');
  const invokeMs = LATENCY_PROFILES.forge.perCall.invoke.ms;
  const resolvers = resolverRows(modelled);
  const worstResolver = resolvers[0];
  const worstJs = Math.max(...bundles.rows.map((r) => r.withChartsKb));
  const ratioLine = (run: RenderRun, label: string): BudgetLine => {
    const worst = [...run.views].sort((a, b) => b.ratio - a.ratio)[0];
    return {
      item: `5. UI first render / bare frame, ${label} (worst view)`,
      result: worst
        ? `${fmt(worst.ratio, 2)} (${worst.view}: ${fmt(worst.viewMedianMs, 0)} / ${fmt(worst.bareMedianMs, 0)} ms)`
        : '—',
      budget: `≤ ${MAX_RATIO} per view`,
      met: worst !== undefined && run.views.every((v) => v.ratio <= MAX_RATIO),
    };
  };
  const detail = [
    "JS and CSS gzip at first load per view: `scripts/ui-bundle-size.ts --json` over the current `static/dist` (entry, with the views' first calls, + app shell + view chunk + static imports; the budget applies to the total with the chart chunks the view loads on demand and the largest locale's file of each message area it fetches before rendering).",
    '',
    table(
      ['view', 'modules', 'JS gzip first load', 'with its charts and words (budget)', 'CSS gzip'],
      bundles.rows.map((r) => [
        r.view,
        r.modules,
        `${fmt(r.jsKb)} KB`,
        `${fmt(r.withChartsKb)} KB`,
        `${fmt(r.cssKb)} KB`,
      ]),
    ),
    '',
    `**First render against a bare Custom UI frame.** \`scripts/ui-render-time.ts\`: through the local host with real resolvers and storage, headless Debian Chromium, a cold browser context per load, ${RUNS} loads of each view alternating with ${RUNS} loads of the bare frame (test/bench/bare-frame: \`@forge/bridge\`, \`view.getContext()\`, one line of text) that the same host serves in the same place of the same page. Time = navigation start of the host page → the first animation frame whose module iframe shows (\`innerText\`) the view's first data-bearing text, text that exists only once a resolver's answer arrived and is never shown while loading (portal: the question; issue panel: "Feedback asks"; glance: "Last score" or "No answer yet"; project page and gadget: a scorecard's "Target"; gadget edit: a project's name; admin page and project settings: the "Survey plans" tab) — for the bare frame, its line. The ratio of the two medians, same run, is the budget; milliseconds are information (they follow the machine and its load). "Main thread busy / script": Chromium's \`TaskDuration\` / \`ScriptDuration\` for the page's renderer (the host page and its frames share one main thread) from navigation until the bench read them just after the marker, median per load — where the time goes, as information. CPUs (\`scripts/cpu-split.ts\`; on Forge the functions run on Atlassian's machines, not beside the browser, so a resolver's CPU must not be taken from the browser's and charged to the view): ${plain.cpus}.`,
    '',
    'Without the latency model:',
    '',
    renderTable(plain),
    '',
    `Under the latency model (every platform call and each \`invoke\` delayed as in "Latency model"; the bare frame's \`getContext\` is answered by the parent page, as on Forge):`,
    '',
    renderTable(modelled),
    '',
    `**Resolvers a view calls at first render**, recorded while the views above loaded under the model (${modelled.runs} loads each). Round trips: the longest chain of platform calls each sent after the previous one was answered (the most in any call); "ms as the view waits": the function's median time under the model plus one \`invoke\` (${invokeMs} ms).`,
    '',
    table(
      [
        'resolver',
        'views',
        'calls',
        'round trips',
        'KVS ops (max)',
        'Jira calls (max)',
        'ms in the function',
        'ms as the view waits',
      ],
      resolvers.map((r) => [
        r.resolver,
        r.views.join(', '),
        String(r.calls),
        r.roundTrips > MAX_RESOLVER_ROUND_TRIPS ? `**${r.roundTrips}**` : String(r.roundTrips),
        String(r.kvsOps),
        String(r.jiraCalls),
        fmt(r.functionMs, 0),
        fmt(r.functionMs + invokeMs, 0),
      ]),
    ),
  ].join('\n');
  return {
    title: 'UI',
    detail,
    summary: [
      {
        item: '5. UI JS per view with its charts and words (worst view)',
        result: `${fmt(worstJs)} KB gzip`,
        budget: `≤ ${bundles.budgetKb} KB gzip`,
        met: worstJs <= bundles.budgetKb,
      },
      ratioLine(plain, 'no model'),
      ratioLine(modelled, 'latency model'),
      {
        item: '5. round trips of each resolver a view calls at first render (worst)',
        result: worstResolver ? `${worstResolver.roundTrips} (${worstResolver.resolver})` : '—',
        budget: `≤ ${MAX_RESOLVER_ROUND_TRIPS}`,
        met: resolvers.every((r) => r.roundTrips <= MAX_RESOLVER_ROUND_TRIPS),
      },
    ],
  };
}
