/**
 * `npm run bench`: runs the benchmarks on the local Forge host (real handlers, real `@forge/*`
 * clients) and rewrites the "Benchmarks" section of BENCHMARKS.md with the command that made the
 * figures. Other sections of that file belong to their owners and are left as they are.
 *
 *   npm run bench                 # all
 *   npm run bench -- event-cost   # one or more by name, without touching BENCHMARKS.md
 *   npm run bench -- event-cost ui --write   # … and write them as the section (it names what ran)
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { benchEventCost } from './event-cost';
import { benchDashboardScale } from './dashboard-scale';
import { benchThroughput } from './throughput';
import { benchRecompute } from './recompute';
import { benchResolvers } from './resolvers';
import { benchAnswerLatency } from './answer-latency';
import { benchUi } from './ui';
import { latencyModelSection } from './latency-model';
import { benchSentimentAdversarial } from './sentiment-adversarial';
import { log, table, type BenchResult } from './lib';

const BENCHES: Record<string, () => Promise<BenchResult>> = {
  'latency-model': () => Promise.resolve(latencyModelSection()),
  'event-cost': benchEventCost,
  'dashboard-scale': benchDashboardScale,
  resolvers: benchResolvers,
  throughput: benchThroughput,
  recompute: benchRecompute,
  'answer-latency': benchAnswerLatency,
  ui: benchUi,
  'sentiment-adversarial': benchSentimentAdversarial,
};

const START = '<!-- benchmarks:start (written by `npm run bench`; edit test/bench instead) -->';
const END = '<!-- benchmarks:end -->';

function section(results: readonly BenchResult[], startedAt: Date, seconds: number, names: readonly string[]): string {
  const load =
    process.platform === 'linux' && existsSync('/proc/loadavg')
      ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
      : 'n/a';
  const summary = results
    .flatMap((r) => r.summary)
    .map((l) => [l.item, l.result, l.budget, l.met === null ? '—' : l.met ? 'met' : '**not met**']);
  return [
    START,
    '## Benchmarks',
    '',
    `Made by \`npm run bench${names.length === Object.keys(BENCHES).length ? '' : ` -- ${names.join(' ')} --write`}\` (\`tsx test/bench/run.ts\`; ${
      names.length === Object.keys(BENCHES).length
        ? 'every benchmark'
        : `only these benchmarks, not ${Object.keys(BENCHES)
            .filter((n) => !names.includes(n))
            .join(', ')}`
    }) on ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC in ${Math.round(seconds)} s: the local Forge host with the real handlers of \`src/index.ts\` and the real \`@forge/*\` clients; the host meters every KVS operation and Jira call per invocation. Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, Node ${process.version}, load average at the end ${load} (shared box: other engineers' builds ran meanwhile). Timings are medians of repeated runs.`,
    '',
    table(['measure', 'result', 'budget', ''], summary),
    '',
    ...results.flatMap((r) => [`### ${r.title}`, '', r.detail, '']),
    END,
  ].join('\n');
}

function writeSection(text: string): void {
  const file = join(process.cwd(), 'BENCHMARKS.md');
  // Re-read right before writing: other sections change while the benchmarks run.
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  let next: string;
  if (start >= 0 && end > start) next = current.slice(0, start) + text + current.slice(end + END.length);
  else {
    const firstSection = current.indexOf('\n## ');
    next =
      firstSection >= 0
        ? `${current.slice(0, firstSection + 1)}${text}\n\n${current.slice(firstSection + 1)}`
        : `${current.trimEnd()}\n\n${text}\n`;
  }
  writeFileSync(file, next);
}

async function main(): Promise<void> {
  const picked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = picked.length === 0 ? Object.keys(BENCHES) : picked;
  const startedAt = new Date();
  const results: BenchResult[] = [];
  for (const name of names) {
    const bench = BENCHES[name];
    if (bench === undefined) throw new Error(`no benchmark '${name}' (have: ${Object.keys(BENCHES).join(', ')})`);
    log(`${name}…`);
    const t = performance.now();
    results.push(await bench());
    log(`${name} done in ${Math.round((performance.now() - t) / 1000)} s`);
  }
  const text = section(results, startedAt, (Date.now() - startedAt.getTime()) / 1000, names);
  console.log(`\n${text}\n`);
  if (picked.length === 0 || process.argv.includes('--write')) {
    writeSection(text);
    log('BENCHMARKS.md updated');
  }
  // Every budget is a count or a same-run ratio, so a miss fails the run on any machine.
  const missed = results.flatMap((r) => r.summary).filter((l) => l.met === false);
  for (const l of missed) console.error(`[bench] not met: ${l.item}: ${l.result} (budget ${l.budget})`);
  // Hosts keep timers and sockets only until closed; exit explicitly in case a bench left one.
  process.exit(missed.length === 0 ? 0 : 1);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
