import { dateTimeFormat, listFormat, numberFormat, relativeTimeFormat } from './formatters';
import type { Locale } from './locale';

/**
 * Numbers, percentages, dates and lists in the reader's locale, always through `Intl` (never a
 * hand-built "1,234" or "3 days ago"). Plurals live in the messages (ICU `plural`, which uses
 * `Intl.PluralRules`).
 */
export function formatNumber(locale: Locale, value: number, maxFractionDigits = 1): string {
  return numberFormat(locale, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A share 0..1 as a percentage ("12 %" in de-DE, "12%" in en-US). */
export function formatPercent(locale: Locale, share: number, maxFractionDigits = 0): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: maxFractionDigits }).format(share);
}

export function formatDateTime(locale: Locale, epochMs: number, timeZone?: string): string {
  return dateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(epochMs);
}

export function formatDate(locale: Locale, epochMs: number, timeZone?: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', ...(timeZone ? { timeZone } : {}) }).format(epochMs);
}

const RELATIVE_STEPS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.34524],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "3 hours ago", "vor 3 Stunden", "3 時間前": the largest unit that keeps the number above one. */
export function formatRelative(locale: Locale, epochMs: number, now: number): string {
  let amount = (epochMs - now) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) {
      return relativeTimeFormat(locale, { numeric: 'auto' }).format(Math.round(amount), unit);
    }
    amount /= size;
  }
  return formatDate(locale, epochMs);
}

export function formatList(locale: Locale, items: readonly string[]): string {
  return listFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
