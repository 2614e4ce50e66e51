import { z } from 'zod';

/**
 * The locales Sentio ships a message file for (manifest.yml `translations.resources`, locales/*.json).
 * Each is a Forge supported locale code (mirror/manifest-reference/translations/index.md: a resource
 * key must be one). en-US is the default fallback and holds every key.
 */
export const SUPPORTED_LOCALES = ['en-US', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'pt-BR'] as const;
export const LocaleSchema = z.enum(SUPPORTED_LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;
export const DEFAULT_LOCALE = 'en-US' satisfies Locale;

/** The locales a survey plan may word its question in beside English (the fallback). */
export const TRANSLATED_LOCALES = ['de-DE', 'fr-FR', 'es-ES', 'ja-JP', 'pt-BR'] as const satisfies readonly Locale[];
export const TranslatedLocaleSchema = z.enum(TRANSLATED_LOCALES);
export type TranslatedLocale = z.infer<typeof TranslatedLocaleSchema>;

/** Locales whose text runs right to left; none is shipped yet, but layout follows the document's `dir`. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/**
 * The shipped locale for a locale tag from any of the places one arrives: the Forge context
 * (`de-DE`), a Jira profile (`de_DE`, may be null — the user's privacy setting), an Accept-Language
 * entry (`de`, `pt-PT`). An exact match wins; otherwise the first shipped locale of the same
 * language. null when no shipped locale shares the language.
 */
export function matchLocale(raw: string | null | undefined): Locale | null {
  if (typeof raw !== 'string') return null;
  const tag = raw.trim().replace(/_/g, '-').toLowerCase();
  if (tag === '') return null;
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === tag);
  if (exact) return exact;
  const language = tag.split('-')[0];
  return SUPPORTED_LOCALES.find((l) => l.toLowerCase().split('-')[0] === language) ?? null;
}

/** The first candidate that matches a shipped locale, else the default. */
export function negotiateLocale(...candidates: ReadonlyArray<string | null | undefined>): Locale {
  for (const c of candidates) {
    const m = matchLocale(c);
    if (m) return m;
  }
  return DEFAULT_LOCALE;
}

/** The tags of an HTTP Accept-Language header, best first (RFC 9110 §12.5.4); `*` and q=0 dropped. */
export function acceptedLanguages(header: string | null | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((x) => x.tag !== '' && x.tag !== '*' && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((x) => x.tag);
}

/** Text direction of a locale tag (any tag, shipped or not: an Arabic browser with English strings). */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const language = tag.replace(/_/g, '-').toLowerCase().split('-')[0] ?? '';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
