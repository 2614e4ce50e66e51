// `npm start`: builds the Custom UI if needed, starts the local host with the demo site, prints the URL.
//   npm start -- --reset        wipe .local-data and reseed
//   npm start -- --port 3000    fixed port (default 8080, or a free one if taken)
//   npm start -- --empty        no demo tickets (site structure only)
//   npm start -- --data-dir DIR keep the SQLite file in DIR instead of .local-data/
//   npm start -- --latency forge  delay every platform call and bridge invoke as on Forge (local/latency.ts)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './host.js';
import { startHost } from './index.js';
import { LATENCY_PROFILES } from './latency.js';
import { loadManifest } from './manifest.js';
import { startOptions } from './start-options.js';

function buildUiIfMissing(): void {
  const manifest = loadManifest(join(REPO_ROOT, 'manifest.yml'));
  const missing = manifest.resources.filter((r) => !existsSync(join(REPO_ROOT, r.path, 'index.html')));
  if (missing.length === 0) return;
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = ['build:ui', 'build:static'].find((s) => pkg.scripts?.[s]);
  if (!script) {
    console.warn(
      `[local] ${missing.map((r) => r.path).join(', ')} not built and no build:ui script: panels will show a placeholder.`,
    );
    return;
  }
  console.log(`[local] building the Custom UI (npm run ${script})…`);
  const r = spawnSync('npm', ['run', script], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) console.warn('[local] the UI build failed: panels will show a placeholder.');
}

async function main(): Promise<void> {
  const t0 = Date.now();
  const { host: base, port: wanted, build } = startOptions(process.argv.slice(2), process.env);
  if (build) buildUiIfMissing();
  if (base.reset) console.log(`[local] --reset: wiping ${base.dataDir ?? '.local-data'}`);
  let running;
  try {
    running = await startHost({ ...base, port: wanted });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    running = await startHost({ ...base, reset: false, port: 0 });
  }
  if (running.demo) {
    const d = running.demo;
    console.log(
      `[local] demo seeded: ${d.tickets} tickets, ${d.events} events, ${d.answers} survey answers (${d.ignored} asks left unanswered, ${d.noAsk} portal visits found none open), ${d.invocations} invocations in ${(d.ms / 1000).toFixed(1)} s${d.failedDeliveries ? ` (${d.failedDeliveries} failed deliveries: see /__host/events)` : ''}`,
    );
    for (const p of d.summary ?? []) {
      const cards = p.scorecards
        .map((c) => `${c.xla} ${c.score ?? '–'} (${c.status}, csat ${c.csat ?? '–'}, sla ${c.sla ?? '–'})`)
        .join('; ');
      console.log(
        `[local]   ${p.project}: asks ${p.asks.sent} sent / ${p.asks.answered} answered / ${p.asks.expired} expired (90 d); 30 d: ${cards}; watermelon: ${p.watermelons.join(', ') || 'none'}; at risk: ${p.atRisk}; verbatims: ${p.verbatims}`,
      );
    }
  }
  if (base.latency !== undefined) {
    const perCall = Object.entries(LATENCY_PROFILES[base.latency].perCall)
      .map(([kind, f]) => `${kind} ${f.ms} ms`)
      .join(', ');
    console.log(`[local] latency model '${base.latency}': ${perCall} (local/latency.ts)`);
  }
  const issue = running.site.raw.issues()[0];
  console.log(`\nSentio local Forge host ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`  site:       ${running.url}/`);
  if (issue) console.log(`  issue view: ${running.url}/browse/${issue.key}`);
  console.log(`  admin page: ${running.url}/admin`);
  console.log(`  events:     ${running.url}/__host/events`);
  for (const w of running.host.manifest.webTriggers) console.log(`  webtrigger: ${running.webtriggerUrl(w.key)}`);
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
