/**
 * First meaningful render of each Custom UI view in headless Chromium (median of 5 cold loads).
 * Until the local Forge host lands, the built bundle is served from static/dist on 127.0.0.1 and
 * `window.__bridge` (what Forge injects) answers with canned resolver data; the view code runs
 * unchanged. Time = navigation start → the view's first real content in the DOM.
 *
 *   npm run build:ui && npx tsx scripts/ui-render-time.ts [--runs 5]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { SurveyPlanSchema } from '../src/domain/survey-plan';
import { defaultXla } from '../src/domain/xla';
import { anExperience, aPendingAsk, aScorecard, aWatermelon, someAtRisk, someResponseStats, someVerbatims } from '../test/ui/support/builders';

const dist = join(import.meta.dirname, '..', 'static', 'dist');
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 5;

const plan = SurveyPlanSchema.parse({ id: 'p', name: 'Mid-flight check', waypoint: { kind: 'first-response' }, question: { kind: 'emoji5', text: 'How is it going?' } });
const answers: Record<string, unknown> = {
  getMyAsk: { ask: aPendingAsk() },
  getTicketExperience: anExperience(),
  getScorecards: { projectId: '100', window: '30d', scorecards: [aScorecard()] },
  getWatermelon: aWatermelon(),
  getAtRiskTickets: someAtRisk(),
  getVerbatims: someVerbatims(),
  getResponseStats: someResponseStats(),
  getConfig: { xlas: [defaultXla()], plans: [plan], version: 1 },
  getRecomputeStatus: { status: null },
};

const VIEWS = [
  { view: 'portal survey', moduleKey: 'sentio-portal-survey', marker: 'How is it going with your request so far?' },
  { view: 'issue panel', moduleKey: 'sentio-issue-panel', marker: 'Requester mood' },
  { view: 'issue glance', moduleKey: 'sentio-issue-context', marker: 'Last score' },
  { view: 'project page', moduleKey: 'sentio-project-page', marker: 'Behind “People get back to work fast”' },
  { view: 'scorecard gadget', moduleKey: 'sentio-scorecard-gadget', marker: 'People get back to work fast' },
  { view: 'admin page', moduleKey: 'sentio-admin-page', marker: 'People get back to work fast' },
];

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** What Forge injects before the bundle (`window.__bridge`), answering with the canned data. */
function bridgeScript(moduleKey: string, marker: string): string {
  const context = { moduleKey, extension: { issue: { key: 'HELP-7' }, project: { id: '100', key: 'HELP' }, gadgetConfiguration: { projectId: '100' } } };
  return `
    window.__bridge = {
      callBridge: async (name, payload) => {
        if (name === 'getContext') return ${JSON.stringify(context)};
        if (name === 'invoke') return { ok: true, data: ${JSON.stringify(answers)}[payload.functionKey] };
        return undefined;
      },
    };
    new MutationObserver((_, observer) => {
      if (document.body && document.body.textContent.includes(${JSON.stringify(marker)})) {
        window.__rendered = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  `;
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, 'index.html'))) throw new Error('static/dist is missing: run npm run build:ui first');
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/')).replace(/^(\.\.[/\\])+/, '');
    const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const rows: Array<{ view: string; median: number; all: number[] }> = [];
  try {
    for (const v of VIEWS) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        // A fresh context per run: a cold cache, as on first navigation to the view.
        const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
        const page = await context.newPage();
        // A string, not a function: tsx rewrites functions with helpers the page does not have.
        await page.addInitScript(bridgeScript(v.moduleKey, v.marker));
        page.on('pageerror', (e) => console.error('pageerror', v.view, e.message));
        page.on('console', (m) => { if (m.type() === 'error') console.error('console', v.view, m.text()); });
        await page.goto(`http://127.0.0.1:${port}/index.html`);
        await page.waitForFunction(() => typeof (window as unknown as Record<string, unknown>)['__rendered'] === 'number', undefined, { timeout: 10_000 });
        times.push(await page.evaluate(() => (window as unknown as Record<string, number>)['__rendered'] ?? Number.NaN));
        await context.close();
      }
      const sorted = [...times].sort((a, b) => a - b);
      rows.push({ view: v.view, median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, all: times });
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log('| view | first meaningful render, median | runs (ms) |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(`| ${r.view} | ${r.median.toFixed(0)} ms | ${r.all.map((t) => t.toFixed(0)).join(', ')} |`);
  if (rows.some((r) => r.median > 500)) process.exitCode = 1;
}

await main();
