/** Display helpers: rounding happens only here (SCORING.md: keep floats, round for display). */
import { dateTimeFormat, numberFormat } from '@domain/i18n/formatters';

/** "Dec 5" in the reader's locale ("5. Dez." in de-DE), for chart axes; `medium` keeps the year. */
export function formatChartDate(locale: string, at: number, style: 'medium' | 'short' = 'short'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'medium' ? { dateStyle: 'medium' } : { month: 'short', day: 'numeric' };
  return dateTimeFormat(locale, options).format(at);
}

export function formatScore(score: number): string {
  return score.toFixed(0);
}

// The formatter the domain's `formatPercent` uses (whole percentages), so one is kept for both.
const percentFormat = (locale: string): Intl.NumberFormat =>
  numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

/** A range of rates with the locale's own range sign and spacing: "10%–45%", "10–45 %", "10% ～ 45%". */
export function formatPercentRange(locale: string, lower: number, upper: number): string {
  return percentFormat(locale).formatRange(lower, upper);
}

/** Two decimals in the reader's locale: "0.54", "0,54". */
export function formatHundredths(locale: string, x: number): string {
  return numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
}

/** A comment mood (−1..+1) with two decimals and a true minus sign: "−0.54", "−0,54". */
export function formatMood(locale: string, mood: number): string {
  return formatHundredths(locale, mood).replace('-', '−');
}

export function formatSigned(delta: number, digits = 0): string {
  const text = delta.toFixed(digits);
  return delta > 0 ? `+${text}` : text;
}
