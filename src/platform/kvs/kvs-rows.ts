/** What every KVS adapter shares: the page size, parsing a stored row, and the revision check. */
import { Filter, FilterConditions } from '@forge/kvs';
import type { z } from 'zod';

/** KVS query pages hold at most 100 rows. */
export const PAGE = 100;

/** A stored value parsed with its stored shape; a mismatch is a bug or corruption, never the caller's fault. */
export function parseStored<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Error(`stored ${what} does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** A checked set: the stored revision must still be the one we read (absent when we read nothing). */
export function revCondition<T extends { rev: number }>(expectedRev: number) {
  const filter = new Filter<T>();
  return expectedRev === 0
    ? filter.and('rev', FilterConditions.notExists())
    : filter.and('rev', FilterConditions.equalTo(expectedRev));
}
