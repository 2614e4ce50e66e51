import type { z } from 'zod';
import { type Locale, TRANSLATED_LOCALES } from '@domain/i18n';
import { type FieldProblem, fieldPath } from '@domain/validation';
import { type AdminT, languageName } from './admin-messages';

/** Field path (`indicators[0].floor`, as `fieldPath` writes it) → the message to show there. */
export type Problems = ReadonlyMap<string, string>;

export const NO_PROBLEMS: Problems = new Map();

/** The number a schema's own message carries ("must be below the target (0.9)"). */
function numberIn(message: string): string {
  return /\((-?[\d.]+)/.exec(message)?.[1] ?? '';
}

/** A range the schema states in its own message ("must be between 0 and 1"): both ends say more than one. */
function range(message: string): { min: number; max: number } | null {
  const m = /between (-?[\d.]+) and (-?[\d.]+)/.exec(message);
  return m === null ? null : { min: Number(m[1]), max: Number(m[2]) };
}

/**
 * One refusal of the schema in the admin's language, from its kind and limits (zod's `too_big` with
 * its maximum, …); the few rules the schemas check themselves are recognised by where they point.
 */
export function issueWords(t: AdminT, issue: z.core.$ZodIssue): string {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      const between = range(issue.message);
      if (between !== null) return t('problem.between', between);
      if (issue.origin === 'string') return t('problem.tooLong', { max });
      if (issue.origin === 'array') return t('problem.tooMany', { max });
      return t('problem.atMost', { max });
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      const between = range(issue.message);
      if (between !== null) return t('problem.between', between);
      if (issue.origin === 'string') return min <= 1 ? t('problem.required') : t('problem.tooShort', { min });
      if (issue.origin === 'array') return t('problem.tooFew', { min });
      return issue.inclusive === false ? t('problem.above', { min }) : t('problem.atLeast', { min });
    }
    case 'invalid_type':
      if (issue.expected === 'int') return t('problem.whole');
      return issue.expected === 'number' ? t('problem.number') : t('problem.invalid');
    case 'invalid_format':
      return t('problem.idFormat');
    case 'custom':
      if (last === 'floor') return t('problem.floorBelow', { target: numberIn(issue.message) });
      if (last === 'indicators') return t('problem.oneWeight');
      if (last === 'afterHours') return t('problem.beforeExpiry', { hours: numberIn(issue.message) });
      if (issue.path.includes('toStatuses') || last === 'waypoint') return t('problem.statusNeeded');
      if (issue.path[0] === 'translations' && issue.path[2] === 'reasonChips') return t('problem.invalid');
      if (/listed twice/.test(issue.message))
        return t('problem.twice', { value: /"([^"]*)"/.exec(issue.message)?.[1] ?? '' });
      return issue.message;
    default:
      return t('problem.invalid');
  }
}

/**
 * A message on a plan's wording for one language says which: "German question: too long (max 200
 * characters)", so it reads right beside the field and in a list.
 */
function inLanguage(t: AdminT, reader: Locale, path: readonly PropertyKey[], message: string): string {
  const locale = TRANSLATED_LOCALES.find((l) => l === path[1]);
  if (path[0] !== 'translations' || locale === undefined) return message;
  const part = path[2] === 'text' ? 'text' : 'chips';
  return t('problem.inLanguage', { language: languageName(locale, reader), part, problem: message });
}

/** Messages that came from the server, by field; the first per field is the most specific one. */
export function toProblems(list: readonly FieldProblem[]): Problems {
  const map = new Map<string, string>();
  for (const p of list) if (!map.has(p.field)) map.set(p.field, p.message);
  return map;
}

/** The same schema the server validates with, run on every edit; messages in the admin's language. */
export function validate<S extends z.ZodType>(
  schema: S,
  draft: unknown,
  t: AdminT,
  reader: Locale,
): { value: z.output<S> | null; problems: Problems } {
  const result = schema.safeParse(draft);
  if (result.success) return { value: result.data, problems: NO_PROBLEMS };
  const map = new Map<string, string>();
  for (const issue of result.error.issues) {
    const field = fieldPath(issue.path);
    if (!map.has(field)) map.set(field, inLanguage(t, reader, issue.path, issueWords(t, issue)));
  }
  return { value: null, problems: map };
}

/** Server messages win over local ones: the server may know more (a duplicate id, a stale edit). */
export function mergeProblems(local: Problems, server: Problems): Problems {
  if (server.size === 0) return local;
  return new Map([...local, ...server]);
}
