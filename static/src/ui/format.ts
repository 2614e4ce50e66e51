/** Display helpers: rounding happens only here (SCORING.md: keep floats, round for display). */

// Intl formatters are costly to create (locale data): made on first use, not when a view loads.
const dayMonth = new Map<string, Intl.DateTimeFormat>();

/** "Dec 5" in the reader's locale ("5. Dez." in de-DE), for chart axes; `medium` keeps the year. */
export function formatChartDate(locale: string, at: number, style: 'medium' | 'short' = 'short'): string {
  if (style === 'medium') return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(at);
  let format = dayMonth.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' });
    dayMonth.set(locale, format);
  }
  return format.format(at);
}

export function formatScore(score: number): string {
  return score.toFixed(0);
}

const percents = new Map<string, Intl.NumberFormat>();
function percentFormat(locale: string): Intl.NumberFormat {
  let format = percents.get(locale);
  if (format === undefined) percents.set(locale, (format = new Intl.NumberFormat(locale, { style: 'percent' })));
  return format;
}

/** A rate 0..1 as a whole percentage in the reader's locale: "30%" (en-US), "30 %" (de-DE, fr-FR). */
export function formatPercent(locale: string, rate: number): string {
  return percentFormat(locale).format(rate);
}

/** A range of rates with the locale's own range sign and spacing: "10%–45%", "10–45 %", "10% ～ 45%". */
export function formatPercentRange(locale: string, lower: number, upper: number): string {
  return percentFormat(locale).formatRange(lower, upper);
}

export function formatSigned(delta: number, digits = 0): string {
  const text = delta.toFixed(digits);
  return delta > 0 ? `+${text}` : text;
}
