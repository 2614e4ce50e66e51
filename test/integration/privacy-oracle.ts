/**
 * An oracle independent of the app's account rows and links: every KVS row the local host holds
 * (every entity the manifest declares, plain keys and secrets), searched for an account id as a
 * whole JSON string or as the last part of a key.
 */
import type { TestHost } from './support/host';

export interface StoredRow {
  readonly where: string;
  readonly key: string;
  readonly text: string;
}

/** Every stored row, as text. */
export function allStoredRows(h: TestHost): StoredRow[] {
  const entities = h.host.manifest.entities.map((e) => e.name);
  const rows: StoredRow[] = [];
  for (const name of entities)
    for (const r of h.host.kvs.dump('entity', name))
      rows.push({ where: name, key: r.key, text: JSON.stringify(r.value) });
  for (const ns of ['kv', 'secret'] as const)
    for (const r of h.host.kvs.dump(ns)) rows.push({ where: ns, key: r.key, text: JSON.stringify(r.value) });
  return rows;
}

/** Whether a row holds the account id: as a JSON string value, or in its key. */
export function rowHolds(row: StoredRow, accountId: string): boolean {
  return (
    row.text.includes(JSON.stringify(accountId)) ||
    row.key === accountId ||
    row.key.endsWith(`:${accountId}`) ||
    row.key.endsWith(`.${accountId}`)
  );
}

/** The rows holding the account id, as `where/key`. */
export function rowsHolding(h: TestHost, accountId: string): string[] {
  return allStoredRows(h)
    .filter((r) => rowHolds(r, accountId))
    .map((r) => `${r.where}/${r.key}`);
}

/**
 * Account ids of the site found in any stored document (the app's own account rows and links
 * aside) that have no account row: what the personal-data report would never see.
 */
export function storedButUnreported(h: TestHost, accountIds: readonly string[]): string[] {
  const rows = allStoredRows(h);
  const documents = rows.filter((r) => r.where !== 'account' && r.where !== 'holding');
  const withRow = new Set(rows.filter((r) => r.where === 'account').map((r) => r.key));
  return accountIds.filter((id) => !withRow.has(id) && documents.some((r) => rowHolds(r, id)));
}
