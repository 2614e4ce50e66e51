// The UI's message catalogue without React (the glance is plain DOM): English fallbacks by area,
// Forge's translation function under the ICU formatter, and the document's language and direction.
import {
  createTranslator,
  DEFAULT_LOCALE,
  directionOf,
  negotiateLocale,
  type ForgeTranslate,
  type Translator,
} from '@domain/i18n';
import type { Host } from '../host/host';
import { lookup, type Tree } from './tree';

export type { Tree } from './tree';

/** The English message file once loaded (`addEnglish`): the fallback when the platform's files are not. */
const english: { [area: string]: Tree } = {};

export function addEnglish(areas: { readonly [area: string]: Tree }): void {
  Object.assign(english, areas);
}

/**
 * English, for when the bridge cannot give the platform's files, and for component tests. The
 * platform's files are the same locales/*.json; this copy is not in any view's first load (the
 * views stay within their size budget): `loadMessages` fetches it on demand, only on that failure.
 */
export const englishMessages: Translator = createTranslator('en-US', (key) => lookup(english, key) ?? key);

async function englishFallback(): Promise<Translator> {
  const en = (await import('../../../locales/en-US.json')).default as Tree;
  addEnglish(en as { readonly [area: string]: Tree });
  return englishMessages;
}

/**
 * The page's translator: Forge's own `t` (mirror/apis-reference/ui-api-bridge/i18n/index.md, the
 * context's locale and the manifest's fallback rules) under the ICU formatter. English when the
 * host has no translations or they fail to load: the view still works, in English.
 */
export async function loadMessages(
  host: Pick<Host, 'translate'>,
  context: { readonly locale?: string | undefined },
): Promise<Translator> {
  const locale = negotiateLocale(context.locale);
  if (host.translate === undefined) return englishFallback();
  let t: ForgeTranslate;
  try {
    t = await host.translate();
  } catch {
    return englishFallback();
  }
  return createTranslator(locale, t);
}

/**
 * `lang` and `dir` of the frame's document from the context's locale as given — so an Arabic
 * context lays the page out right to left even though its words fall back to English.
 */
export function applyDocumentLanguage(doc: Document, context: { readonly locale?: string | undefined }): void {
  const raw = context.locale ?? DEFAULT_LOCALE;
  // The language the words are in (English where the locale is not shipped), the direction of the locale.
  doc.documentElement.lang = negotiateLocale(raw);
  doc.documentElement.dir = directionOf(raw);
}
