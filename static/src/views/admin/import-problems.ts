import type { z } from 'zod';
import type { AdminT } from './admin-messages';
import { pathWords } from './field-words';
import { issueWords } from './problems';

const TYPES = ['number', 'string', 'boolean', 'array', 'object'] as const;

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node = root;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[part];
  }
  return node;
}

function quoteAll(values: ReadonlyArray<unknown>): string {
  return values.map((v) => `“${String(v)}”`).join(', ');
}

/** One schema issue in words, from its kind (zod's own wording names types and keys as code does). */
function sentence(t: AdminT, root: unknown, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return t('import.unknownKeys', { n: issue.keys.length, keys: quoteAll(issue.keys) });
    case 'invalid_type': {
      if (valueAt(root, issue.path) === undefined) return t('import.missing');
      const expected = TYPES.find((x) => x === issue.expected);
      return expected !== undefined ? t(`import.type.${expected}`) : t('import.shouldBe', { values: issue.expected });
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? t('import.shouldBe', { values: quoteAll(issue.values) })
        : t('import.oneOf', { values: quoteAll(issue.values) });
    case 'invalid_union':
      return t('import.noForm');
    default:
      return issueWords(t, issue);
  }
}

/**
 * Why a file cannot be imported, one line per problem, naming the XLA or plan and the setting in
 * the editors' words: "XLA “Fast help” › indicator “Satisfaction” › target: should be a number".
 */
export function importProblems(t: AdminT, root: unknown, error: z.ZodError): string[] {
  if (typeof root !== 'object' || root === null || Array.isArray(root)) return [t('import.notConfig')];
  const fields = root as Record<string, unknown>;
  if (fields['format'] !== 'sentio-config') return [t('import.notSentio')];
  const lines = error.issues.map((issue) => {
    const where = issue.path.length === 0 ? t('import.theFile') : capitalise(pathWords(t, root, issue.path));
    return t('import.line', { where, problem: sentence(t, root, issue) });
  });
  return [...new Set(lines)];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
