/** Lists edited as text: one item per comma (ids) or per line (chips, which may hold commas). */
export function splitList(text: string, separator: 'comma' | 'line'): string[] {
  return text
    .split(separator === 'comma' ? ',' : '\n')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

export function joinList(items: readonly string[], separator: 'comma' | 'line'): string {
  return items.join(separator === 'comma' ? ', ' : '\n');
}

/** Number inputs keep NaN for an empty box, so the schema says "enter a number" next to it. */
export function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
