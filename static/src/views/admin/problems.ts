import type { z } from 'zod';
import { type FieldProblem, fieldProblems } from '@domain/validation';

/** Field path (`indicators[0].floor`, as `fieldPath` writes it) → the message to show there. */
export type Problems = ReadonlyMap<string, string>;

export const NO_PROBLEMS: Problems = new Map();

/** Zod's wording for a number field left empty is technical; people read "enter a number". */
function humanise(message: string): string {
  if (/expected number, received (NaN|nan|string|undefined)/i.test(message)) return 'enter a number';
  return message;
}

export function toProblems(list: readonly FieldProblem[]): Problems {
  const map = new Map<string, string>();
  for (const p of list) {
    // The first message per field is the most specific one; later ones repeat it in other words.
    if (!map.has(p.field)) map.set(p.field, humanise(p.message));
  }
  return map;
}

/** The same schema the server validates with, run on every edit. */
export function validate<S extends z.ZodType>(
  schema: S,
  draft: unknown,
): { value: z.output<S> | null; problems: Problems } {
  const result = schema.safeParse(draft);
  if (result.success) return { value: result.data, problems: NO_PROBLEMS };
  return { value: null, problems: toProblems(fieldProblems(result.error)) };
}

/** Server messages win over local ones: the server may know more (a duplicate id, a stale edit). */
export function mergeProblems(local: Problems, server: Problems): Problems {
  if (server.size === 0) return local;
  return new Map([...local, ...server]);
}

/** Messages for fields the form has no control for, so they are not lost. */
export function unplacedProblems(problems: Problems, placed: (field: string) => boolean): string[] {
  return [...problems].filter(([field]) => !placed(field)).map(([field, message]) => `${field}: ${message}`);
}
