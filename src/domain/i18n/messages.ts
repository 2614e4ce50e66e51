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
  const compiled = new Map<string, Template | IntlMessageFormat | null>();
  const icu = new Map<string, IntlMessageFormat | null>();
  const full = (key: string): IntlMessageFormat | null => {
    let m = icu.get(key);
    if (m === undefined) {
      try {
        m = new IntlMessageFormat(raw(key), locale, undefined, { ignoreTag: true });
      } catch {
        m = null;
      }
      icu.set(key, m);
    }
    return m;
  };
  const compile = (key: string): Template | IntlMessageFormat | null => {
    let m = compiled.get(key);
    if (m === undefined) {
      m = templateOf(raw(key)) ?? full(key);
      compiled.set(key, m);
    }
    return m;
  };
  return {
    locale,
    t(key, values) {
      const m = compile(key);
      if (m === null) return key;
      const filled = Array.isArray(m) ? fill(m, values) : null;
      if (filled !== null) return filled;
      const f = m instanceof IntlMessageFormat ? m : full(key);
      if (f === null) return key;
      const out = f.format(values);
      return typeof out === 'string' ? out : String(out);
    },
  };
}

/** A message of plain text and `{name}` placeholders only, in order. */
type Template = readonly (string | { readonly name: string })[];

/**
 * `text` as a template when ICU MessageFormat reads it as plain text with simple placeholders:
 * with tags ignored, only braces start syntax and only an apostrophe escapes
 * (https://unicode-org.github.io/icu/userguide/format_parse/messages/). Most of a view's messages
 * are such; they skip the parser and the formatter's locale negotiation, which cost the first
 * render measurable time. Anything else (plural, select, number styles, escapes) is null: ICU's.
 */
function templateOf(text: string): Template | null {
  const parts: (string | { name: string })[] = [];
  let at = 0;
  for (const m of text.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)) {
    parts.push(text.slice(at, m.index), { name: m[1] ?? '' });
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  return parts.every((p) => typeof p !== 'string' || !/[{}']/.test(p)) ? parts : null;
}

/**
 * The template with its values, as ICU fills a simple placeholder: a text or a number as its
 * `String()`. Null when a value is missing or of another kind: ICU then formats it (or says what is
 * missing).
 */
function fill(template: Template, values: MessageValues | undefined): string | null {
  let out = '';
  for (const part of template) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = values !== undefined && Object.hasOwn(values, part.name) ? values[part.name] : undefined;
    if (typeof value !== 'string' && typeof value !== 'number') return null;
    out += String(value);
  }
  return out;
}
