import type { QuestionKind } from '@domain/question';
import type { SurveyPlan } from '@domain/survey-plan';
import { QUESTION_KIND_NAME } from '../../ui/score-text';
import type { XlaDefinition } from '@domain/xla';
import { fieldWord, itemWord } from './field-words';
import type { ScopeNames } from './scope-names';
import { WAYPOINT_LABEL } from './waypoint-fields';

/** One setting that differs between two versions of an XLA or a plan, in the admin's words. */
export interface Change {
  readonly what: string;
  readonly before: string;
  readonly after: string;
}

type Json = unknown;

const CATEGORY_WORDS: Readonly<Record<string, string>> = { new: 'To do', indeterminate: 'In progress', done: 'Done' };

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId = (v: Json): v is { id: string } => isObject(v) && typeof v['id'] === 'string';

const WINDOW_WORDS = (w: Json): string | null =>
  isObject(w) ? (w['kind'] === 'calendar-month' ? 'calendar month' : `${String(w['days'])} days`) : null;

/** A value as text: names for scope ids, words for on/off, lists joined. */
function show(key: string, value: Json, names: ScopeNames): string {
  if (value === undefined || value === null) return 'none';
  if (key === 'window') return WINDOW_WORDS(value) ?? 'none';
  if (key === 'waypoint.kind' && typeof value === 'string' && value in WAYPOINT_LABEL)
    return WAYPOINT_LABEL[value as keyof typeof WAYPOINT_LABEL];
  if (key === 'question.kind' && typeof value === 'string' && value in QUESTION_KIND_NAME)
    return QUESTION_KIND_NAME[value as QuestionKind];
  if (key === 'toCategories' && Array.isArray(value))
    return value.map((c) => CATEGORY_WORDS[String(c)] ?? String(c)).join(', ') || 'none';
  if (key === 'smoothing.kind') return value === 'empirical-bayes' ? 'estimated across segments' : 'fixed strength';
  if (key === 'waypoints' && Array.isArray(value))
    return value.map((w) => WAYPOINT_LABEL[w as keyof typeof WAYPOINT_LABEL] ?? String(w)).join(', ') || 'any';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (Array.isArray(value)) {
    if (value.length === 0) return key === 'projectIds' ? 'every project' : key.endsWith('Ids') ? 'any' : 'none';
    const name =
      key === 'projectIds'
        ? names.project
        : key === 'requestTypeIds'
          ? names.requestType
          : key === 'priorities'
            ? names.priority
            : (v: string) => v;
    return value.map((v) => (typeof v === 'string' ? name(v) : JSON.stringify(v))).join(', ');
  }
  if (typeof value === 'string') return `“${value}”`;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function walk(a: Json, b: Json, path: string[], key: string, names: ScopeNames, out: Change[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  // A window reads as one setting ("30 days"), not as its parts.
  if (key !== 'window' && isObject(a) && isObject(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
      walk(a[k], b[k], [...path, fieldWord(k)], k === 'kind' ? `${key}.kind` : k, names, out);
    return;
  }
  // Lists of named items (indicators, lost-time choices) are compared item by item.
  if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].every(hasId)) {
    const ids = [...new Set([...a, ...b].map((x) => (x as { id: string }).id))];
    for (const id of ids) {
      const x = a.find((i) => (i as { id: string }).id === id);
      const y = b.find((i) => (i as { id: string }).id === id);
      const label = itemWord(key, 0, y ?? x);
      if (x === undefined) out.push({ what: [...path, label].join(' › '), before: 'absent', after: 'added' });
      else if (y === undefined) out.push({ what: [...path, label].join(' › '), before: 'present', after: 'removed' });
      else walk(x, y, [...path, label], '', names, out);
    }
    return;
  }
  out.push({ what: path.join(' › '), before: show(key, a, names), after: show(key, b, names) });
}

function capitalised(changes: Change[]): Change[] {
  return changes.map((c) => ({ ...c, what: c.what.charAt(0).toUpperCase() + c.what.slice(1) }));
}

/** What differs between two versions of the same XLA or plan (same id), setting by setting. */
export function changesBetween(
  before: XlaDefinition | SurveyPlan,
  after: XlaDefinition | SurveyPlan,
  names: ScopeNames,
): Change[] {
  const out: Change[] = [];
  walk(before, after, [], '', names, out);
  return capitalised(out);
}
