import type { IndicatorId } from '@domain/indicator';
import { INDICATOR_IDS } from '@domain/indicator';
import type { AdminKey, AdminT } from './admin-messages';

/**
 * The settings of an XLA or a survey plan as the editors label them, by the key the stored JSON
 * uses: import messages and differences name fields in the admin's words, never as `xlas[0].x`.
 */
const FIELD_KEYS = [
  'format',
  'version',
  'xlas',
  'plans',
  'id',
  'name',
  'description',
  'enabled',
  'scope',
  'projectIds',
  'requestTypeIds',
  'priorities',
  'indicators',
  'weight',
  'floor',
  'target',
  'prior',
  'targetScore',
  'window',
  'days',
  'minSample',
  'halfLifeDays',
  'smoothing',
  'strength',
  'waitThresholdHours',
  'csatSource',
  'waypoints',
  'midFlightOnly',
  'slaNames',
  'waypoint',
  'toStatuses',
  'toCategories',
  'fromNth',
  'hours',
  'question',
  'text',
  'followUps',
  'reasonChips',
  'negative',
  'neutral',
  'positive',
  'comment',
  'maxLength',
  'lostTime',
  'choices',
  'label',
  'minutes',
  'delivery',
  'portal',
  'publicComment',
  'fatigue',
  'samplingPercent',
  'cooldownHours',
  'maxAsksPerTicket',
  'noNewAskWhilePending',
  'expiryHours',
  'reminder',
  'afterHours',
  'translations',
] as const;
type FieldKey = (typeof FIELD_KEYS)[number];

function isFieldKey(key: string): key is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(key);
}

export function fieldWord(t: AdminT, key: string): string {
  return isFieldKey(key) ? t(`field.${key}` satisfies AdminKey) : key;
}

export function isIndicatorId(value: unknown): value is IndicatorId {
  return typeof value === 'string' && (INDICATOR_IDS as readonly string[]).includes(value);
}

/** An item of a list by its name where it has one: an indicator, a lost-time choice, an XLA. */
export function itemWord(t: AdminT, listKey: string, index: number, item: unknown): string {
  const fields = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
  if (listKey === 'indicators' && isIndicatorId(fields['id']))
    return t('field.indicatorNamed', { name: t(`indicator.${fields['id']}`) });
  if (listKey === 'choices' && typeof fields['label'] === 'string')
    return t('field.choiceNamed', { name: fields['label'] });
  if (['negative', 'neutral', 'positive'].includes(listKey) && typeof fields['label'] === 'string')
    return t('field.chipNamed', { name: fields['label'] });
  const kind = listKey === 'xlas' ? 'xla' : listKey === 'plans' ? 'plan' : 'item';
  if (kind !== 'item' && typeof fields['name'] === 'string' && fields['name'].trim() !== '')
    return t('field.named', { kind, name: fields['name'] });
  return t('field.nth', { n: index + 1, kind, list: fieldWord(t, listKey) });
}

/** A path into the file in words: "XLA “Fast help” › indicator “Satisfaction” › target". */
export function pathWords(t: AdminT, root: unknown, path: ReadonlyArray<PropertyKey>): string {
  const words: string[] = [];
  let node: unknown = root;
  let listKey = '';
  for (const part of path) {
    const next = typeof node === 'object' && node !== null ? (node as Record<PropertyKey, unknown>)[part] : undefined;
    if (typeof part === 'number') {
      words.pop();
      words.push(itemWord(t, listKey, part, next));
    } else {
      listKey = String(part);
      words.push(fieldWord(t, listKey));
    }
    node = next;
  }
  return words.join(' › ');
}
