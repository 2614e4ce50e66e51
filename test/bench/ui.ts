/**
 * Item 5 — UI, from the UI work: JS bytes per view measured here from `static/dist` with the UI
 * engineer's script (`scripts/ui-bundle-size.ts`, needs `npm run build:ui` first), and first
 * render per view measured now with `scripts/ui-render-time.ts` (the UI section says how).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fmt, table, type BenchResult } from './lib';

const BundleRows = z.object({
  budgetKb: z.number(),
  rows: z.array(
    z
      .object({ view: z.string(), modules: z.string(), jsKb: z.number(), viewChunkKb: z.number(), cssKb: z.number() })
      .loose(),
  ),
});

/**
 * First render per view, measured in this bench run by `scripts/ui-render-time.ts` (through the
 * local host, headless Debian Chromium, median of 5); its rows read `| view | median (runs, ms) |`.
 */
function renderTimes(): Map<string, number> {
  const out = new Map<string, number>();
  const text = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/ui-render-time.ts'], { encoding: 'utf8' });
  for (const line of text.split('\n')) {
    const m = /^\| ([a-z /]+?) \| (\d+(?:\.\d+)?) \(/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) out.set(m[1], Number(m[2]));
  }
  return out;
}

export async function benchUi(): Promise<BenchResult> {
  const manifest = join(process.cwd(), 'static', 'dist', '.vite', 'manifest.json');
  if (!existsSync(manifest)) {
    return {
      title: 'UI',
      detail: 'No `static/dist` build with a Vite manifest: run `npm run build:ui` first.',
      summary: [{ item: '5. UI bundle per view', result: 'not built', budget: '≤ 150 KB gzip', met: null }],
    };
  }
  const json = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/ui-bundle-size.ts', '--json'], {
    encoding: 'utf8',
  });
  const bundles = BundleRows.parse(JSON.parse(json.slice(json.indexOf('{'))));
  const renders = renderTimes();
  const rows = bundles.rows.map((r) => {
    // The two tables name a shared view slightly differently ("admin page" vs "admin / project settings").
    const named = [...renders];
    const render =
      renders.get(r.view) ??
      named.find(([view]) => r.view.startsWith(view))?.[1] ??
      named.find(([view]) => view.split(' ')[0] === r.view.split(' ')[0])?.[1];
    return [
      r.view,
      r.modules,
      `${fmt(r.jsKb)} KB`,
      `${fmt(r.cssKb)} KB`,
      render === undefined ? '—' : `${fmt(render, 0)} ms`,
    ];
  });
  const worstJs = Math.max(...bundles.rows.map((r) => r.jsKb));
  const worstRender = renders.size === 0 ? Number.NaN : Math.max(...renders.values());
  return {
    title: 'UI (from the UI work)',
    detail: [
      'JS and CSS gzip at first load per view: `scripts/ui-bundle-size.ts --json` over the current `static/dist` (entry + view chunk + static imports). First render: measured in this run by `scripts/ui-render-time.ts` — through the local host with real resolvers, headless Debian Chromium, cold browser context, median of 5 (the "UI" section below says what is timed).',
      '',
      table(['view', 'modules', 'JS gzip first load', 'CSS gzip', 'first render (median)'], rows),
    ].join('\n'),
    summary: [
      {
        item: '5. UI JS per view, first load (worst view)',
        result: `${fmt(worstJs)} KB gzip`,
        budget: `≤ ${bundles.budgetKb} KB gzip`,
        met: worstJs <= bundles.budgetKb,
      },
      {
        item: '5. UI first render per view (worst view, median of 5)',
        result: Number.isFinite(worstRender) ? `${fmt(worstRender, 0)} ms` : '—',
        budget: '≤ 500 ms',
        met: Number.isFinite(worstRender) ? worstRender <= 500 : null,
      },
    ],
  };
}
