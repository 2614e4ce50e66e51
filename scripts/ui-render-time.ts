/**
 * First meaningful render of each Custom UI view through the local Forge host (real manifest
 * wiring, real resolvers, real storage), in headless Chromium, median of N cold loads.
 *
 * Time = the host page's navigation start → the moment the view's first real content (text that
 * only exists once its resolver data has arrived) is in the module iframe's DOM. So it includes
 * the host page, the iframe, the bundle and its view chunk, `getContext`, `enableTheming` and the
 * view's first round of invokes (the issue glance: its own small resource, `enableTheming` and its
 * one invoke). Each run is a fresh browser context (cold HTTP cache).
 *
 * The site is small and made through the host's site API and the app's own resolvers: the default
 * XLA, one mid-flight plan, and `--tickets` (default 40) tickets that each got an agent reply, an
 * ask and an answer (some with an unhappy comment).
 *
 *   npm run build:ui && npx tsx scripts/ui-render-time.ts [--runs 5] [--tickets 40] [--only issue]
 *
 * `--only` keeps the views whose name contains the text (quicker checks while working on one).
 *
 * Prints a Markdown table for BENCHMARKS.md ("UI" → "First meaningful render"); exits 1 when a
 * median is over the 500 ms budget.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { type RunningHost, startHost } from '../local/index';
import type { Envelope, PortalAskView } from '../src/contracts';
import { defaultXla } from '../src/domain/xla';

const BUDGET_MS = 500;
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 5);
const TICKETS = arg('--tickets', 40);
// `--only issue-glance` and `--only "issue glance"` both work.
const ONLY = process.argv.includes('--only')
  ? (process.argv[process.argv.indexOf('--only') + 1] ?? '').replaceAll('-', ' ')
  : '';
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

async function main(): Promise<void> {
  for (const dir of ['dist', 'dist-glance']) {
    if (!existsSync(join(import.meta.dirname, '..', 'static', dir, 'index.html')))
      throw new Error(`static/${dir} is missing: run npm run build:ui first`);
  }
  const work = mkdtempSync(join(tmpdir(), 'sentio-render-'));
  const h = await startHost({ dataDir: join(work, 'data'), port: 0, seed: 'basic', delayScale: 0, scheduler: false });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ARGS });
  const rows: Array<{ view: string; median: number; all: number[] }> = [];
  try {
    const target = await seedSmall(h);
    const who = { admin: h.users.admins[0] ?? '', agent: h.users.agents[0] ?? '', requester: target.requester };
    const VIEWS: View[] = [
      {
        view: 'portal survey',
        moduleKey: 'sentio-portal-survey',
        path: `/portal/${target.issueKey}`,
        as: 'requester',
        markers: ['How is it going', 'Thanks for your feedback'],
      },
      {
        view: 'issue panel',
        moduleKey: 'sentio-issue-panel',
        path: `/browse/${target.issueKey}`,
        as: 'agent',
        markers: ['Feedback asks'],
      },
      // Its own resource (`glance`, static/dist-glance), in the same page as the panel.
      {
        view: 'issue glance',
        moduleKey: 'sentio-issue-context',
        path: `/browse/${target.issueKey}`,
        as: 'agent',
        markers: ['Last score', 'No answer yet'],
      },
      {
        view: 'project page',
        moduleKey: 'sentio-project-page',
        path: '/projects/IT',
        as: 'admin',
        markers: ['Target '],
      },
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
        markers: ['Service project id'],
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
    for (const v of VIEWS.filter((x) => x.view.includes(ONLY))) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addCookies([{ name: 'persona', value: encodeURIComponent(who[v.as]), url: h.url }]);
        // Runs in every frame; only this module's iframe records (the issue view has two).
        // A string, not a function: tsx would rewrite a function with helpers the page lacks.
        await context.addInitScript(`
          if (window.top !== window && window.frameElement && window.frameElement.getAttribute('data-module') === ${JSON.stringify(v.moduleKey)}) {
            const markers = ${JSON.stringify(v.markers)};
            new MutationObserver((_, observer) => {
              const text = document.body ? document.body.innerText : '';
              if (markers.some((m) => text.includes(m))) {
                window.top.postMessage({ sentioRendered: performance.timeOrigin + performance.now() }, '*');
                observer.disconnect();
              }
            }).observe(document, { childList: true, subtree: true, characterData: true });
          } else if (window.top === window) {
            window.addEventListener('message', (e) => {
              if (e.data && typeof e.data.sentioRendered === 'number' && window.__rendered === undefined) window.__rendered = e.data.sentioRendered - performance.timeOrigin;
            });
          }
        `);
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error('pageerror', v.view, e.message));
        await page.goto(`${h.url}${v.path}`);
        // An issue context renders when expanded (as in Jira): expand it at once.
        if (v.moduleKey === 'sentio-issue-context') await page.locator('details.context > summary').first().click();
        const t = await page.waitForFunction(
          () => (window as unknown as { __rendered?: number }).__rendered,
          undefined,
          { timeout: 15_000 },
        );
        times.push(Number(await t.jsonValue()));
        await context.close();
      }
      const sorted = [...times].sort((a, b) => a - b);
      rows.push({ view: v.view, median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, all: times });
    }
  } finally {
    await browser.close();
    await h.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`| view | median (runs, ms) |`);
  console.log('|---|---|');
  for (const r of rows)
    console.log(`| ${r.view} | ${r.median.toFixed(0)} (${r.all.map((t) => t.toFixed(0)).join(', ')}) |`);
  if (rows.some((r) => r.median > BUDGET_MS)) process.exitCode = 1;
}

await main();
