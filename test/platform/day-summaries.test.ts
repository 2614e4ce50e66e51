/**
 * Day summaries (docs/storage.md): the dashboard reads each day as its summary or as its shards,
 * and must see exactly what the shards hold, whatever the compaction did and whenever it ran.
 *
 * Oracle: the day-bucket computation — every shard bucket as the local host stores it (read from
 * its raw storage, not through the adapter), summed per day, and the scorecard built from those
 * day buckets. Random writes (new cells and retractions of earlier ones, as a changed or replayed
 * ticket makes them) interleave with hourly compactions and with a compaction that a write races;
 * after each step the adapter's `bucketsIn` through the real `@forge/kvs` client must give the same
 * rollup and the same scorecard, to the bit.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type HostOptions, type RunningHost } from '../../local/index';
import { WriteConflict } from '../../src/app/errors';
import type { AppPorts } from '../../src/app/ports';
import { compactRollups, summaryOf } from '../../src/app/scorecards/compact-rollups';
import type { StoredBucket } from '../../src/app/tickets/ticket-record';
import { appPorts } from '../../src/composition';
import {
  applyDeltaToBucket,
  bucketPerPeriod,
  canonicalCells,
  invertDelta,
  makeCell,
  rollupCells,
  rollupOfBuckets,
  type Cell,
  type RollupDelta,
} from '../../src/domain/rollup';
import { buildScorecard } from '../../src/domain/scoring';
import { addDays } from '../../src/domain/time';
import { defaultXla } from '../../src/domain/xla';
import { DAY_SUMMARY_SHARD, ROLLUP_SHARDS } from '../../src/platform/storage-layout';

const TODAY = '2026-03-10';
// The 7-day window and the 7 days before it.
const DAYS = 14;
const GENERATION = 'g1';
const SLOTS = ['csat', 'sentiment', 'sla', 'reopen'] as const;

type Step =
  | { kind: 'write'; shard: number; day: number; cells: Array<[number, number, number, number]> }
  | { kind: 'retract'; which: number }
  | { kind: 'compact' }
  | { kind: 'raced-compaction'; shard: number; day: number };

const write = fc.record({
  kind: fc.constant('write' as const),
  shard: fc.integer({ min: 0, max: ROLLUP_SHARDS - 1 }),
  day: fc.integer({ min: 0, max: DAYS - 1 }),
  // [segment, slot, good, bad]
  cells: fc.array(
    fc.tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: SLOTS.length - 1 }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
    ),
    { minLength: 1, maxLength: 4 },
  ),
});
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: write },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('retract' as const), which: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('compact' as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('raced-compaction' as const),
      shard: fc.integer({ min: 0, max: ROLLUP_SHARDS - 1 }),
      day: fc.integer({ min: 0, max: DAYS - 1 }),
    }),
  },
);

const dayOf = (i: number) => addDays(TODAY, -i);

function delta(projectId: string, day: string, cells: Array<[number, number, number, number]>): RollupDelta {
  return canonicalCells(
    cells
      .filter(([, , good, bad]) => good + bad > 0)
      .map(([segment, slot, good, bad]): Cell =>
        makeCell(
          {
            xlaId: 'experience',
            segment: { projectId, requestTypeId: segment === 0 ? null : `rt${segment}`, priority: '3' },
            day,
            slot: SLOTS[slot] ?? 'csat',
          },
          [good, good + bad],
        ),
      ),
  );
}

type Readings = NonNullable<HostOptions['readings']>;
// The docs leave open how a refused condition answers and whether a condition on a missing key
// passes (local/CONFORMANCE.md): the compaction must be exact under each reading.
const READINGS: Array<[string, Readings]> = [
  ['the host’s default readings', {}],
  [
    'conditions on a missing key fail, refusals answered 400',
    { missingKeyConditions: 'fail', conditionFailure: { status: 400, code: 'TRANSACTION_CANCELLED' } },
  ],
];

describe.each(READINGS)('day summaries, %s', (_name, readings) => {
  let h: RunningHost;
  let run = 0;
  const as = <T>(fn: (ports: AppPorts) => Promise<T>) =>
    h.host.runAs({ timeoutSeconds: 120 }, () => fn(appPorts())).then((r) => r.value);

  beforeAll(async () => {
    h = await startHost({ dataDir: ':memory:', seed: 'basic', delayScale: 0, scheduler: false, readings });
    await as(async (ports) => {
      const config = await ports.config.getConfig();
      await ports.config.saveConfig({ ...config, rollups: { active: GENERATION, building: null } }, config.rev ?? 0);
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Applies a delta to one shard bucket through the event's checked transaction. */
  const applyTo = (ports: AppPorts, projectId: string, day: string, shard: number, d: RollupDelta) =>
    (async () => {
      const ref = { generation: GENERATION, projectId, period: day, shard };
      const [stored] = await ports.rollups.getBuckets([ref]);
      const bucket = applyDeltaToBucket(stored?.value.bucket ?? null, { projectId, period: day }, d);
      await ports.tickets.commit({ buckets: [{ bucket: { ...ref, bucket }, expectedRev: stored?.rev ?? 0 }] });
    })();

  /** The oracle: the project's shard buckets as the host stores them, one bucket per day. */
  function shardsInStorage(projectId: string): StoredBucket[] {
    return (
      h.host.kvs
        .dump('entity', 'rollup')
        // A placeholder (a key created only to be conditioned on) holds no bucket.
        .flatMap((r) => (r.value as { bucket?: StoredBucket }).bucket ?? [])
        .filter((b) => b.projectId === projectId && b.generation === GENERATION && b.shard !== DAY_SUMMARY_SHARD)
    );
  }

  it('give the scorecard of the day buckets at every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 14 }), async (steps) => {
        run += 1;
        const projectId = `p${run}`;
        const applied: Array<{ day: string; shard: number; delta: RollupDelta }> = [];
        const xla = { ...defaultXla(), window: { kind: 'rolling', days: 7 } as const };
        for (const s of steps) {
          await as(async (ports) => {
            if (s.kind === 'write') {
              const d = delta(projectId, dayOf(s.day), s.cells);
              if (d.length === 0) return;
              await applyTo(ports, projectId, dayOf(s.day), s.shard, d);
              applied.push({ day: dayOf(s.day), shard: s.shard, delta: d });
            } else if (s.kind === 'retract') {
              const earlier = applied[s.which % Math.max(1, applied.length)];
              if (earlier === undefined) return;
              await applyTo(ports, projectId, earlier.day, earlier.shard, invertDelta(earlier.delta));
              applied.splice(applied.indexOf(earlier), 1);
            } else if (s.kind === 'compact') {
              await compactRollups(ports);
            } else {
              // The compaction reads the day, an event commits into one of its shards, then the
              // compaction tries to save: it must fail, and the day stays live.
              const day = dayOf(s.day);
              const rows = await ports.rollups.dayRows(GENERATION, projectId, day);
              const d = delta(projectId, day, [[1, 0, 1, 1]]);
              await applyTo(ports, projectId, day, s.shard, d);
              applied.push({ day, shard: s.shard, delta: d });
              const save = ports.rollups.saveDaySummary(rows, summaryOf(rows));
              // A shard that did not exist yet is not checked: it is born live, so readers take the
              // day's shards whatever the summary says (the reads below show it).
              if (rows.shards.some((r) => r.value.shard === s.shard))
                await expect(save).rejects.toBeInstanceOf(WriteConflict);
              else await save;
            }
          });
          const read = await as((ports) =>
            ports.rollups.bucketsIn({
              generation: GENERATION,
              projectId,
              fromDay: dayOf(DAYS - 1),
              toDay: TODAY,
            }),
          );
          const got = bucketPerPeriod(read.flatMap((b) => (b.bucket === null ? [] : [b.bucket])));
          const want = bucketPerPeriod(
            shardsInStorage(projectId).flatMap((b) => (b.bucket === null ? [] : [b.bucket])),
          );
          expect(rollupCells(rollupOfBuckets(got))).toEqual(rollupCells(rollupOfBuckets(want)));
          expect(buildScorecard(xla, got, TODAY)).toEqual(buildScorecard(xla, want, TODAY));
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('are what a dashboard reads once compacted: one row per day, no shard', async () => {
    const projectId = 'compacted';
    await as(async (ports) => {
      for (let day = 0; day < DAYS; day++)
        for (let shard = 0; shard < ROLLUP_SHARDS; shard++)
          await applyTo(ports, projectId, dayOf(day), shard, delta(projectId, dayOf(day), [[shard % 3, 0, 2, 1]]));
      while ((await compactRollups(ports)).more);
    });
    const read = await as((ports) =>
      ports.rollups.bucketsIn({ generation: GENERATION, projectId, fromDay: dayOf(DAYS - 1), toDay: TODAY }),
    );
    expect(read.map((b) => [b.period, b.shard])).toEqual(
      Array.from({ length: DAYS }, (_, i) => [dayOf(DAYS - 1 - i), DAY_SUMMARY_SHARD]),
    );
    // Hand-computed: each day, 8 shards × (2 good of 3) csat, spread over 3 segments.
    const csat = rollupCells(rollupOfBuckets(read.flatMap((b) => (b.bucket === null ? [] : [b.bucket])))).filter(
      (c) => c[5] === 'csat',
    );
    expect(csat.reduce((n, c) => n + (c[7] ?? 0), 0)).toBe(DAYS * ROLLUP_SHARDS * 3);
    expect(csat.reduce((n, c) => n + (c[6] ?? 0), 0)).toBe(DAYS * ROLLUP_SHARDS * 2);
  }, 60_000);
});
