/**
 * The rows that make a stored account id known: its `account` row (what the personal-data report
 * walks) and one `holding` row per document holding it (how erasure finds that document).
 * Written no later than the data: inside the data's transaction when they fit, else in batches
 * before it (a crash between leaves a reported id with no data, which erasure tolerates).
 */
import { kvs } from '@forge/kvs';
import { TransientError } from '../../app/errors';
import type { AccountHolding } from '../../app/ports';
import { kvsCall } from '../kvs-errors';
import { ENTITY, holdingKey } from '../storage-layout';
import type { AccountEntity, HoldingEntity } from '../stored-shapes';

/** KVS batch operations take at most 25 keys (mirror/storage-reference/batchops-entities/index.md). */
export const BATCH_KEYS = 25;

export type HoldingRow =
  | { readonly entityName: typeof ENTITY.account; readonly key: string; readonly value: AccountEntity }
  | { readonly entityName: typeof ENTITY.holding; readonly key: string; readonly value: HoldingEntity };

/**
 * One account row per distinct account and one holding row per distinct (holder, account). The
 * account row is written blind: `reportedAt` 0 puts it first in the next report, which is due for
 * a newly stored id anyway.
 */
export function holdingRows(holdings: readonly AccountHolding[], at: number): HoldingRow[] {
  const rows = new Map<string, HoldingRow>();
  for (const { accountId, holder } of holdings) {
    rows.set(`a:${accountId}`, { entityName: ENTITY.account, key: accountId, value: { reportedAt: 0, updatedAt: at } });
    const key = holdingKey(holder.kind, holder.id, accountId);
    rows.set(`h:${key}`, {
      entityName: ENTITY.holding,
      key,
      value: { accountId, holderKind: holder.kind, holderId: holder.id, at },
    });
  }
  // Links before account rows: batches are written in order, and erasure, having deleted an
  // account row, looks for links once more — a link it sees brings the row back.
  return [...rows.values()].sort((a, b) => order(a) - order(b));
}

const order = (row: HoldingRow) => (row.entityName === ENTITY.holding ? 0 : 1);

/** Writes the rows in batches of 25; any key the store refuses fails the whole call (the data must wait). */
export async function writeHoldingRows(rows: readonly HoldingRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_KEYS) {
    const chunk = rows.slice(i, i + BATCH_KEYS);
    const result = await kvsCall('accounts', () =>
      kvs.batchSet<unknown>(chunk.map((r) => ({ key: r.key, value: r.value, entityName: r.entityName }))),
    );
    const failed = result.failedKeys[0];
    // Retried as a whole (the rows are idempotent): the data is written only once they all are.
    if (failed !== undefined) throw new TransientError(`Storage refused an account row (${failed.error.code}).`, 15);
  }
}
