/**
 * Item 5 — UI, from the UI work: JS bytes per view measured here from `static/dist` with the UI
 * engineer's script (`scripts/ui-bundle-size.ts`, needs `npm run build:ui` first), and first
 * render per view read from the "UI" section of BENCHMARKS.md (headless Chromium; that section is
 * theirs and says how it was measured).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fmt, table, type BenchResult } from './lib';

const BundleRows = z.object({ budgetKb: z.number(), rows: z.array(z.object({ view: z.string(), modules: z.string(), jsKb: z.number(), viewChunkKb: z.number(), cssKb: z.number() }).loose()) });

/** `| view | run 1: median (…) | run 2: median (…) |` rows of the UI section's first-render table; the latest run's median. */
function renderTimes(): Map<string, number> {
  const file = join(process.cwd(), 'BENCHMARKS.md');
  const out = new Map<string, number>();
  if (!existsSync(file)) return out;
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf('### First meaningful render');
  if (start < 0) return out;
  for (const line of text.slice(start).split('\n').slice(1)) {
    if (line.startsWith('### ') || line.startsWith('## ')) break;
    const cols = line.split('|').map((c) => c.trim()).filter((c) => c !== '');
    const view = cols[0];
    const last = cols[cols.length - 1];
    const ms = last === undefined ? Number.NaN : Number(/^(\d+(?:\.\d+)?)/.exec(last)?.[1]);
    if (view !== undefined && view !== 'view' && !view.startsWith('---') && Number.isFinite(ms)) out.set(view, ms);
  }
  return out;
}

export async function benchUi(): Promise<BenchResult> {
  const manifest = join(process.cwd(), 'static', 'dist', '.vite', 'manifest.json');
  const renders = renderTimes();
  if (!existsSync(manifest)) {
    return { title: 'UI', detail: 'No `static/dist` build with a Vite manifest: run `npm run build:ui` first.', summary: [{ item: '5. UI bundle per view', result: 'not built', budget: '≤ 150 KB gzip', met: null }] };
  }
  const json = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/ui-bundle-size.ts', '--json'], { encoding: 'utf8' });
  const bundles = BundleRows.parse(JSON.parse(json.slice(json.indexOf('{'))));
  const rows = bundles.rows.map((r) => {
    // The two tables name a shared view slightly differently ("admin page" vs "admin / project settings").
    const render = renders.get(r.view) ?? [...renders].find(([view]) => view.split(' ')[0] === r.view.split(' ')[0])?.[1];
    return [r.view, r.modules, `${fmt(r.jsKb)} KB`, `${fmt(r.cssKb)} KB`, render === undefined ? '—' : `${fmt(render, 0)} ms`];
  });
  const worstJs = Math.max(...bundles.rows.map((r) => r.jsKb));
  const worstRender = renders.size === 0 ? Number.NaN : Math.max(...renders.values());
  return {
    title: 'UI (from the UI work)',
    detail: [
      'JS and CSS gzip at first load per view: `scripts/ui-bundle-size.ts --json` over the current `static/dist` (entry + view chunk + static imports). First render: the latest median in the "UI" section below (headless Chromium, canned bridge; see there).',
      '',
      table(['view', 'modules', 'JS gzip first load', 'CSS gzip', 'first render (median)'], rows),
    ].join('\n'),
    summary: [
      { item: '5. UI JS per view, first load (worst view)', result: `${fmt(worstJs)} KB gzip`, budget: `≤ ${bundles.budgetKb} KB gzip`, met: worstJs <= bundles.budgetKb },
      { item: '5. UI first render per view (worst view, UI section)', result: Number.isFinite(worstRender) ? `${fmt(worstRender, 0)} ms` : '—', budget: '≤ 500 ms', met: Number.isFinite(worstRender) ? worstRender <= 500 : null },
    ],
  };
}
