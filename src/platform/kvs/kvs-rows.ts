/** What every KVS adapter shares: the page size, parsing a stored row, and the revision check. */
import type { z } from 'zod';
import { isPlaceholder } from '../kvs-transaction';

export { revCondition } from '../kvs-transaction';

/** KVS query pages hold at most 100 rows. */
export const PAGE = 100;

/** A stored value parsed with its stored shape; a mismatch is a bug or corruption, never the caller's fault. */
export function parseStored<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Error(`stored ${what} does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** A key read with `get`: nothing there, or only a placeholder (kvs-transaction.ts), is no value. */
export function storedValue<T>(raw: T | undefined): T | undefined {
  return raw === undefined || isPlaceholder(raw) ? undefined : raw;
}
