import type { Scorecard } from '../../../../src/domain/scorecard';

function cell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  // RFC 4180 quoting, and a leading quote against spreadsheet formula injection.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per XLA per day, plus the window totals: what a service owner pastes into a report. */
export function scorecardsToCsv(cards: readonly Scorecard[]): string {
  const header = ['xla', 'day', 'score', 'sample', 'status', 'target', 'window_score', 'window_lower', 'window_upper', 'confidence'];
  const rows = cards.flatMap((c) =>
    c.daily.map((d) => [
      c.name,
      d.day,
      d.score,
      d.sampleSize,
      c.status,
      c.targetScore,
      c.score,
      c.interval?.lower ?? null,
      c.interval?.upper ?? null,
      c.confidence,
    ]),
  );
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
