/**
 * Adds up what each Custom UI view downloads before it can render. Resource `ui` (static/dist): the entry chunk, the app shell
 * the entry always imports (`src/app/start.tsx`: React, the client, the router), the view's lazy
 * chunk, and every chunk any of them imports statically (gzip, as the CDN serves them). A view's first calls
 * (`*.prefetch.ts`) are part of the entry. Chunks
 * loaded later on demand (theme files, other views) are not counted. Resource `glance`
 * (static/dist-glance, the issue glance alone): its entry and every chunk it imports statically.
 * Reads each build's Vite manifest.
 *
 *   npm run build:ui && npx tsx scripts/ui-bundle-size.ts [--budget-kb 150] [--json]
 *
 * "With its charts and words" adds the chart chunks (src/ui/charts) the view loads on demand and, for
 * each message area the view fetches before it renders (locales/admin, locales/project,
 * locales/issue), its largest locale's file: the budget applies to that total (`withChartsKb` in the
 * JSON). Exits non-zero when a view is over the budget, so CI can gate on it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const dist = join(import.meta.dirname, '..', 'static', 'dist');
const glanceDist = join(import.meta.dirname, '..', 'static', 'dist-glance');
const readManifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(dir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
const manifest = readManifest(dist);
const args = process.argv.slice(2);
const budgetIndex = args.indexOf('--budget-kb');
const budgetKb = budgetIndex >= 0 ? Number(args[budgetIndex + 1]) : 150;

/** The view chunks, by the source file routes.ts lazy-loads for each module. */
const VIEWS: ReadonlyArray<{ view: string; modules: string; src: string }> = [
  {
    view: 'portal survey',
    modules: 'sentio-portal-survey',
    src: 'src/views/portal/portal-survey.tsx',
  },
  {
    view: 'issue panel',
    modules: 'sentio-issue-panel',
    src: 'src/views/issue/issue-panel.tsx',
  },
  {
    view: 'project page',
    modules: 'sentio-project-page',
    src: 'src/views/project/project-page.tsx',
  },
  {
    view: 'scorecard gadget',
    modules: 'sentio-scorecard-gadget',
    src: 'src/views/project/scorecard-gadget.tsx',
  },
  {
    view: 'admin / project settings',
    modules: 'sentio-admin-page, sentio-project-settings',
    src: 'src/views/admin/admin-page.tsx',
  },
];

const gzipCache = new Map<string, number>();
function gzipBytes(file: string, dir = dist): number {
  const path = join(dir, file);
  let size = gzipCache.get(path);
  if (size === undefined) {
    size = gzipSync(readFileSync(path), { level: 9 }).length;
    gzipCache.set(path, size);
  }
  return size;
}

/** A chunk and everything it imports statically, as manifest keys. */
function closure(key: string, seen = new Set<string>(), m: Manifest = manifest): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of m[key]?.imports ?? []) closure(dep, seen, m);
  return seen;
}

const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry === true);
if (entryKey === undefined) throw new Error('no entry chunk in the Vite manifest: run npm run build:ui first');

// The entry loads the app shell with import() so it can ask for the context first; it is always loaded.
const SHELL = 'src/app/start.tsx';
if (manifest[SHELL] === undefined) throw new Error(`no chunk for ${SHELL} in the Vite manifest`);

/** The message areas (folders of locales/) a view's source fetches before it renders. */
function wordAreas(src: string): string[] {
  // Its own files: those the sources of the view's folder import (views/admin/admin-files.ts, which
  // the entry also imports to start the download with the view's first calls, so the import can
  // sit in any chunk).
  const folder = join(dist, '..', src.slice(0, src.lastIndexOf('/')));
  const own = readdirSync(folder)
    .filter((f) => /\.tsx?$/.test(f))
    .flatMap((f) => [
      ...readFileSync(join(folder, f), 'utf8').matchAll(/import\('(?:\.\.\/)+locales\/([^/']+)\/[^/']+\.json'\)/g),
    ])
    .map((m) => m[1] ?? '');
  const source = readFileSync(join(dist, '..', src), 'utf8');
  const named = [...source.matchAll(/<AreaMessages\b[^>]*\barea="([^"]+)"/g)].map((m) => m[1] ?? '');
  return [...new Set([...own, ...named])];
}

/** The gzip size of an area's largest locale file, as built (one chunk per file). */
function largestWords(area: string): number {
  const files = Object.keys(manifest)
    .filter((k) => k.startsWith(`../locales/${area}/`) && k.endsWith('.json'))
    .map((k) => manifest[k]?.file)
    .filter((f): f is string => f !== undefined);
  if (files.length === 0) throw new Error(`no message files of area ${area} in the Vite manifest`);
  return files.reduce((max, f) => Math.max(max, gzipBytes(f)), 0);
}

const rows = VIEWS.map(({ view, modules, src }) => {
  if (manifest[src] === undefined) throw new Error(`no chunk for ${src} in the Vite manifest`);
  const keys = new Set([...closure(entryKey), ...closure(SHELL), ...closure(src)]);
  const files = [...keys].map((k) => manifest[k]).filter((c): c is ManifestChunk => c !== undefined);
  const js = files.reduce((sum, c) => sum + gzipBytes(c.file), 0);
  const css = [...new Set(files.flatMap((c) => c.css ?? []))].reduce((sum, f) => sum + gzipBytes(f), 0);
  const own = gzipBytes(manifest[src].file);
  // The charts (src/ui/charts, visx) load on demand once the view shows its numbers; they are
  // part of what the view downloads, so they count against the same budget.
  const withCharts = new Set(keys);
  for (const k of keys)
    for (const d of manifest[k]?.dynamicImports ?? []) if (d.startsWith('src/ui/charts/')) closure(d, withCharts);
  // A view fetches one locale's file of each of its own message areas before it renders: those its
  // chunk imports itself (locales/admin/*.json) and those it names in `<AreaMessages area="…">`
  // (static/src/i18n/area-files.ts: locales/project/*.json, locales/issue/*.json). The largest
  // locale's file of each counts against the budget, whichever language the person reads.
  const words = wordAreas(src).reduce((sum, area) => sum + largestWords(area), 0);
  const allJs =
    words +
    [...withCharts]
      .map((k) => manifest[k])
      .filter((c): c is ManifestChunk => c !== undefined)
      .reduce((sum, c) => sum + gzipBytes(c.file), 0);
  // Information, not the budget: everything the view can still load when the person opens it
  // (editors, tabs, its words in one language), leaving out Jira's theme files and the other views.
  const folder = src.slice(0, src.lastIndexOf('/') + 1);
  const everything = new Set(withCharts);
  const open = (key: string): void => {
    for (const d of manifest[key]?.dynamicImports ?? []) {
      const otherView = d.startsWith('src/views/') && !d.startsWith(folder);
      // Words: one locale's file per area, as in the budget (a person reads one language).
      const words = d.startsWith('../locales/');
      if (otherView || words || d.includes('@atlaskit/tokens/') || everything.has(d)) continue;
      for (const k of closure(d)) if (!everything.has(k)) everything.add(k);
      open(d);
    }
  };
  for (const k of [...withCharts]) if (k !== entryKey && k !== SHELL) open(k);
  const everythingKb =
    (words +
      [...everything]
        .map((k) => manifest[k])
        .filter((c): c is ManifestChunk => c !== undefined)
        .reduce((sum, c) => sum + gzipBytes(c.file), 0)) /
    1024;
  return {
    view,
    modules,
    jsKb: js / 1024,
    withChartsKb: allJs / 1024,
    everythingKb,
    cssKb: css / 1024,
    viewChunkKb: own / 1024,
    chunks: files.length,
  };
});

// The issue glance: its own resource, one entry (plain DOM, the bridge, zod and its contract).
{
  const glance = readManifest(glanceDist);
  const key = Object.keys(glance).find((k) => glance[k]?.isEntry === true);
  if (key === undefined) throw new Error('no entry chunk in static/dist-glance: run npm run build:ui first');
  const files = [...closure(key, new Set(), glance)]
    .map((k) => glance[k])
    .filter((c): c is ManifestChunk => c !== undefined);
  const js = files.reduce((sum, c) => sum + gzipBytes(c.file, glanceDist), 0);
  const css = [...new Set(files.flatMap((c) => c.css ?? []))].reduce((sum, f) => sum + gzipBytes(f, glanceDist), 0);
  rows.splice(2, 0, {
    view: 'issue glance (resource glance)',
    modules: 'sentio-issue-context',
    jsKb: js / 1024,
    cssKb: css / 1024,
    withChartsKb: js / 1024,
    everythingKb: js / 1024,
    viewChunkKb: js / 1024,
    chunks: files.length,
  });
}

if (args.includes('--json')) {
  // One line: the bench reads the last JSON line of the output.
  console.log(JSON.stringify({ budgetKb, rows }));
} else {
  console.log(
    `| view | modules | JS gzip (first load) | with its charts and words (budget) | everything it can open | of which view chunk | CSS gzip | chunks |`,
  );
  console.log(`|---|---|---|---|---|---|---|---|`);
  for (const r of rows) {
    console.log(
      `| ${r.view} | ${r.modules} | ${r.jsKb.toFixed(1)} KB | ${r.withChartsKb.toFixed(1)} KB | ${r.everythingKb.toFixed(1)} KB | ${r.viewChunkKb.toFixed(1)} KB | ${r.cssKb.toFixed(1)} KB | ${r.chunks} |`,
    );
  }
}
const over = rows.filter((r) => r.withChartsKb > budgetKb);
if (over.length > 0) {
  console.error(
    `over the ${budgetKb} KB gzip budget with charts and words: ${over.map((r) => `${r.view} ${r.withChartsKb.toFixed(1)} KB`).join(', ')}`,
  );
  process.exitCode = 1;
}
