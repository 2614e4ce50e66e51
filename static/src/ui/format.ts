/** Display helpers: rounding happens only here (SCORING.md: keep floats, round for display). */

// Intl formatters are costly to create (locale data): made on first use, not when a view loads.
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
const dateTime = once(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }));
const dateOnly = once(() => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }));
const dayMonth = once(() => new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' }));

export function formatDateTime(at: number): string {
  return dateTime().format(new Date(at));
}

/** "Dec 5, 2026"; `short` drops the year ("Dec 5") for chart axes. */
export function formatDate(at: number, style: 'medium' | 'short' = 'medium'): string {
  return (style === 'short' ? dayMonth() : dateOnly()).format(new Date(at));
}

const relative = once(() => new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }));
const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 hours ago", "in 2 days": for ask expiry and timeline entries. */
export function formatRelative(at: number, now: number = Date.now()): string {
  const diff = at - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative().format(Math.round(diff / ms), unit);
  }
  return relative().format(0, 'minute');
}

/** How long something has been going on, in the unit people use: "40 min", "5 h", "3 days". */
export function formatAge(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.floor(hours)} h`;
  return `${Math.floor(hours / 24)} days`;
}

export function formatScore(score: number): string {
  return score.toFixed(0);
}

/** A rate 0..1 as a whole percentage. */
export function formatPercent(rate: number): string {
  return `${Math.round(rate * 100)} %`;
}

export function formatSigned(delta: number, digits = 0): string {
  const text = delta.toFixed(digits);
  return delta > 0 ? `+${text}` : text;
}
