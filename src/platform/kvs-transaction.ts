/**
 * Checked writes that hold under every reading of what the docs leave open about transactions:
 * which status and code a refused condition answers with, and whether a condition on a key that
 * does not exist passes (storage-reference/entities-transactions says neither; local/CONFORMANCE.md).
 *
 * After any refusal that is not a rate limit or an outage, the revisions the write was
 * conditioned on are read again: one that moved is a lost race (`WriteConflict`, the use case
 * re-reads and retries); none moved but a key meant to be new is still absent means this store
 * fails conditions on missing keys, so the key is created as a placeholder `{ rev: 0 }` with
 * `keyPolicy: FAIL_IF_EXISTS` (documented) and the write runs again conditioned on `rev = 0`.
 * Anything else is the original error. Readers treat a placeholder as no value (`isPlaceholder`).
 */
import { Filter, FilterConditions, ForgeKvsAPIError, kvs } from '@forge/kvs';
import { TransientError, WriteConflict } from '../app/errors';
import { kvsCall, mapKvsError } from './kvs-errors';

/** A key a write is conditioned on, and the revision it expects (0: the key is new). */
export interface Guard {
  readonly entity: string;
  readonly key: string;
  readonly expectedRev: number;
}

/** How a new key is conditioned: `rev` absent, or `rev = 0` on its placeholder. */
export type NewKeys = 'absent' | 'placeholder';

export function revCondition<T extends { rev: number }>(expectedRev: number, newKeys: NewKeys) {
  const filter = new Filter<T>();
  return expectedRev === 0 && newKeys === 'absent'
    ? filter.and('rev', FilterConditions.notExists())
    : filter.and('rev', FilterConditions.equalTo(expectedRev));
}

/** A key created only to be conditioned on: no value yet. */
export function isPlaceholder(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    (value as { rev?: unknown }).rev === 0
  );
}

type State = { kind: 'absent' } | { kind: 'placeholder' } | { kind: 'rev'; rev: number | undefined };

async function stateOf(g: Guard): Promise<State> {
  const value = await kvsCall(g.key, () => kvs.entity<Record<string, unknown>>(g.entity).get(g.key));
  if (value === undefined) return { kind: 'absent' };
  if (isPlaceholder(value)) return { kind: 'placeholder' };
  return { kind: 'rev', rev: typeof value['rev'] === 'number' ? value['rev'] : undefined };
}

function moved(g: Guard, s: State): boolean {
  if (g.expectedRev === 0) return s.kind === 'rev';
  return s.kind !== 'rev' || s.rev !== g.expectedRev;
}

async function createPlaceholder(g: Guard): Promise<void> {
  try {
    await kvs.entity(g.entity).set(g.key, { rev: 0 }, { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch (e) {
    // Someone else created it first: a placeholder or a value, either is re-checked by the write.
    if (!(e instanceof ForgeKvsAPIError) || e.responseDetails.status === 429 || e.responseDetails.status >= 500)
      throw e;
  }
}

/**
 * Runs `write` (which must build its conditions with `revCondition(…, newKeys)`) and decides
 * after a refusal by re-reading `guards`, as described above.
 */
export async function writeChecked(
  label: string,
  guards: readonly Guard[],
  write: (newKeys: NewKeys) => Promise<void>,
): Promise<void> {
  let newKeys: NewKeys = 'absent';
  for (;;) {
    try {
      await write(newKeys);
      return;
    } catch (e) {
      const mapped = mapKvsError(e, label);
      if (mapped instanceof TransientError || !(e instanceof ForgeKvsAPIError)) throw mapped;
      const states = await Promise.all(guards.map(stateOf));
      if (guards.some((g, i) => moved(g, states[i] as State))) throw new WriteConflict(label);
      const fresh = guards.filter((g, i) => g.expectedRev === 0 && states[i]?.kind === 'absent');
      const waiting = states.some((s) => s.kind === 'placeholder');
      if (newKeys === 'placeholder' || (fresh.length === 0 && !waiting)) throw e;
      for (const g of fresh) await createPlaceholder(g);
      newKeys = 'placeholder';
    }
  }
}
