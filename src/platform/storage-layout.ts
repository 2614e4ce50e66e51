/**
 * Every storage key, entity and index name of the app, defined once (docs/storage.md explains
 * them). Entity names and attributes must match `app.storage.entities` in manifest.yml.
 * https://developer.atlassian.com/platform/forge/storage-reference/storage-api-custom-entities/
 */
import { fnv1a32 } from '../domain/survey/hash';
export const ENTITY = {
  ticket: 'ticket',
  ask: 'ask',
  rollup: 'rollup',
  audit: 'audit',
  account: 'account',
  holding: 'holding',
  doc: 'doc',
  project: 'project',
} as const;

export const INDEX = {
  ticketByProjectRisk: 'by-project-risk',
  ticketByProjectActivity: 'by-project-activity',
  ticketByOpenActivity: 'by-open-activity',
  ticketByOpenCreated: 'by-open-created',
  ticketByCreated: 'by-created',
  askByTicket: 'by-ticket',
  askByRequester: 'by-requester',
  askByStatusDue: 'by-status-due',
  rollupByScopeDay: 'by-scope-day',
  rollupByLayer: 'by-layer',
  auditByScopeTime: 'by-scope-time',
  accountByReported: 'by-reported',
  holdingByAccount: 'by-account',
  projectById: 'by-id',
} as const;

/** Keys of the `doc` entity: small versioned documents written with a revision check. */
export const DOC_KEY = {
  config: 'config',
  recompute: 'recompute',
  sitePriors: 'site-priors',
  rollupGc: 'rollup-gc',
  scopeOptions: 'scope-options',
  accountBackfill: 'account-backfill',
} as const satisfies Record<string, string>;

/**
 * Plain KVS key of an account's cached profile language (`CachedLocaleV1`). Beside the `account`
 * entity rather than in it: a new ticket's commit rewrites the account row blindly.
 */
export function localeKey(accountId: string): string {
  return `locale:${accountId}`;
}

/**
 * Key of the `holding` row linking an account id to one document holding it. The holder id is
 * length-prefixed, so no two (holder, account) pairs share a key whatever characters the ids hold;
 * every part matches the key pattern of mirror/limits-kvs-ce/index.md (ids of ≤ 128 + 80 chars
 * stay far below its 500).
 */
export function holdingKey(kind: 'ticket' | 'ask' | 'audit', holderId: string, accountId: string): string {
  return `${kind}.${holderId.length}.${holderId}.${accountId}`;
}

/** Secret storage key of the one-click signing keys. */
export const SECRET_KEY = {
  signingKeys: 'one-click-signing-keys',
} as const;

/** Rollup buckets of one project-day are split over this many shards (docs/storage.md, "Rollups"). */
export const ROLLUP_SHARDS = 8;

/** A ticket's cells always go to the same shard, so racing events of different tickets rarely share a key. */
export function shardOf(ticketId: string): number {
  return fnv1a32(ticketId) % ROLLUP_SHARDS;
}

/** The `by-scope-day` partition of a project's buckets in one generation ('' keeps the original layout). */
export function rollupScope(generation: string, projectId: string): string {
  return generation === '' ? projectId : `${generation}:${projectId}`;
}

/** A bucket's key: `[generation:]projectId:period:shard`. */
export function rollupKey(ref: {
  readonly generation: string;
  readonly projectId: string;
  readonly period: string;
  readonly shard: number;
}): string {
  return `${rollupScope(ref.generation, ref.projectId)}:${ref.period}:${ref.shard}`;
}

export const AUDIT_SCOPE = 'config';

/**
 * The key a day summary is stored under: the day's shard buckets summed by the hourly compaction
 * (docs/storage.md, "Day summaries"), in the shard slot no shard uses.
 */
export const DAY_SUMMARY_SHARD = -1;

/** Where a rollup row stands: a shard changed since the last compaction, a compacted shard, a day summary. */
export type RollupLayer = 'live' | 'clean' | 'sum';

/** The `by-layer` partition of a generation's rows in one layer. */
export function rollupLayer(layer: RollupLayer, generation: string): string {
  return `${layer}:${generation}`;
}

/** The `by-layer` range value: a project's rows of one layer sort by day, projects never interleave. */
export function rollupScopeDay(generation: string, projectId: string, day: string): string {
  return `${rollupScope(generation, projectId)}/${day}`;
}
