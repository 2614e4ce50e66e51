import type { IndicatorId } from '@domain/indicator';
import { INDICATOR_IDS } from '@domain/indicator';
import { INDICATOR_NAME } from '../../ui/indicator-names';

/**
 * The settings of an XLA or a survey plan as the editors label them, by the key the stored JSON
 * uses: import messages and differences name fields in the admin's words, never as `xlas[0].x`.
 */
export const FIELD_WORDS: Readonly<Record<string, string>> = {
  format: 'file format',
  version: 'file version',
  xlas: 'XLAs',
  plans: 'survey plans',
  id: 'id',
  name: 'name',
  description: 'description',
  enabled: 'on or off',
  scope: 'scope',
  projectIds: 'projects',
  requestTypeIds: 'request types',
  priorities: 'priorities',
  indicators: 'indicators',
  weight: 'weight',
  floor: 'floor',
  target: 'target',
  prior: 'prior',
  targetScore: 'target score',
  window: 'window',
  days: 'days',
  minSample: 'minimum sample',
  halfLifeDays: 'half-life',
  smoothing: 'smoothing',
  strength: 'smoothing strength',
  waitThresholdHours: 'wait threshold',
  csatSource: 'answers counted for satisfaction',
  waypoints: 'moments',
  midFlightOnly: 'only answers given while open',
  slaNames: 'compared SLAs',
  waypoint: 'when it asks',
  toStatuses: 'to statuses',
  toCategories: 'to status categories',
  fromNth: 'from the Nth reassignment',
  hours: 'hours',
  question: 'question',
  text: 'question text',
  followUps: 'follow-ups',
  reasonChips: 'reason chips',
  negative: 'chips for a low answer',
  neutral: 'chips for a middling answer',
  positive: 'chips for a high answer',
  comment: 'comment',
  maxLength: 'comment length limit',
  lostTime: 'time lost',
  choices: 'choices',
  label: 'label',
  minutes: 'minutes',
  delivery: 'delivery',
  portal: 'portal',
  publicComment: 'one-click links in a public comment',
  fatigue: 'fatigue rules',
  samplingPercent: 'sampling',
  cooldownHours: 'cooldown per requester',
  maxAsksPerTicket: 'max asks per ticket',
  noNewAskWhilePending: 'no new ask while one is pending',
  expiryHours: 'expires after',
  reminder: 'reminder',
  afterHours: 'remind after',
};

export function fieldWord(key: string): string {
  return FIELD_WORDS[key] ?? key;
}

export function isIndicatorId(value: unknown): value is IndicatorId {
  return typeof value === 'string' && (INDICATOR_IDS as readonly string[]).includes(value);
}

/** "the 2nd", for items of a list that have no name of their own. */
export function ordinal(index: number): string {
  const n = index + 1;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** An item of a list by its name where it has one: an indicator, a lost-time choice, an XLA. */
export function itemWord(listKey: string, index: number, item: unknown): string {
  const fields = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
  if (listKey === 'indicators' && isIndicatorId(fields['id'])) return `indicator “${INDICATOR_NAME[fields['id']]}”`;
  if (listKey === 'choices' && typeof fields['label'] === 'string') return `choice “${fields['label']}”`;
  const kind = listKey === 'xlas' ? 'XLA' : listKey === 'plans' ? 'plan' : 'item';
  if (typeof fields['name'] === 'string' && fields['name'].trim() !== '') return `${kind} “${fields['name']}”`;
  return `the ${ordinal(index)} ${kind === 'item' ? `of ${fieldWord(listKey)}` : kind}`;
}

/** A path into the file in words: "XLA “Fast help” › indicator “Satisfaction” › target". */
export function pathWords(root: unknown, path: ReadonlyArray<PropertyKey>): string {
  const words: string[] = [];
  let node: unknown = root;
  let listKey = '';
  for (const part of path) {
    const next = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    if (typeof part === 'number') {
      words.pop();
      words.push(itemWord(listKey, part, next));
    } else {
      listKey = String(part);
      words.push(fieldWord(listKey));
    }
    node = next;
  }
  return words.join(' › ');
}
