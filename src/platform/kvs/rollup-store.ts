/**
 * Rollup buckets in the `rollup` entity, addressed by generation, project, day and shard (the key
 * is built here, from storage-layout.ts), their day summaries, and the `project` registry the
 * site-wide jobs walk.
 *
 * Day summaries (docs/storage.md, "Day summaries"): the hourly compaction sums a day's shard
 * buckets into one row (shard DAY_SUMMARY_SHARD) and marks the shards `clean`, in one transaction
 * checked on every revision it read; every write of a shard puts it back in the `live` layer in
 * the event's own checked transaction. A reader takes a day's summary when none of its shards is
 * live, and the day's shards otherwise — exact at any moment, whatever the compaction's lag.
 */
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { BucketQuery, BucketRef, ConfigStore, DayRows, RollupStore } from '../../app/ports';
import type { StoredBucket } from '../../app/tickets/ticket-record';
import type { RollupBucket } from '../../domain/rollup';
import { addDays } from '../../domain/time';
import { kvsCall } from '../kvs-errors';
import { writeChecked, type Guard, type NewKeys } from '../kvs-transaction';
import {
  DAY_SUMMARY_SHARD,
  ENTITY,
  INDEX,
  ROLLUP_SHARDS,
  rollupKey,
  rollupLayer,
  rollupScope,
  rollupScopeDay,
  shardOf,
  type RollupLayer,
} from '../storage-layout';
import { ProjectEntityV1, RollupEntityV1, type ProjectEntity, type RollupEntity } from '../stored-shapes';
import { PAGE, parseStored, revCondition, storedValue } from './kvs-rows';
import { rollupEntity } from './unit-of-work';

const rollups = () => kvs.entity<RollupEntity>(ENTITY.rollup);
const entityOf = (value: unknown) => parseStored(RollupEntityV1, value, 'rollup bucket');

/** KVS batches take at most 25 keys. */
const BATCH = 25;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function daysOf(fromDay: string, toDay: string): string[] {
  const days: string[] = [];
  for (let day = fromDay; day <= toDay; day = addDays(day, 1)) days.push(day);
  return days;
}

/** One page of a project's rows in one layer over a day range, oldest day first. */
async function layerPage(
  layer: RollupLayer,
  generation: string,
  projectId: string,
  fromDay: string,
  toDay: string,
): Promise<{ rows: StoredBucket[]; more: boolean }> {
  const page = await kvsCall('rollups', () =>
    rollups()
      .query()
      .index(INDEX.rollupByLayer, { partition: [rollupLayer(layer, generation)] })
      .where(
        WhereConditions.between(
          rollupScopeDay(generation, projectId, fromDay),
          rollupScopeDay(generation, projectId, toDay),
        ),
      )
      .sort(Sort.ASC)
      .limit(PAGE)
      .getMany(),
  );
  return { rows: page.results.map((r) => entityOf(r.value).bucket), more: page.nextCursor !== undefined };
}

/** Rows by key, in parallel batches of 25 (one round trip); keys that do not exist are left out. */
async function rowsByKey(keys: readonly string[]): Promise<Map<string, RollupEntity>> {
  const batches = await Promise.all(
    chunks(keys, BATCH).map((batch) =>
      kvsCall('rollups', () => kvs.batchGet<RollupEntity>(batch.map((key) => ({ key, entityName: ENTITY.rollup })))),
    ),
  );
  return new Map(
    batches.flatMap((b) =>
      b.successfulKeys
        .filter((r) => storedValue(r.value) !== undefined)
        .map((r): [string, RollupEntity] => [r.key, entityOf(r.value)]),
    ),
  );
}

const shardRefs = (generation: string, projectId: string, day: string): BucketRef[] =>
  Array.from({ length: ROLLUP_SHARDS }, (_, shard) => ({ generation, projectId, period: day, shard }));

/**
 * Each day of the range once: its summary, or its shards when one is live. Two round trips: the
 * summaries and the live shards of the range together, then, in parallel, the other shards of days
 * with a live shard by key, and days with neither (never compacted, or empty) by range.
 */
async function bucketsIn(generation: string, query: BucketQuery): Promise<StoredBucket[]> {
  const { projectId, fromDay, toDay } = query;
  const days = daysOf(fromDay, toDay);
  const [summaryPages, live] = await Promise.all([
    // A day has at most one summary: ranges of 100 days fit one page each.
    Promise.all(
      chunks(days, PAGE).map((c) => layerPage('sum', generation, projectId, c[0] ?? fromDay, c.at(-1) ?? toDay)),
    ),
    layerPage('live', generation, projectId, fromDay, toDay),
  ]);
  const summaries = new Map(summaryPages.flatMap((p) => p.rows).map((s) => [s.period, s]));
  // A full page of live shards may stop inside a day: from its last day on, nothing is known.
  const knownBefore = live.more ? (live.rows.at(-1)?.period ?? fromDay) : addDays(toDay, 1);
  const liveByDay = new Map<string, StoredBucket[]>();
  for (const row of live.rows) {
    if (row.period < knownBefore) liveByDay.set(row.period, [...(liveByDay.get(row.period) ?? []), row]);
  }
  const out: StoredBucket[] = [];
  const missing: string[] = [];
  // Days with nothing in hand (never compacted, past a full live page, or simply empty): read by
  // range, runs of up to RANGE_DAYS days, so an empty day costs no key reads of its own.
  const unknown: string[][] = [];
  for (const day of days) {
    const shards = liveByDay.get(day) ?? [];
    const summary = summaries.get(day);
    const known = day < knownBefore;
    if (known && shards.length === 0 && summary !== undefined) out.push(summary);
    else if (!known || shards.length === 0) {
      const run = unknown.at(-1);
      if (run !== undefined && run.length < RANGE_DAYS && run.at(-1) === addDays(day, -1)) run.push(day);
      else unknown.push([day]);
    } else {
      out.push(...shards);
      const have = new Set(shards.map((s) => s.shard));
      for (const ref of shardRefs(generation, projectId, day)) if (!have.has(ref.shard)) missing.push(rollupKey(ref));
    }
  }
  const [byKey, byRange] = await Promise.all([
    missing.length > 0 ? rowsByKey(missing) : new Map<string, RollupEntity>(),
    Promise.all(unknown.map((run) => shardsByRange(generation, projectId, run[0] ?? fromDay, run.at(-1) ?? toDay))),
  ]);
  for (const row of byKey.values()) out.push(row.bucket);
  for (const rows of byRange) out.push(...rows);
  return out;
}

/** A day's 8 shards and its summary share the `by-scope-day` partition: 11 days fit one page of 100. */
const RANGE_DAYS = Math.floor(PAGE / (ROLLUP_SHARDS + 1));

/** The shard buckets of a project over a few days, by the `by-scope-day` index (one page). */
async function shardsByRange(generation: string, projectId: string, fromDay: string, toDay: string) {
  const page = await kvsCall('rollups', () =>
    rollups()
      .query()
      .index(INDEX.rollupByScopeDay, { partition: [rollupScope(generation, projectId)] })
      .where(WhereConditions.between(fromDay, toDay))
      .sort(Sort.ASC)
      .limit(PAGE)
      .getMany(),
  );
  return page.results.map((r) => entityOf(r.value).bucket).filter((b) => b.shard !== DAY_SUMMARY_SHARD);
}

async function daysToCompact(generation: string, limit: number): Promise<Array<{ projectId: string; day: string }>> {
  const page = await kvsCall('rollups', () =>
    rollups()
      .query()
      .index(INDEX.rollupByLayer, { partition: [rollupLayer('live', generation)] })
      .sort(Sort.ASC)
      .limit(PAGE)
      .getMany(),
  );
  const seen = new Map<string, { projectId: string; day: string }>();
  for (const r of page.results) {
    const { projectId, period } = entityOf(r.value).bucket;
    seen.set(`${projectId}/${period}`, { projectId, day: period });
  }
  return [...seen.values()].slice(0, limit);
}

async function dayRows(generation: string, projectId: string, day: string): Promise<DayRows> {
  const summaryRef = { generation, projectId, period: day, shard: DAY_SUMMARY_SHARD };
  const refs = [...shardRefs(generation, projectId, day), summaryRef];
  const found = await rowsByKey(refs.map(rollupKey));
  const liveLayer = rollupLayer('live', generation);
  const shards = refs.slice(0, ROLLUP_SHARDS).flatMap((ref) => {
    const row = found.get(rollupKey(ref));
    // Rows written before day summaries carry no layer: summed like live ones, marked clean.
    return row ? [{ value: row.bucket, rev: row.rev, live: row.layer === undefined || row.layer === liveLayer }] : [];
  });
  const summary = found.get(rollupKey(summaryRef));
  return { generation, projectId, day, shards, summary: summary ? { value: summary.bucket, rev: summary.rev } : null };
}

/** The summary row and every shard the compaction read, each at the revision it read. */
function summaryGuards(rows: DayRows): Guard[] {
  const { generation, projectId, day } = rows;
  const summaryKey = rollupKey({ generation, projectId, period: day, shard: DAY_SUMMARY_SHARD });
  return [
    { entity: ENTITY.rollup, key: summaryKey, expectedRev: rows.summary?.rev ?? 0 },
    ...rows.shards.map((shard) => ({ entity: ENTITY.rollup, key: rollupKey(shard.value), expectedRev: shard.rev })),
  ];
}

function summaryTransaction(rows: DayRows, bucket: RollupBucket | null, newKeys: NewKeys) {
  const { generation, projectId, day } = rows;
  const tx = kvs.transact();
  const summaryRev = rows.summary?.rev ?? 0;
  const summary = rollupEntity(
    { generation, projectId, period: day, shard: DAY_SUMMARY_SHARD, bucket },
    summaryRev + 1,
  );
  tx.set<RollupEntity>(summary.key, summary.value, {
    entityName: ENTITY.rollup,
    conditions: revCondition<RollupEntity>(summaryRev, newKeys),
  });
  for (const shard of rows.shards) {
    const key = rollupKey(shard.value);
    const conditions = revCondition<RollupEntity>(shard.rev, newKeys);
    // Same content, same revision: an event that read this shard still commits on top of it.
    if (shard.live) {
      const row = rollupEntity(shard.value, shard.rev, 'clean');
      tx.set<RollupEntity>(row.key, row.value, { entityName: ENTITY.rollup, conditions });
    } else tx.check<RollupEntity>(key, { entityName: ENTITY.rollup, conditions });
  }
  return tx;
}

async function saveDaySummary(rows: DayRows, bucket: RollupBucket | null): Promise<void> {
  const guards = summaryGuards(rows);
  await writeChecked(guards[0]?.key ?? 'summary', guards, (newKeys) =>
    summaryTransaction(rows, bucket, newKeys).execute(),
  );
}

/** @param config the active generation, for queries that do not name one */
export function createRollupStore(config: ConfigStore): RollupStore {
  return {
    shardOf,

    bucketsIn: async (query) => bucketsIn(query.generation ?? (await config.getConfig()).rollups?.active ?? '', query),
    daysToCompact,
    dayRows,
    saveDaySummary,

    async getBuckets(refs) {
      if (refs.length === 0) return [];
      // More than a batch's 25 keys: parallel batches, still one round trip.
      const keys = refs.map(rollupKey);
      const found = await rowsByKey(keys);
      return keys.flatMap((key) => {
        const e = found.get(key);
        return e ? [{ value: e.bucket, rev: e.rev }] : [];
      });
    },

    async bucketsOfGeneration(generation, projectId, limit) {
      const page = await kvsCall('rollups', () =>
        rollups()
          .query()
          .index(INDEX.rollupByScopeDay, { partition: [rollupScope(generation, projectId)] })
          .sort(Sort.ASC)
          .limit(Math.min(limit, PAGE))
          .getMany(),
      );
      return page.results.map((r): BucketRef => {
        const { bucket } = entityOf(r.value);
        return {
          generation: bucket.generation,
          projectId: bucket.projectId,
          period: bucket.period,
          shard: bucket.shard,
        };
      });
    },

    async deleteBuckets(refs) {
      const keys = refs.map(rollupKey);
      for (let i = 0; i < keys.length; i += BATCH) {
        const chunk = keys.slice(i, i + BATCH);
        await kvsCall('rollups', () => kvs.batchDelete(chunk.map((key) => ({ key, entityName: ENTITY.rollup }))));
      }
    },

    async projectsSeen(cursor, limit) {
      let q = kvs
        .entity<ProjectEntity>(ENTITY.project)
        .query()
        .index(INDEX.projectById)
        .sort(Sort.ASC)
        .limit(Math.min(limit, PAGE));
      if (cursor) q = q.cursor(cursor);
      const page = await kvsCall('projects', () => q.getMany());
      return {
        items: page.results.map((r) => parseStored(ProjectEntityV1, r.value, 'project').projectId),
        cursor: page.nextCursor ?? null,
      };
    },
  };
}
