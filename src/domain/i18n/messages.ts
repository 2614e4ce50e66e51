import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from './locale';

/**
 * Every default message: the manifest's file (locales/en-US.json) and the per-area files the views
 * bundle (locales/issue/en-US.json, locales/project/en-US.json; static/src/i18n/area-files.ts).
 */
type Catalogue = typeof import('../../../locales/en-US.json') &
  typeof import('../../../locales/issue/en-US.json') &
  typeof import('../../../locales/project/en-US.json');

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every message key, in the dotted form Forge's translation function takes ("oneClick.expired.title"). */
export type MessageKey = Leaves<Catalogue>;

/** What an ICU placeholder may be given: text, a number (plural, number) or a time (date, time). */
export type MessageValues = Readonly<Record<string, string | number | Date>>;

/**
 * Forge's translation function (`i18n.createTranslationFunction` of `@forge/api` or `@forge/bridge`):
 * the raw message for a key after Forge's fallback rules, or the key itself when nothing has it.
 */
export type ForgeTranslate = (i18nKey: string, defaultValue?: string) => string;

export interface Translator {
  readonly locale: Locale;
  /** The message in this locale, placeholders filled through ICU MessageFormat (Intl plural rules). */
  t(key: MessageKey, values?: MessageValues): string;
}

/**
 * Forge resolves which file's text a key takes (mirror/manifest-reference/translations/index.md,
 * "Fallback configuration"); Forge's `t` does not fill placeholders, so the raw message is
 * formatted here with intl-messageformat, the ICU implementation the docs' i18next route also uses.
 * A message that fails to parse shows its key, as a missing one does, rather than breaking the page.
 */
export function createTranslator(locale: Locale, raw: ForgeTranslate): Translator {
  const compiled = new Map<string, IntlMessageFormat | string | null>();
  const compile = (key: string): IntlMessageFormat | string | null => {
    let m = compiled.get(key);
    if (m === undefined) {
      const text = raw(key);
      try {
        m = isLiteral(text) ? text : new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
      } catch {
        m = null;
      }
      compiled.set(key, m);
    }
    return m;
  };
  return {
    locale,
    t(key, values) {
      const m = compile(key);
      if (m === null) return key;
      if (typeof m === 'string') return m;
      const out = m.format(values);
      return typeof out === 'string' ? out : String(out);
    },
  };
}

/**
 * Whether ICU MessageFormat reads `text` as itself: with tags ignored, only braces start syntax and
 * only an apostrophe escapes (https://unicode-org.github.io/icu/userguide/format_parse/messages/),
 * so a message with neither is shown as written. Most of a view's labels are such; they skip the
 * parser and the formatter's locale negotiation, which cost the first render measurable time.
 */
function isLiteral(text: string): boolean {
  return !/[{}']/.test(text);
}
