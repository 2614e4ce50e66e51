/**
 * Item 2 — dashboard cost vs data size: `getScorecards` (30-day window) for a project with 10k,
 * 100k and 1M synthetic resolved tickets. Tickets are generated straight into rollups through the
 * domain code (each ticket's outcomes become domain cells — `makeCell` — summed by
 * `rollupFromCells` and split into stored buckets by `bucketsOf`, sharded like the write path),
 * then written with the app's own KVS adapter. The resolver runs through the host as an agent,
 * first without delays (CPU time), then under the latency model with the delays waited out (wall
 * time, round trips on the critical path).
 */
import { createKvsStores } from '../../src/platform/kvs-store';
import { appPorts } from '../../src/composition';
import { compactRollups } from '../../src/app/scorecards/compact-rollups';
import { bucketsOf, makeCell, rollupFromCells, type Cell } from '../../src/domain/rollup';
import { INDICATOR_IDS } from '../../src/domain/indicator';
import { ROLLUP_SHARDS } from '../../src/platform/storage-layout';
import { addDays, dayKeyOf } from '../../src/domain/time';
import { projectResolvers } from '../../src/contracts';
import type { StoredBucket } from '../../src/app/tickets/ticket-record';
import { MODULE, prng, startReliabilityHost, type Host } from '../reliability/support/harness';
import { LATENCY_PROFILES } from '../../local/latency';
import { attachLatency } from './latency-hook';
import { fmt, log, median, table, timed, type BenchResult } from './lib';

const SIZES = [10_000, 100_000, 1_000_000];
const DAYS = 90;
const RUNS = 15;
/** The dashboard's budgets at any size (issue: fast on real Forge). */
const MAX_ROUND_TRIPS = 3;
const MAX_BYTES_AT_1M = 150 * 1024;
const MAX_RATIO = 1.5;
const PRIORITIES = ['1', '2', '3'];
/** Probability that a resolved ticket's indicator is observed, and that it is good. */
const OBSERVED: Record<string, number> = {
  csat: 0.35,
  sentiment: 0.5,
  sla: 1,
  reopen: 1,
  reassign: 0.9,
  wait: 1,
  chaser: 1,
};
const GOOD: Record<string, number> = {
  csat: 0.8,
  sentiment: 0.85,
  sla: 0.9,
  reopen: 0.95,
  reassign: 0.85,
  wait: 0.8,
  chaser: 0.9,
};

/** Sums `tickets` synthetic tickets into per-(shard, day, segment, slot) counts, then into domain cells. */
function synthesise(
  tickets: number,
  projectId: string,
  requestTypes: readonly string[],
  today: string,
  seed: number,
): Map<number, Cell[]> {
  const r = prng(seed);
  const counts = new Map<string, number[]>();
  const add = (key: string, values: readonly number[]): void => {
    const c = counts.get(key);
    if (c === undefined) counts.set(key, [...values]);
    else values.forEach((v, i) => (c[i] = (c[i] ?? 0) + v));
  };
  for (let t = 0; t < tickets; t++) {
    const shard = Math.floor(r() * ROLLUP_SHARDS);
    const day = Math.floor(r() * DAYS);
    const rt = Math.floor(r() * requestTypes.length);
    const pr = Math.floor(r() * PRIORITIES.length);
    const base = `${shard}|${day}|${rt}|${pr}`;
    for (const id of INDICATOR_IDS) {
      if (r() >= (OBSERVED[id] ?? 1)) continue;
      add(`${base}|${id}`, [r() < (GOOD[id] ?? 0.8) ? 1 : 0, 1]);
      if (id === 'csat') {
        const hist = [0, 0, 0, 0, 0];
        hist[Math.min(4, Math.floor(r() * 5.6))] = 1;
        add(`${base}|q:csat5`, hist);
      }
    }
  }
  const byShard = new Map<number, Cell[]>();
  for (const [key, values] of counts) {
    const [shard, day, rt, pr, slot] = key.split('|') as [string, string, string, string, string];
    const cell = makeCell(
      {
        xlaId: 'experience',
        segment: {
          projectId,
          requestTypeId: requestTypes[Number(rt)] ?? null,
          priority: PRIORITIES[Number(pr)] ?? null,
        },
        day: addDays(today, -Number(day)),
        slot: slot as Cell[5],
      },
      values,
    );
    const list = byShard.get(Number(shard)) ?? [];
    list.push(cell);
    byShard.set(Number(shard), list);
  }
  return byShard;
}

async function load(
  h: Host,
  tickets: number,
): Promise<{ buckets: number; bytes: number; compactionRuns: number; liveShards: number }> {
  const project = h.site.raw.project('IT');
  if (!project) throw new Error('no IT project');
  const today = dayKeyOf(Date.now());
  const requestTypes = h.site.raw.requestTypes(project.id).map((t) => t.id);
  const byShard = synthesise(tickets, project.id, requestTypes, today, tickets);
  const stored: StoredBucket[] = [];
  for (const [shard, cells] of byShard) {
    for (const bucket of bucketsOf(rollupFromCells(cells))) {
      // Generation '' is the layout a site without a generation switch reads.
      stored.push({
        generation: '',
        projectId: project.id,
        period: bucket.k,
        shard,
        bucket,
      });
    }
  }
  const compaction = await h.host.runAs({ timeoutSeconds: 900 }, async () => {
    const store = createKvsStores().tickets;
    for (let i = 0; i < stored.length; i += 25)
      await store.commit({ buckets: stored.slice(i, i + 25).map((bucket) => ({ bucket, expectedRev: 0 })) });
    // The hourly job's compaction, run by run until every day has its summary.
    const ports = appPorts();
    let runs = 0;
    for (let more = true; more; runs++) more = (await compactRollups(ports)).more;
    // Then the last hour's events: today's shards change again, so the dashboard reads them live.
    const todays = stored.filter((b) => b.period === today);
    const current = await ports.rollups.getBuckets(todays);
    await store.commit({ buckets: current.map((b) => ({ bucket: b.value, expectedRev: b.rev })) });
    return { runs, live: current.length };
  });
  return {
    buckets: stored.length,
    bytes: stored.reduce((n, b) => n + Buffer.byteLength(JSON.stringify(b)), 0),
    compactionRuns: compaction.value.runs,
    liveShards: compaction.value.live,
  };
}

interface SizeResult {
  tickets: number;
  buckets: number;
  compactionRuns: number;
  liveShards: number;
  ops: number;
  bytesRead: number;
  cpuMs: number;
  roundTrips: number;
  /** Inside the function, under the model (delays waited out). */
  functionMs: number;
  /** As the view waits for it: the bridge `invoke` and the function, under the model. */
  invokeMs: number;
  sampleSize: number;
}

interface Call {
  ops: number;
  bytes: number;
  cpu: number;
  wall: number;
  functionMs: number;
  roundTrips: number;
  n: number;
}

async function measureSize(tickets: number): Promise<SizeResult> {
  const h = await startReliabilityHost({ clock: Date.now() });
  try {
    const loaded = await load(h, tickets);
    const hook = attachLatency(h.host, { mode: 'account' });
    const agent = h.users.agents[0] ?? '';
    const project = h.site.raw.project('IT');
    const ext = { project: { id: project?.id, key: 'IT', type: 'service_desk' } };
    const calls = async (n: number): Promise<Call[]> => {
      const out: Call[] = [];
      for (let i = 0; i < n + 2; i++) {
        const t = await timed(() =>
          h.invoke(MODULE.project, projectResolvers.getScorecards.name, { window: '30d' }, agent, ext),
        );
        const value = t.value.value as { ok: boolean; data?: { scorecards: Array<{ sampleSize: number }> } };
        if (!t.value.ok || value.ok !== true)
          throw new Error(`getScorecards failed: ${JSON.stringify(value).slice(0, 300)}`);
        const m = t.value.metrics;
        // The first two calls warm the module cache and the JIT; they are not counted.
        if (i >= 2)
          out.push({
            ops: m.kvs.reads + m.kvs.writes,
            bytes: m.kvs.bytesRead,
            cpu: t.cpuMs,
            wall: t.wallMs,
            functionMs: m.durationMs,
            roundTrips: hook.path(m.invocationId).roundTrips,
            n: value.data?.scorecards[0]?.sampleSize ?? 0,
          });
      }
      return out;
    };
    // Without delays: the CPU a call costs (each platform call only yields once).
    const plain = await calls(RUNS);
    hook.profile = LATENCY_PROFILES.forge;
    hook.mode = 'wait';
    const modelled = await calls(RUNS);
    hook.detach();
    const result: SizeResult = {
      tickets,
      buckets: loaded.buckets,
      compactionRuns: loaded.compactionRuns,
      liveShards: loaded.liveShards,
      ops: median(plain.map((x) => x.ops)),
      bytesRead: median(plain.map((x) => x.bytes)),
      cpuMs: median(plain.map((x) => x.cpu)),
      roundTrips: Math.max(...modelled.map((x) => x.roundTrips)),
      functionMs: median(modelled.map((x) => x.functionMs)),
      invokeMs: median(modelled.map((x) => x.wall)),
      sampleSize: plain[0]?.n ?? 0,
    };
    log(
      `dashboard: ${tickets} tickets → ${loaded.buckets} buckets, ${fmt(result.cpuMs)} ms CPU, ${result.roundTrips} round trips, ${fmt(result.invokeMs, 0)} ms under the model`,
    );
    return result;
  } finally {
    await h.close();
  }
}

export async function benchDashboardScale(): Promise<BenchResult> {
  const results: SizeResult[] = [];
  for (const tickets of SIZES) results.push(await measureSize(tickets));
  const first = results[0];
  const last = results[results.length - 1];
  const ratio = (f: (r: SizeResult) => number): number => (first && last ? f(last) / f(first) : Number.NaN);
  const cpuRatio = ratio((r) => r.cpuMs);
  const wallRatio = ratio((r) => r.invokeMs);
  const bytesRatio = ratio((r) => r.bytesRead);
  const worstRoundTrips = Math.max(...results.map((r) => r.roundTrips));
  const bytesAt1M = results.find((r) => r.tickets === 1_000_000)?.bytesRead ?? Number.NaN;
  const detail = [
    `Synthetic resolved tickets over the last ${DAYS} days (IT project, 4 request types × 3 priorities, 8 shards), summed into buckets through the domain code and stored through the app's checked transactions; then the hourly job's compaction (\`compactRollups\`, src/app/scorecards/compact-rollups.ts) ran until every day had its summary, and today's shards were written again (the last hour's events: they stay live until the next compaction, so the dashboard reads today from its shards). \`getScorecards\` with the default XLA and a 30-day window (it reads the current and the previous window: 60 days). Median of ${RUNS} calls after 2 warm-up calls, first without delays (KVS ops, bytes, CPU = user + system time of the process during the call; host and app share the process, so it includes the host's SQLite), then ${RUNS} under the latency model with the delays waited out (round trips: the most in any call; times: median).`,
    '',
    table(
      [
        'tickets',
        'stored shard buckets',
        'compaction runs',
        'live shards read',
        'KVS ops / call',
        'bytes read / call',
        'round trips (critical path)',
        'CPU ms / call',
        'ms in the function, model',
        'ms with the invoke, model',
        'scorecard n_eff (csat+sentiment)',
      ],
      results.map((r) => [
        r.tickets.toLocaleString('en-GB'),
        String(r.buckets),
        String(r.compactionRuns),
        String(r.liveShards),
        fmt(r.ops, 0),
        fmt(r.bytesRead, 0),
        String(r.roundTrips),
        fmt(r.cpuMs),
        fmt(r.functionMs, 0),
        fmt(r.invokeMs, 0),
        fmt(r.sampleSize, 0),
      ]),
    ),
    '',
    `Ratios 1M / 10k, same run: time under the model ${fmt(wallRatio, 2)}, CPU ${fmt(cpuRatio, 2)}, bytes read ${fmt(bytesRatio, 2)}. Absolute times are information only: they follow the machine (CPU) and the model's figures (wall).`,
  ].join('\n');
  return {
    title: 'Dashboard cost vs data size',
    detail,
    summary: [
      {
        item: '2. getScorecards round trips on the critical path (worst size)',
        result: String(worstRoundTrips),
        budget: `≤ ${MAX_ROUND_TRIPS}`,
        met: worstRoundTrips <= MAX_ROUND_TRIPS,
      },
      {
        item: '2. getScorecards bytes read at 1M tickets',
        result: `${fmt(bytesAt1M / 1024)} KB`,
        budget: `≤ ${MAX_BYTES_AT_1M / 1024} KB`,
        met: bytesAt1M <= MAX_BYTES_AT_1M,
      },
      {
        item: '2. getScorecards time under the model, 1M / 10k tickets',
        result: `${fmt(wallRatio, 2)} (${fmt(last?.invokeMs ?? Number.NaN, 0)} ms at 1M)`,
        budget: `≤ ${MAX_RATIO}`,
        met: wallRatio <= MAX_RATIO,
      },
      {
        item: '2. getScorecards CPU, 1M / 10k tickets',
        result: `${fmt(cpuRatio, 2)} (${fmt(last?.cpuMs ?? Number.NaN)} ms at 1M)`,
        budget: `≤ ${MAX_RATIO}`,
        met: cpuRatio <= MAX_RATIO,
      },
    ],
  };
}
