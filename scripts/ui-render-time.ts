/**
 * First meaningful render of each Custom UI view through the local Forge host (real manifest
 * wiring, real resolvers, real storage), in headless Chromium, against a bare Custom UI frame
 * served by the same host in the same run.
 *
 * Time = the host page's navigation start → the first animation frame in which the module iframe
 * shows (innerText, looked at once per frame) the view's first real content: text that only exists
 * once its resolver data has arrived, never a placeholder. So it includes
 * the host page, the iframe, the bundle and its view chunk, `getContext`, `enableTheming` and the
 * view's first round of invokes. Each run is a fresh browser context (cold HTTP cache).
 *
 * The bare frame (test/bench/bare-frame: `@forge/bridge`, `view.getContext()`, one line of text,
 * built here with Vite like the app) is put at the same place in the same page — the host serves
 * it for the view's resource — and timed the same way, the two alternating run by run. The gate is
 * the ratio view / bare frame (median of each), which follows the machine's speed; the absolute
 * times are printed as information.
 *
 * While a view loads, every resolver it invokes is recorded with the platform calls it made: the
 * round trips on its critical path (calls sent together count once), KVS operations, Jira calls.
 *
 * The site is small and made through the host's site API and the app's own resolvers: the default
 * XLA, one mid-flight plan, and `--tickets` (default 40) tickets that each got an agent reply, an
 * ask and an answer (some with an unhappy comment).
 *
 *   npm run build:ui && npx tsx scripts/ui-render-time.ts [--runs 7] [--tickets 40] [--only issue]
 *       [--latency none|forge] [--max-ratio 2] [--json] [--waterfall] [--trace] [--profile]
 *       [--against <another build's static/dist>] [--shared-cpus]
 *
 * `--latency forge` adds the host's latency model (local/latency.ts) to every platform call and
 * bridge `invoke` while the views load (not while seeding). `--only` keeps the views whose name
 * contains the text. Prints a Markdown table (or JSON with `--json`); exits 1 when a view's
 * ratio to the bare frame is over `--max-ratio`. `--waterfall` also prints, for each view load, when
 * the module frame asked for each file and invoke, when the request left (Chromium keeps at most 6
 * in flight to one origin) and when its answer was in (ms from the host page's navigation start),
 * read after the time was taken: where the time goes, not part of it. `--against` times another
 * build of the `ui` resource in the same rounds, taking turns with this one and the bare frame.
 *
 * With two CPUs or more, the host runs on one and the browser on the others (scripts/cpu-split.ts:
 * on Forge the functions do not run on the person's machine); `--shared-cpus` lets them share.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { type CpuSplit, describeSplit, launchOnOwnCpus } from './cpu-split';
import { type RunningHost, startHost } from '../local/index';
import { latencyProfile } from '../local/latency';
import type { InvocationMetrics } from '../local/metrics';
import type { Envelope, PortalAskView } from '../src/contracts';
import { defaultXla } from '../src/domain/xla';
import { attachLatency, type LatencyHook } from '../test/bench/latency-hook';

const ROOT = join(import.meta.dirname, '..');
const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const RUNS = Number(arg('--runs', '7'));
const TICKETS = Number(arg('--tickets', '40'));
const MAX_RATIO = Number(arg('--max-ratio', '2'));
const LATENCY = latencyProfile(arg('--latency', 'none'));
const JSON_OUT = process.argv.includes('--json');
const WATERFALL = process.argv.includes('--waterfall');
const TRACE = process.argv.includes('--trace');
const PROFILE = process.argv.includes('--profile');
// Another build of the `ui` resource (a Vite outDir) timed in the same runs: a same-run before/after.
const AGAINST = arg('--against', '');
// `--only issue-glance` and `--only "issue glance"` both work.
const ONLY = arg('--only', '').replaceAll('-', ' ');
const SHARED_CPUS = process.argv.includes('--shared-cpus');
const BARE_MARKER = 'Bare frame ready';

type LoadKind = 'bare' | 'view' | 'against';
const rotate = <T>(xs: readonly T[], by: number): T[] => xs.map((_, j) => xs[(j + by) % xs.length] as T);
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-sync',
  '--disable-component-update',
  '--disable-quic',
];

interface View {
  readonly view: string;
  readonly moduleKey: string;
  readonly path: string;
  readonly as: 'admin' | 'agent' | 'requester';
  /** Any of these in the frame's text means the view shows its data (never shown while loading). */
  readonly markers: readonly string[];
}

async function call<T>(
  h: RunningHost,
  moduleKey: string,
  name: string,
  payload: unknown,
  as: string,
  extension: Record<string, unknown> = {},
): Promise<T> {
  const r = await h.invoke(moduleKey, name, payload, as, extension);
  const env = r.value as Envelope<T> | undefined;
  if (!r.ok || !env?.ok) throw new Error(`${name} failed: ${JSON.stringify(env ?? r.error?.message)}`);
  return env.data;
}

/** A small site with real answers, made the way people make it: Jira events and the portal resolver. */
async function seedSmall(h: RunningHost): Promise<{ issueKey: string; requester: string }> {
  const admin = h.users.admins[0] ?? '';
  await call(h, 'sentio-admin-page', 'saveXla', { xla: defaultXla() }, admin);
  // Saving an XLA starts a recompute that moves the configuration's revision when it ends; a plan
  // saved while it runs is refused as a concurrent change, so let it finish first.
  await h.waitForIdle();
  await call(
    h,
    'sentio-admin-page',
    'savePlan',
    {
      plan: {
        id: 'mid-flight',
        name: 'Mid-flight check',
        waypoint: { kind: 'first-response' },
        question: { kind: 'emoji5', text: 'How is it going with your request so far?' },
        fatigue: { cooldownHours: 0 },
      },
    },
    admin,
  );
  await h.waitForIdle();
  let last = { issueKey: '', requester: '' };
  for (let i = 0; i < TICKETS; i++) {
    const requester = h.users.customers[i % h.users.customers.length] ?? '';
    const agent = h.users.agents[i % h.users.agents.length] ?? '';
    const key = h.site.createTicket({
      projectKey: i % 3 === 2 ? 'HR' : 'IT',
      summary: `Render bench ticket ${i + 1}`,
      reporter: requester,
    }).key;
    h.site.assign(key, agent, admin);
    h.site.comment(key, 'Thanks, looking into it now.', { author: agent, public: true });
    await h.waitForIdle();
    const ask = (
      await call<{ ask: PortalAskView | null }>(h, 'sentio-portal-survey', 'getMyAsk', {}, requester, {
        request: { key },
      })
    ).ask;
    // The last ticket keeps its ask pending: the portal view shows the question form.
    if (ask && i < TICKETS - 1) {
      await call(
        h,
        'sentio-portal-survey',
        'answerAsk',
        {
          askId: ask.askId,
          score: 1 + (i % 5),
          reasons: [],
          comment: i % 4 === 0 ? 'Slow and nobody tells me anything.' : null,
        },
        requester,
        { request: { key } },
      );
    }
    if (i % 4 === 0)
      h.site.comment(key, 'This is taking far too long, I am really frustrated.', { author: requester, public: true });
    last = { issueKey: key, requester };
    if (i === TICKETS - 1 && !ask) throw new Error(`no ask on ${key}: the portal view would be empty`);
  }
  await h.waitForIdle();
  return last;
}

function viewsFor(issueKey: string): View[] {
  return [
    {
      view: 'portal survey',
      moduleKey: 'sentio-portal-survey',
      path: `/portal/${issueKey}`,
      as: 'requester',
      markers: ['How is it going', 'Thanks for your feedback'],
    },
    {
      view: 'issue panel',
      moduleKey: 'sentio-issue-panel',
      path: `/browse/${issueKey}`,
      as: 'agent',
      markers: ['Feedback asks'],
    },
    // Its own resource (`glance`, static/dist-glance), in the same page as the panel.
    {
      view: 'issue glance',
      moduleKey: 'sentio-issue-context',
      path: `/browse/${issueKey}`,
      as: 'agent',
      markers: ['Last score', 'No answer yet'],
    },
    { view: 'project page', moduleKey: 'sentio-project-page', path: '/projects/IT', as: 'admin', markers: ['Target '] },
    {
      view: 'scorecard gadget',
      moduleKey: 'sentio-scorecard-gadget',
      path: '/dashboard?project=IT',
      as: 'admin',
      markers: ['Target '],
    },
    {
      view: 'gadget edit',
      moduleKey: 'sentio-scorecard-gadget',
      path: '/dashboard?project=IT&mode=edit',
      as: 'admin',
      markers: ['IT Service Desk'],
    },
    { view: 'admin page', moduleKey: 'sentio-admin-page', path: '/admin', as: 'admin', markers: ['Survey plans'] },
    {
      view: 'project settings',
      moduleKey: 'sentio-project-settings',
      path: '/projects/IT/settings',
      as: 'admin',
      markers: ['Survey plans'],
    },
  ];
}

/** Builds the bare frame with Vite (as the app's resources are built) into `outDir`. */
async function buildBareFrame(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(ROOT, 'test', 'bench', 'bare-frame'),
    base: './',
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: false },
  });
}

/** One cold load of `path` as `persona`: ms from navigation start to a marker in `moduleKey`'s frame. */
async function timeLoad(
  browser: Browser,
  url: string,
  persona: string,
  moduleKey: string,
  markers: readonly string[],
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addCookies([{ name: 'persona', value: encodeURIComponent(persona), url: new URL(url).origin }]);
    // Runs in every frame; only this module's iframe records (the issue view has two).
    // A string, not a function: tsx would rewrite a function with helpers the page lacks.
    await context.addInitScript(`
      if (window.top !== window && window.frameElement && window.frameElement.getAttribute('data-module') === ${JSON.stringify(moduleKey)}) {
        const markers = ${JSON.stringify(markers)};
        // Looked at once per animation frame, when the browser lays the frame out anyway, not on
        // every mutation: innerText forces a layout, and a view makes hundreds of mutations.
        let pending = false;
        const observer = new MutationObserver(() => {
          if (pending) return;
          pending = true;
          requestAnimationFrame(() => {
            pending = false;
            // textContent first (no layout): innerText, which says what shows, only once the text is in.
            const all = document.body ? document.body.textContent || '' : '';
            if (!markers.some((m) => all.includes(m))) return;
            const text = document.body.innerText;
            if (markers.some((m) => text.includes(m))) {
              window.top.postMessage({ sentioRendered: performance.timeOrigin + performance.now() }, '*');
              observer.disconnect();
            }
          });
        });
        observer.observe(document, { childList: true, subtree: true, characterData: true });
      } else if (window.top === window) {
        window.addEventListener('message', (e) => {
          if (e.data && typeof e.data.sentioRendered === 'number' && window.__rendered === undefined) window.__rendered = e.data.sentioRendered - performance.timeOrigin;
        });
      }
    `);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error('pageerror', moduleKey, e.message));
    // The renderer's main-thread time (the host page and its frames share it): where the time went.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    if (TRACE) await startTrace(cdp);
    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(url);
    // An issue context renders when expanded (as in Jira): expand it at once.
    if (moduleKey === 'sentio-issue-context') await page.locator('details.context > summary').first().click();
    try {
      const t = await page.waitForFunction(() => (window as unknown as { __rendered?: number }).__rendered, undefined, {
        timeout: 20_000,
      });
      const ms = Number(await t.jsonValue());
      const { metrics } = await cdp.send('Performance.getMetrics');
      if (WATERFALL && !markers.includes(BARE_MARKER)) await printWaterfall(page, moduleKey, ms);
      if (PROFILE)
        printProfile(
          markers.includes(BARE_MARKER) ? 'bare frame' : moduleKey,
          (await cdp.send('Profiler.stop')).profile,
        );
      if (TRACE) printTrace(markers.includes(BARE_MARKER) ? 'bare frame' : moduleKey, await endTrace(cdp));
      const metric = (name: string): number => 1000 * (metrics.find((m) => m.name === name)?.value ?? Number.NaN);
      return { ms, taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration') };
    } catch (e) {
      const texts = await Promise.all(
        page.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '?')),
      );
      throw new Error(
        `${url}: no ${markers.join(' / ')} in ${moduleKey} after 20 s; frames show: ${texts.map((t) => JSON.stringify(t.slice(0, 200))).join(' | ')}`,
        { cause: e },
      );
    }
  } finally {
    await context.close();
  }
}

type Cdp = Awaited<ReturnType<BrowserContext['newCDPSession']>>;

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly name?: string; readonly data?: { readonly url?: string } };
}

async function startTrace(cdp: Cdp): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'v8.execute', 'blink', 'loading'] },
  });
}

async function endTrace(cdp: Cdp): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')));
  await cdp.send('Tracing.end');
  const handle = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    text += chunk.base64Encoded === true ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/**
 * Self time of each complete event on the renderers' main threads, by event name and script file:
 * where one load's main-thread time went (information, read after the time was taken).
 */
function printTrace(label: string, events: readonly TraceEvent[]): void {
  const main = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph !== 'X' || e.dur === undefined || !main.has(key)) continue;
    byThread.set(key, [...(byThread.get(key) ?? []), e]);
  }
  const self = new Map<string, number>();
  for (const list of byThread.values()) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const stack: { e: TraceEvent; end: number; child: number }[] = [];
    const close = (upTo: number): void => {
      while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= upTo) {
        const top = stack.pop();
        if (top === undefined) break;
        const url = top.e.args?.data?.url?.replace(/^.*\//, '') ?? '';
        const k = `${top.e.name}${url === '' ? '' : ` ${url}`}`;
        self.set(k, (self.get(k) ?? 0) + ((top.e.dur ?? 0) - top.child) / 1000);
        const parent = stack.at(-1);
        if (parent) parent.child += top.e.dur ?? 0;
      }
    };
    for (const e of list) {
      close(e.ts);
      stack.push({ e, end: e.ts + (e.dur ?? 0), child: 0 });
    }
    close(Number.POSITIVE_INFINITY);
  }
  const rows = [...self]
    .filter(([k]) => !k.startsWith('ThreadControllerImpl') && !k.startsWith('RunTask'))
    .sort((a, b) => b[1] - a[1]);
  const total = [...self].reduce((a, [, v]) => a + v, 0);
  console.log(`trace ${label}: main threads' self time ${total.toFixed(0)} ms; top:`);
  for (const [k, v] of rows.slice(0, 25)) console.log(`  ${v.toFixed(1).padStart(7)}  ${k}`);
}

interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: {
      readonly functionName: string;
      readonly url: string;
      readonly lineNumber: number;
      readonly columnNumber: number;
    };
  }[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

/** Self time of the script functions of one load, by chunk and by function (information). */
function printProfile(label: string, profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFile = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const samples = profile.samples ?? [];
  samples.forEach((id, i) => {
    const f = byId.get(id);
    const us = profile.timeDeltas?.[i] ?? 0;
    if (f === undefined) return;
    const file = f.url.replace(/^.*\//, '') || f.functionName;
    byFile.set(file, (byFile.get(file) ?? 0) + us);
    const fn = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  const top = (m: Map<string, number>, n: number): string =>
    [...m]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${(v / 1000).toFixed(1).padStart(7)}  ${k}`)
      .join('\n');
  console.log(`profile ${label}: by file\n${top(byFile, 15)}\nby function\n${top(byFunction, 25)}`);
}

/** The host page's time origin of the last load the waterfall printed (epoch ms). */
let lastOrigin = 0;

/** The resolvers of one load on the host page's clock: when each started and ended in the host. */
function printResolvers(calls: readonly InvocationMetrics[]): void {
  for (const m of calls)
    console.log(
      `  ${(m.startedAt - lastOrigin).toFixed(0).padStart(6)} → ${(m.startedAt + m.durationMs - lastOrigin).toFixed(0).padStart(6)}  resolver ${m.cause}`,
    );
}

/** The module frame's requests of one load, from its resource timing, on the host page's clock. */
async function printWaterfall(page: Page, moduleKey: string, markerMs: number): Promise<void> {
  const top = await page.evaluate(() => performance.timeOrigin);
  lastOrigin = top;
  for (const frame of page.frames()) {
    const key = await frame.evaluate(() => window.frameElement?.getAttribute('data-module') ?? null).catch(() => null);
    if (key !== moduleKey) continue;
    const { origin, entries } = await frame.evaluate(() => ({
      origin: performance.timeOrigin,
      entries: performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        return { name: r.name, start: r.startTime, sent: r.requestStart, first: r.responseStart, end: r.responseEnd };
      }),
    }));
    const shift = origin - top;
    console.log(`waterfall ${moduleKey} (marker at ${markerMs.toFixed(0)} ms):`);
    for (const e of entries)
      console.log(
        `  ${(e.start + shift).toFixed(0).padStart(6)} → ${(e.end + shift).toFixed(0).padStart(6)}  (sent ${(e.sent + shift).toFixed(0)}, first byte ${(e.first + shift).toFixed(0)})  ${e.name.replace(/^.*\/(?=[^/]+\/?$)/, '')}`,
      );
  }
}

/** One load: ms to the marker, and the main thread's busy and script time until the bench read them. */
interface Load {
  readonly ms: number;
  readonly taskMs: number;
  readonly scriptMs: number;
}

/** Waits until no resolver runs and none started for `quietMs`: the view's first round is over. */
async function settle(h: RunningHost, quietMs = 300): Promise<void> {
  let seen = -1;
  for (;;) {
    const all = h.metrics.invocations({ kind: 'resolver' });
    const running = all.some((m) => m.outcome === 'running');
    if (!running && all.length === seen) return;
    seen = all.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export interface ResolverCall {
  readonly resolver: string;
  readonly moduleKey: string;
  readonly roundTrips: number;
  readonly calls: number;
  readonly kvsOps: number;
  readonly jiraCalls: number;
  /** Inside the function, under the model when one is on. */
  readonly functionMs: number;
}

export interface ViewResult {
  readonly view: string;
  readonly moduleKey: string;
  readonly viewMs: readonly number[];
  readonly bareMs: readonly number[];
  readonly viewMedianMs: number;
  readonly bareMedianMs: number;
  /** Medians of the renderer's main-thread busy time and script time per load (information). */
  readonly viewTaskMs: number;
  readonly bareTaskMs: number;
  readonly viewScriptMs: number;
  readonly bareScriptMs: number;
  readonly ratio: number;
  /** Every resolver call of the view's first loads (all runs). */
  readonly resolvers: readonly ResolverCall[];
}

function resolverCall(m: InvocationMetrics, hook: LatencyHook): ResolverCall {
  const path = hook.path(m.invocationId);
  return {
    resolver: m.cause,
    moduleKey: m.moduleKey,
    roundTrips: path.roundTrips,
    calls: path.calls,
    kvsOps: m.kvs.reads + m.kvs.writes,
    jiraCalls: m.jira.calls,
    functionMs: m.durationMs,
  };
}

async function main(): Promise<void> {
  for (const dir of ['dist', 'dist-glance']) {
    if (!existsSync(join(ROOT, 'static', dir, 'index.html')))
      throw new Error(`static/${dir} is missing: run npm run build:ui first`);
  }
  const work = mkdtempSync(join(tmpdir(), 'sentio-render-'));
  const bareDir = join(work, 'bare-frame');
  await buildBareFrame(bareDir);
  // Read by the host on every frame it serves: the bench swaps the app's resources for the bare
  // frame between runs, so both are served by one host at the same place in the same pages.
  const resourceDirs: Record<string, string> = {};
  const h = await startHost({
    dataDir: join(work, 'data'),
    port: 0,
    seed: 'basic',
    delayScale: 0,
    scheduler: false,
    resourceDirs,
  });
  const hook = attachLatency(h.host, { mode: 'wait' });
  const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const { value: browser, split } = SHARED_CPUS
    ? { value: await launch(), split: { notSplit: '--shared-cpus' } satisfies CpuSplit }
    : await launchOnOwnCpus(launch);
  const cpus = describeSplit(split);
  const results: ViewResult[] = [];
  try {
    const target = await seedSmall(h);
    const who = { admin: h.users.admins[0] ?? '', agent: h.users.agents[0] ?? '', requester: target.requester };
    hook.profile = LATENCY;
    for (const v of viewsFor(target.issueKey).filter((x) => x.view.includes(ONLY))) {
      const viewLoads: Load[] = [];
      const bareLoads: Load[] = [];
      const againstLoads: Load[] = [];
      const resolvers: ResolverCall[] = [];
      const url = `${h.url}${v.path}`;
      for (let i = 0; i < RUNS; i++) {
        // Rotate which goes first, so a slow spell of the machine hits each build alike.
        const kinds: LoadKind[] =
          AGAINST !== '' && v.moduleKey !== 'sentio-issue-context' ? ['bare', 'view', 'against'] : ['bare', 'view'];
        for (const kind of rotate(kinds, i)) {
          if (kind === 'bare') {
            resourceDirs.ui = bareDir;
            resourceDirs.glance = bareDir;
            bareLoads.push(await timeLoad(browser, url, who[v.as], v.moduleKey, [BARE_MARKER]));
            delete resourceDirs.ui;
            delete resourceDirs.glance;
          } else if (kind === 'against') {
            resourceDirs.ui = AGAINST;
            againstLoads.push(await timeLoad(browser, url, who[v.as], v.moduleKey, v.markers));
            delete resourceDirs.ui;
            await settle(h);
          } else {
            const before = h.metrics.invocations({ kind: 'resolver' }).length;
            viewLoads.push(await timeLoad(browser, url, who[v.as], v.moduleKey, v.markers));
            await settle(h);
            const calls = h.metrics
              .invocations({ kind: 'resolver' })
              .slice(before)
              .filter((m) => m.moduleKey === v.moduleKey);
            resolvers.push(...calls.map((m) => resolverCall(m, hook)));
            if (WATERFALL) printResolvers(calls);
          }
        }
      }
      if (againstLoads.length > 0) {
        const a = median(againstLoads.map((l) => l.ms));
        console.error(
          `${v.view}: this build ${median(viewLoads.map((l) => l.ms)).toFixed(0)} ms (${viewLoads.map((l) => l.ms.toFixed(0)).join(', ')}), --against ${a.toFixed(0)} ms (${againstLoads.map((l) => l.ms.toFixed(0)).join(', ')}), main thread ${median(viewLoads.map((l) => l.taskMs)).toFixed(0)} against ${median(againstLoads.map((l) => l.taskMs)).toFixed(0)} ms, script ${median(viewLoads.map((l) => l.scriptMs)).toFixed(0)} against ${median(againstLoads.map((l) => l.scriptMs)).toFixed(0)} ms`,
        );
      }
      const viewMs = viewLoads.map((l) => l.ms);
      const bareMs = bareLoads.map((l) => l.ms);
      const viewMedianMs = median(viewMs);
      const bareMedianMs = median(bareMs);
      results.push({
        view: v.view,
        moduleKey: v.moduleKey,
        viewMs,
        bareMs,
        viewMedianMs,
        bareMedianMs,
        ratio: viewMedianMs / bareMedianMs,
        viewTaskMs: median(viewLoads.map((l) => l.taskMs)),
        bareTaskMs: median(bareLoads.map((l) => l.taskMs)),
        viewScriptMs: median(viewLoads.map((l) => l.scriptMs)),
        bareScriptMs: median(bareLoads.map((l) => l.scriptMs)),
        resolvers,
      });
    }
  } finally {
    hook.detach();
    await browser.close();
    await h.close();
    rmSync(work, { recursive: true, force: true });
  }
  if (JSON_OUT) {
    console.log(JSON.stringify({ latency: LATENCY.name, runs: RUNS, maxRatio: MAX_RATIO, cpus, views: results }));
  } else {
    console.log(`Latency model: ${LATENCY.name}. CPUs: ${cpus}. Median of ${RUNS} cold loads each, ms (runs).`);
    console.log(
      '| view | view / bare frame | view | bare frame | main thread busy / script, view | … bare frame | resolvers at first render (round trips) |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const r of results) {
      const worst = new Map<string, number>();
      for (const c of r.resolvers) worst.set(c.resolver, Math.max(worst.get(c.resolver) ?? 0, c.roundTrips));
      console.log(
        `| ${r.view} | ${r.ratio.toFixed(2)} | ${r.viewMedianMs.toFixed(0)} (${r.viewMs.map((t) => t.toFixed(0)).join(', ')}) | ${r.bareMedianMs.toFixed(0)} (${r.bareMs.map((t) => t.toFixed(0)).join(', ')}) | ${r.viewTaskMs.toFixed(0)} / ${r.viewScriptMs.toFixed(0)} | ${r.bareTaskMs.toFixed(0)} / ${r.bareScriptMs.toFixed(0)} | ${[...worst].map(([n, rt]) => `${n} (${rt})`).join(', ')} |`,
      );
    }
  }
  if (results.some((r) => !(r.ratio <= MAX_RATIO))) {
    console.error(
      `over ${MAX_RATIO}× the bare frame: ${results
        .filter((r) => !(r.ratio <= MAX_RATIO))
        .map((r) => r.view)
        .join(', ')}`,
    );
    process.exitCode = 1;
  }
}

await main();
