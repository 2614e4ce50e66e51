/**
 * Every storage key, entity and index name of the app, defined once (docs/storage.md explains
 * them). Entity names and attributes must match `app.storage.entities` in manifest.yml.
 * https://developer.atlassian.com/platform/forge/storage-reference/storage-api-custom-entities/
 */
export const ENTITY = {
  ticket: 'ticket',
  ask: 'ask',
  rollup: 'rollup',
  audit: 'audit',
  account: 'account',
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
  auditByScopeTime: 'by-scope-time',
  accountByReported: 'by-reported',
  projectById: 'by-id',
} as const;

/** Keys of the `doc` entity: small versioned documents written with a revision check. */
export const DOC_KEY = {
  config: 'config',
  recompute: 'recompute',
  sitePriors: 'site-priors',
  rollupGc: 'rollup-gc',
  scopeOptions: 'scope-options',
} as const satisfies Record<string, string>;

/** Secret storage key of the one-click signing keys. */
export const SECRET_KEY = {
  signingKeys: 'one-click-signing-keys',
} as const;

/**
 * Rollup bucket keys (`projectId:period:shard`) and the shard count are defined with the write
 * path in src/app/tickets/bucket-keys.ts (`bucketKey`, `ROLLUP_SHARDS`), which must compute them to
 * read the buckets a delta touches; the index partition is the project id.
 */
export { bucketKey as rollupKey, bucketScope as rollupScope, ROLLUP_SHARDS } from '../app/tickets/bucket-keys';

export const AUDIT_SCOPE = 'config';
