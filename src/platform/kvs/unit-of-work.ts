/**
 * A ticket change as one `kvs.transact()`: the ticket, its new or changed asks and the rollup
 * buckets its delta touches, each set conditioned on the revision read; a newly seen project as an
 * idempotent set. A moved revision fails the whole transaction (`WriteConflict`).
 * Newly held account ids get their account and holding rows (holding-rows.ts) in the same
 * transaction when they fit in its 25 operations (mirror/storage-reference/transactions/index.md,
 * "Limitations"), else in batches before it: never after.
 * https://developer.atlassian.com/platform/forge/storage-reference/transactions/
 */
import { kvs } from '@forge/kvs';
import type { UnitOfWork } from '../../app/ports';
import type { StoredBucket } from '../../app/tickets/ticket-record';
import { writeChecked, type Guard, type NewKeys } from '../kvs-transaction';
import {
  DAY_SUMMARY_SHARD,
  DOC_KEY,
  ENTITY,
  rollupKey,
  rollupLayer,
  rollupScope,
  rollupScopeDay,
  type RollupLayer,
} from '../storage-layout';
import type { AskEntity, DocEntity, ProjectEntity, RollupEntity, TicketEntity } from '../stored-shapes';
import { askEntity, ticketEntity } from './entity-rows';
import { holdingRows, writeHoldingRows, type HoldingRow } from './holding-rows';
import { revCondition } from './kvs-rows';

/**
 * A bucket row: its stored value names its own key (format v1). Every write of a shard bucket puts
 * it in the `live` layer, in the same checked transaction: its day summary no longer holds it
 * until the hourly compaction (src/app/scorecards/compact-rollups.ts) sums the day again.
 */
export function rollupEntity(
  bucket: StoredBucket,
  rev: number,
  layer: RollupLayer = bucket.shard === DAY_SUMMARY_SHARD ? 'sum' : 'live',
): { key: string; value: RollupEntity } {
  const key = rollupKey(bucket);
  const { generation, projectId, period, shard } = bucket;
  return {
    key,
    value: {
      scope: rollupScope(generation, projectId),
      day: period,
      rev,
      bucket: { key, generation, projectId, period, shard, bucket: bucket.bucket },
      layer: rollupLayer(layer, generation),
      scopeDay: rollupScopeDay(generation, projectId, period),
    },
  };
}

/** The keys a unit of work is conditioned on: its ticket, its buckets, the configuration it ran under. */
function guardsOf(unit: UnitOfWork): Guard[] {
  return [
    ...ticketsOf(unit).map((t) => ({ entity: ENTITY.ticket, key: t.record.ticketId, expectedRev: t.expectedRev })),
    ...(unit.buckets ?? []).map((b) => ({
      entity: ENTITY.rollup,
      key: rollupKey(b.bucket),
      expectedRev: b.expectedRev,
    })),
    ...(unit.configRev !== undefined ? [{ entity: ENTITY.doc, key: DOC_KEY.config, expectedRev: unit.configRev }] : []),
  ];
}

/** A transaction holds at most 25 operations (mirror/storage-reference/transactions/index.md). */
const TRANSACTION_OPS = 25;

export async function commitUnit(unit: UnitOfWork): Promise<void> {
  const rows = holdingRows(unit.holdings ?? [], ticketsOf(unit)[0]?.record.updatedAt ?? 0);
  const inside = operationsOf(unit) + rows.length <= TRANSACTION_OPS;
  if (!inside) await writeHoldingRows(rows);
  const carried = inside ? rows : [];
  if (transactionOf(unit, 'absent', carried) === null) return;
  await writeChecked(ticketsOf(unit)[0]?.record.ticketId ?? 'commit', guardsOf(unit), (newKeys) =>
    (transactionOf(unit, newKeys, carried) ?? kvs.transact()).execute(),
  );
}

/** The transaction's own operations, without account rows. */
function operationsOf(unit: UnitOfWork): number {
  return (
    ticketsOf(unit).length +
    (unit.asks?.length ?? 0) +
    (unit.buckets?.length ?? 0) +
    (unit.projects?.length ?? 0) +
    (unit.configRev !== undefined ? 1 : 0)
  );
}

/** The unit's tickets: its ticket, then any more a batch carries. */
function ticketsOf(unit: UnitOfWork): NonNullable<UnitOfWork['tickets']> {
  return [...(unit.ticket ? [unit.ticket] : []), ...(unit.tickets ?? [])];
}

/** The unit's one transaction; null when it writes nothing. */
function transactionOf(
  unit: UnitOfWork,
  newKeys: NewKeys,
  holdings: readonly HoldingRow[],
): ReturnType<typeof kvs.transact> | null {
  const tx = kvs.transact();
  let n = 0;
  for (const { record, expectedRev } of ticketsOf(unit)) {
    tx.set<TicketEntity>(record.ticketId, ticketEntity(record, expectedRev + 1), {
      entityName: ENTITY.ticket,
      conditions: revCondition<TicketEntity>(expectedRev, newKeys),
    });
    n += 1;
  }
  // Asks come only with a single ticket (`unit.ticket`).
  const owed = new Set(unit.ticket?.record.undelivered ?? []);
  for (const { ask, usedNonces } of unit.asks ?? []) {
    // Asks are owned by the ticket's transaction: the ticket's revision check already orders them.
    tx.set<AskEntity>(ask.id, askEntity(ask, 1, usedNonces ?? [], owed.has(ask.id)), { entityName: ENTITY.ask });
    n += 1;
  }
  for (const { bucket, expectedRev } of unit.buckets ?? []) {
    const row = rollupEntity(bucket, expectedRev + 1);
    tx.set<RollupEntity>(row.key, row.value, {
      entityName: ENTITY.rollup,
      conditions: revCondition<RollupEntity>(expectedRev, newKeys),
    });
    n += 1;
  }
  for (const row of holdings) {
    // Unconditional and idempotent, like the projects below.
    tx.set<unknown>(row.key, row.value, { entityName: row.entityName });
    n += 1;
  }
  for (const projectId of unit.projects ?? []) {
    // Unconditional and idempotent: writing a known project again changes nothing.
    tx.set<ProjectEntity>(projectId, { projectId }, { entityName: ENTITY.project });
    n += 1;
  }
  if (n === 0) return null;
  if (unit.configRev !== undefined) {
    // A recompute writes under one configuration: if it moved meanwhile, retry under the new one.
    tx.check<DocEntity>(DOC_KEY.config, {
      entityName: ENTITY.doc,
      conditions: revCondition<DocEntity>(unit.configRev, newKeys),
    });
  }
  return tx;
}
