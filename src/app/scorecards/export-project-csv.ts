/**
 * The scorecards as CSV, for a service owner's report: per XLA a window row, one row per day and
 * one per indicator. Every cell is quoted, and text that a spreadsheet would run as a formula is
 * defused (OWASP "CSV injection").
 */
import type { Scorecard } from '../../domain/scorecard';

type CsvValue = string | number | null;

/**
 * Text a spreadsheet would read as a formula or a DDE command: OWASP's list (= + - @, tab, carriage
 * return), the pipe of DDE payloads, and the full-width forms (＝ ＋ － ＠ ｜) that spreadsheets
 * normalise to them, also after leading spaces.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@|\uFF1D\uFF0B\uFF0D\uFF20\uFF5C]|^[\t\r\n]/;

function csvCell(value: CsvValue): string {
  if (value === null) return '""';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  const safe = typeof value === 'string' && FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const PROJECT_CSV_HEADER = [
  'xla_id',
  'xla',
  'row',
  'day',
  'indicator',
  'score',
  'lower',
  'upper',
  'n',
  'rate',
  'status',
  'confidence',
  'target',
] as const;

export function projectCsv(cards: readonly Scorecard[]): string {
  const rows: CsvValue[][] = [[...PROJECT_CSV_HEADER]];
  for (const c of cards) {
    const range = `${c.range.from}..${c.range.to}`;
    rows.push([
      c.xlaId,
      c.name,
      'window',
      range,
      null,
      c.score,
      c.interval?.lower ?? null,
      c.interval?.upper ?? null,
      c.sampleSize,
      null,
      c.status,
      c.confidence,
      c.targetScore,
    ]);
    for (const d of c.daily)
      rows.push([
        c.xlaId,
        c.name,
        'day',
        d.day,
        null,
        d.score,
        null,
        null,
        d.sampleSize,
        null,
        null,
        null,
        c.targetScore,
      ]);
    for (const i of c.indicators) {
      rows.push([
        c.xlaId,
        c.name,
        'indicator',
        range,
        i.id,
        i.score,
        i.scoreInterval?.lower ?? null,
        i.scoreInterval?.upper ?? null,
        i.n,
        i.rate,
        null,
        null,
        i.target,
      ]);
    }
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
