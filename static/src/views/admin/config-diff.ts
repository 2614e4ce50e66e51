import { QUESTION_KINDS } from '@domain/question';
import type { SurveyPlan } from '@domain/survey-plan';
import { STATUS_CATEGORIES, WAYPOINT_KINDS } from '@domain/waypoint';
import type { XlaDefinition } from '@domain/xla';
import type { AdminT } from './admin-messages';
import { fieldWord, itemWord } from './field-words';
import type { ScopeNames } from './scope-names';

/** One setting that differs between two versions of an XLA or a plan, in the admin's words. */
export interface Change {
  readonly what: string;
  readonly before: string;
  readonly after: string;
}

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId = (v: Json): v is { id: string } => isObject(v) && typeof v['id'] === 'string';

const windowWords = (t: AdminT, w: Json): string | null =>
  isObject(w)
    ? w['kind'] === 'calendar-month'
      ? t('window.month')
      : t('window.days', { n: Number(w['days']) })
    : null;

const among = <T extends string>(list: readonly T[], v: unknown): v is T => list.includes(v as T);

/** A value as text: names for scope ids, words for on/off, lists joined. */
function show(t: AdminT, key: string, value: Json, names: ScopeNames): string {
  if (value === undefined || value === null) return t('diff.none');
  if (key === 'window') return windowWords(t, value) ?? t('diff.none');
  if (key === 'waypoint.kind' && among(WAYPOINT_KINDS, value)) return t(`waypoint.${value}`);
  if (key === 'question.kind' && among(QUESTION_KINDS, value)) return t(`kind.${value}`);
  if (key === 'toCategories' && Array.isArray(value))
    return (
      value.map((c) => (among(STATUS_CATEGORIES, c) ? t(`category.${c}`) : String(c))).join(', ') || t('diff.none')
    );
  if (key === 'smoothing.kind') return value === 'empirical-bayes' ? t('diff.estimated') : t('diff.fixed');
  if (key === 'waypoints' && Array.isArray(value))
    return value.map((w) => (among(WAYPOINT_KINDS, w) ? t(`waypoint.${w}`) : String(w))).join(', ') || t('diff.any');
  if (typeof value === 'boolean') return value ? t('diff.on') : t('diff.off');
  if (Array.isArray(value)) {
    if (value.length === 0)
      return key === 'projectIds' ? t('diff.everyProject') : key.endsWith('Ids') ? t('diff.any') : t('diff.none');
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

/** A plan's chip words by chip id, to name a translated chip by its English words rather than its id. */
type ChipNames = ReadonlyMap<string, string>;

function chipNamesOf(...items: Array<XlaDefinition | SurveyPlan>): ChipNames {
  const out = new Map<string, string>();
  for (const item of items)
    if ('followUps' in item)
      for (const chip of Object.values(item.followUps.reasonChips).flat()) out.set(chip.id, chip.label);
  return out;
}

function walk(
  t: AdminT,
  a: Json,
  b: Json,
  path: string[],
  key: string,
  names: ScopeNames & { readonly chips?: ChipNames },
  out: Change[],
): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  // A window reads as one setting ("30 days"), not as its parts.
  // A group that is new or gone (a locale's wording) is compared setting by setting with nothing.
  const group = (v: Json) => isObject(v) || v === undefined;
  if (key !== 'window' && (isObject(a) || isObject(b)) && group(a) && group(b)) {
    const [x, y] = [isObject(a) ? a : {}, isObject(b) ? b : {}];
    // A locale's chip wording is keyed by chip id: name the chip by its English words.
    const chipWording = key === 'reasonChips' && ![...Object.values(x), ...Object.values(y)].some(Array.isArray);
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const chip = chipWording ? names.chips?.get(k) : undefined;
      const word = chip !== undefined ? t('field.chipNamed', { name: chip }) : fieldWord(t, k);
      walk(t, x[k], y[k], [...path, word], k === 'kind' ? `${key}.kind` : k, names, out);
    }
    return;
  }
  // Lists of named items (indicators, lost-time choices) are compared item by item.
  if (Array.isArray(a) && Array.isArray(b) && [...a, ...b].every(hasId)) {
    const ids = [...new Set([...a, ...b].map((x) => (x as { id: string }).id))];
    for (const id of ids) {
      const x = a.find((i) => (i as { id: string }).id === id);
      const y = b.find((i) => (i as { id: string }).id === id);
      const label = itemWord(t, key, 0, y ?? x);
      const what = [...path, label].join(' › ');
      if (x === undefined) out.push({ what, before: t('diff.absent'), after: t('diff.added') });
      else if (y === undefined) out.push({ what, before: t('diff.present'), after: t('diff.removed') });
      else walk(t, x, y, [...path, label], '', names, out);
    }
    return;
  }
  out.push({ what: path.join(' › '), before: show(t, key, a, names), after: show(t, key, b, names) });
}

function capitalised(changes: Change[]): Change[] {
  return changes.map((c) => ({ ...c, what: c.what.charAt(0).toUpperCase() + c.what.slice(1) }));
}

/** What differs between two versions of the same XLA or plan (same id), setting by setting. */
export function changesBetween(
  before: XlaDefinition | SurveyPlan,
  after: XlaDefinition | SurveyPlan,
  names: ScopeNames,
  t: AdminT,
): Change[] {
  const out: Change[] = [];
  walk(t, before, after, [], '', { ...names, chips: chipNamesOf(before, after) }, out);
  return capitalised(out);
}
