/**
 * Intl formatters, made once per locale and options and then kept. Making one loads the locale's
 * data and is slow; using one is cheap. A view that made one per table row spent tens of
 * milliseconds of its first render on it. Each is the formatter `new Intl.X(locale, options)` makes:
 * Intl formatters keep no state between calls, so sharing one changes no output.
 */
const kept = new Map<string, object>();
/** Locales × option shapes in use are few; the cap keeps any unforeseen mix from growing it for ever. */
const MAX_KEPT = 512;

function keep<T extends object>(kind: string, locale: string, options: object | undefined, make: () => T): T {
  const key = `${kind}\u0000${locale}\u0000${JSON.stringify(options ?? null)}`;
  const found = kept.get(key);
  if (found !== undefined) return found as T;
  const made = make();
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, made);
  return made;
}

export function numberFormat(locale: string, options?: Intl.NumberFormatOptions): Intl.NumberFormat {
  return keep('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

export function dateTimeFormat(locale: string, options?: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return keep('date', locale, options, () => new Intl.DateTimeFormat(locale, options));
}

export function relativeTimeFormat(locale: string, options?: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat {
  return keep('relative', locale, options, () => new Intl.RelativeTimeFormat(locale, options));
}

export function listFormat(locale: string, options?: Intl.ListFormatOptions): Intl.ListFormat {
  return keep('list', locale, options, () => new Intl.ListFormat(locale, options));
}

export function displayNames(locale: string, options: Intl.DisplayNamesOptions): Intl.DisplayNames {
  return keep('names', locale, options, () => new Intl.DisplayNames(locale, options));
}
