import type { z } from 'zod';
import { pathWords } from './field-words';

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  string: 'text',
  boolean: 'on or off (true or false)',
  array: 'a list',
  object: 'a group of settings',
};

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
function sentence(root: unknown, issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `has ${issue.keys.length === 1 ? 'a setting' : 'settings'} Sentio does not know: ${quoteAll(issue.keys)}. Remove ${issue.keys.length === 1 ? 'it' : 'them'}, or export the configuration again from the site it came from.`;
    case 'invalid_type': {
      if (valueAt(root, issue.path) === undefined) return 'is missing';
      return `should be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    }
    case 'invalid_value':
      return issue.values.length === 1
        ? `should be ${quoteAll(issue.values)}`
        : `should be one of ${quoteAll(issue.values)}`;
    case 'invalid_union':
      return 'is not one of the forms Sentio accepts here';
    default:
      // The schemas' own messages are written for people ("must be between 0 and 1").
      return issue.message;
  }
}

/**
 * Why a file cannot be imported, one line per problem, naming the XLA or plan and the setting in
 * the editors' words: "XLA “Fast help” › indicator “Satisfaction” › target: should be a number".
 */
export function importProblems(root: unknown, error: z.ZodError): string[] {
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    return ['This is not a Sentio configuration: the file should hold one group of settings, as Sentio exports it.'];
  const fields = root as Record<string, unknown>;
  if (fields['format'] !== 'sentio-config')
    return [
      'This is not a file exported by Sentio (it does not say “format”: “sentio-config”). Export the configuration from Sentio and import that file.',
    ];
  const lines = error.issues.map((issue) => {
    const where = issue.path.length === 0 ? 'The file' : capitalise(pathWords(root, issue.path));
    return `${where}: ${sentence(root, issue)}`;
  });
  return [...new Set(lines)];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
