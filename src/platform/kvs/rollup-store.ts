/**
 * Rollup buckets in the `rollup` entity, addressed by generation, project, day and shard (the key
 * is built here, from storage-layout.ts), and the `project` registry the site-wide jobs walk.
 */
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { BucketQuery, BucketRef, ConfigStore, RollupStore } from '../../app/ports';
import type { StoredBucket } from '../../app/tickets/ticket-record';
import { kvsCall } from '../kvs-errors';
import { ENTITY, INDEX, rollupKey, rollupScope, shardOf } from '../storage-layout';
import { ProjectEntityV1, RollupEntityV1, type ProjectEntity, type RollupEntity } from '../stored-shapes';
import { PAGE, parseStored } from './kvs-rows';

const rollups = () => kvs.entity<RollupEntity>(ENTITY.rollup);
const entityOf = (value: unknown) => parseStored(RollupEntityV1, value, 'rollup bucket');

/** KVS batches take at most 25 keys. */
const BATCH = 25;

/** Buckets of one project and generation over a day range, in pages of 100 (days × shards, never tickets). */
async function bucketsIn(generation: string, query: BucketQuery): Promise<StoredBucket[]> {
  const out: StoredBucket[] = [];
  const scope = rollupScope(generation, query.projectId);
  let cursor: string | undefined;
  do {
    let q = rollups()
      .query()
      .index(INDEX.rollupByScopeDay, { partition: [scope] })
      .where(WhereConditions.between(query.fromDay, query.toDay))
      .sort(Sort.ASC)
      .limit(PAGE);
    if (cursor) q = q.cursor(cursor);
    const page = await kvsCall('rollups', () => q.getMany());
    for (const r of page.results) out.push(entityOf(r.value).bucket);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** @param config the active generation, for queries that do not name one */
export function createRollupStore(config: ConfigStore): RollupStore {
  return {
    shardOf,

    bucketsIn: async (query) => bucketsIn(query.generation ?? (await config.getConfig()).rollups?.active ?? '', query),

    async getBuckets(refs) {
      if (refs.length === 0) return [];
      const keys = refs.map(rollupKey);
      const result = await kvsCall('rollups', () =>
        kvs.batchGet<RollupEntity>(keys.map((key) => ({ key, entityName: ENTITY.rollup }))),
      );
      const found = new Map(result.successfulKeys.map((r) => [r.key, entityOf(r.value)]));
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
