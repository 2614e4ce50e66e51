/**
 * Item 2 — dashboard cost vs data size: `getScorecards` (30-day window) for a project with 10k,
 * 100k and 1M synthetic resolved tickets. Tickets are generated straight into rollups through the
 * domain code (each ticket's outcomes become domain cells — `makeCell` — summed by
 * `rollupFromCells` and split into stored buckets by `bucketsOf`, sharded like the write path),
 * then written with the app's own KVS adapter. The resolver runs through the host as an agent.
 */
import { createKvsStores } from '../../src/platform/kvs-store';
import { bucketsOf, makeCell, rollupFromCells, type Cell } from '../../src/domain/rollup';
import { INDICATOR_IDS } from '../../src/domain/indicator';
import { ROLLUP_SHARDS } from '../../src/platform/storage-layout';
import { addDays, dayKeyOf } from '../../src/domain/time';
import { projectResolvers } from '../../src/contracts';
import type { StoredBucket } from '../../src/app/tickets/ticket-record';
import { MODULE, prng, startReliabilityHost, type Host } from '../reliability/support/harness';
import { fmt, log, median, table, timed, type BenchResult } from './lib';

const SIZES = [10_000, 100_000, 1_000_000];
const DAYS = 90;
const RUNS = 15;
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

async function load(h: Host, tickets: number): Promise<{ buckets: number; bytes: number }> {
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
  await h.host.runAs({ timeoutSeconds: 900 }, async () => {
    const store = createKvsStores().tickets;
    for (let i = 0; i < stored.length; i += 25)
      await store.commit({ buckets: stored.slice(i, i + 25).map((bucket) => ({ bucket, expectedRev: 0 })) });
  });
  return { buckets: stored.length, bytes: stored.reduce((n, b) => n + Buffer.byteLength(JSON.stringify(b)), 0) };
}

interface SizeResult {
  tickets: number;
  buckets: number;
  ops: number;
  bytesRead: number;
  cpuMs: number;
  wallMs: number;
  hostMs: number;
  sampleSize: number;
}

export async function benchDashboardScale(): Promise<BenchResult> {
  const results: SizeResult[] = [];
  for (const tickets of SIZES) {
    const h = await startReliabilityHost({ clock: Date.now() });
    try {
      const loaded = await load(h, tickets);
      const agent = h.users.agents[0] ?? '';
      const project = h.site.raw.project('IT');
      const ext = { project: { id: project?.id, key: 'IT', type: 'service_desk' } };
      const runs: Array<{ ops: number; bytes: number; cpu: number; wall: number; host: number; n: number }> = [];
      for (let i = 0; i < RUNS + 2; i++) {
        const t = await timed(() =>
          h.invoke(MODULE.project, projectResolvers.getScorecards.name, { window: '30d' }, agent, ext),
        );
        const value = t.value.value as { ok: boolean; data?: { scorecards: Array<{ sampleSize: number }> } };
        if (!t.value.ok || value.ok !== true)
          throw new Error(`getScorecards failed: ${JSON.stringify(value).slice(0, 300)}`);
        const m = t.value.metrics;
        // The first two calls warm the module cache and the JIT; they are not counted.
        if (i >= 2)
          runs.push({
            ops: m.kvs.reads + m.kvs.writes,
            bytes: m.kvs.bytesRead,
            cpu: t.cpuMs,
            wall: t.wallMs,
            host: m.durationMs,
            n: value.data?.scorecards[0]?.sampleSize ?? 0,
          });
      }
      results.push({
        tickets,
        buckets: loaded.buckets,
        ops: median(runs.map((x) => x.ops)),
        bytesRead: median(runs.map((x) => x.bytes)),
        cpuMs: median(runs.map((x) => x.cpu)),
        wallMs: median(runs.map((x) => x.wall)),
        hostMs: median(runs.map((x) => x.host)),
        sampleSize: runs[0]?.n ?? 0,
      });
      log(`dashboard: ${tickets} tickets → ${loaded.buckets} buckets, ${fmt(median(runs.map((x) => x.cpu)))} ms CPU`);
    } finally {
      await h.close();
    }
  }
  const first = results[0];
  const last = results[results.length - 1];
  const opsRatio = first && last ? last.ops / first.ops : Number.NaN;
  const cpuRatio = first && last ? last.cpuMs / first.cpuMs : Number.NaN;
  const worstCpu = Math.max(...results.map((r) => r.cpuMs));
  const detail = [
    `Synthetic resolved tickets over the last ${DAYS} days (IT project, 4 request types × 3 priorities, 8 shards), summed into buckets through the domain code; \`getScorecards\` with the default XLA and a 30-day window (it reads the current and the previous window). Median of ${RUNS} calls after 2 warm-up calls; CPU = user + system time of the process during the call (host and app in one process, so it includes the host's SQLite and HTTP-free dispatch).`,
    '',
    table(
      [
        'tickets',
        'stored buckets',
        'KVS ops / call',
        'bytes read / call',
        'CPU ms / call',
        'wall ms / call',
        'scorecard n_eff (csat+sentiment)',
      ],
      results.map((r) => [
        r.tickets.toLocaleString('en-GB'),
        String(r.buckets),
        fmt(r.ops, 0),
        fmt(r.bytesRead, 0),
        fmt(r.cpuMs),
        fmt(r.wallMs),
        fmt(r.sampleSize, 0),
      ]),
    ),
    '',
    `KVS ops as the host meters them: 1 read of the configuration + 1 of the site-priors document + one query page per 100 buckets (60 days × 8 shards = 480 buckets → 5 pages). Ratio 1M / 10k: KVS ops ${fmt(opsRatio, 2)}, CPU ${fmt(cpuRatio, 2)}. Bucket count depends on days × shards, bucket size on the segments and slots that occur — not on tickets: 10k tickets leave many (day, segment, slot) cells empty, which is why 10k reads fewer bytes than 100k, while 100k and 1M are flat. ${worstCpu <= 50 ? 'Every size is within the 50 ms budget.' : 'Over the 50 ms budget at some size.'}`,
    '',
    "Where the CPU of a call goes (V8 profile at 1M): most of it is moving the bytes through the KVS path — the host reading and `JSON.parse`-ing each row from SQLite and serialising the page, then the `@forge/kvs` client parsing it — so it follows bytes read; the app's own share (checking the stored shape, one pass of the scorecard builder) is a few ms. What brought it down from ~280 ms (before: 164 / 282 / 280 ms at 10k / 100k / 1M, 612 KB / 1.05 MB / 1.15 MB read): buckets are checked by a hand-written structural check instead of zod (same accept/refuse, no copy), days of a bucket come from calendar arithmetic instead of `Date` per entry, the scorecard folds each row once into window, previous-window, per-day and per-segment sums (decay weights once per day) instead of re-filtering every row for each of the 30 days of the series, and bucket values are stored in format 2 (numeric entries with slot codes, ~35 % fewer bytes; format 1 is still read). See docs/storage.md.",
  ].join('\n');
  return {
    title: 'Dashboard cost vs data size',
    detail,
    summary: [
      {
        item: '2. getScorecards KVS ops, 1M / 10k tickets',
        result: `${fmt(opsRatio, 2)} (${fmt(last?.ops ?? Number.NaN, 0)} ops)`,
        budget: '≤ 1.5',
        met: opsRatio <= 1.5,
      },
      {
        item: '2. getScorecards CPU, 1M / 10k tickets',
        result: `${fmt(cpuRatio, 2)}`,
        budget: '≤ 1.5',
        met: cpuRatio <= 1.5,
      },
      {
        item: '2. getScorecards CPU per call (worst size)',
        result: `${fmt(worstCpu)} ms`,
        budget: '≤ 50 ms',
        met: worstCpu <= 50,
      },
    ],
  };
}
