/**
 * Where a ticket's rollup cells are stored: the shard of a ticket and the key of a bucket. The
 * write path computes them to read the buckets a delta touches.
 */
import { fnv1a32 } from '../../domain/survey/hash';

export const ROLLUP_SHARDS = 8;

export function shardOf(ticketId: string): number {
  return fnv1a32(ticketId) % ROLLUP_SHARDS;
}

/** The index partition of a project's buckets in one generation ('' keeps the original layout). */
export function bucketScope(generation: string, projectId: string): string {
  return generation === '' ? projectId : `${generation}:${projectId}`;
}

/** `[generation:]projectId:period:shard`: must match src/platform/storage-layout.ts `rollupKey`. */
export function bucketKey(generation: string, projectId: string, period: string, shard: number): string {
  return `${bucketScope(generation, projectId)}:${period}:${shard}`;
}
