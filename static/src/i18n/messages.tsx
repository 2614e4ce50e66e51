import {
  createTranslator,
  DEFAULT_LOCALE,
  directionOf,
  negotiateLocale,
  type ForgeTranslate,
  type Translator,
} from '@domain/i18n';
import { createContext, type ReactNode, useContext } from 'react';
import en from '../../../locales/en-US.json';
import type { Host, ViewContext } from '../host/host';

type Tree = { readonly [key: string]: string | Tree };

/** A key in one message file as Forge reads it: the flattened key first, then the nested path. */
function lookup(tree: Tree, key: string): string | null {
  const flat = tree[key];
  if (typeof flat === 'string') return flat;
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : null;
}

/**
 * English, bundled with the UI: what a view shows before the platform's files are in, when the bridge
 * cannot give them, and in component tests. The platform's files are the same locales/*.json.
 */
export const englishMessages: Translator = createTranslator('en-US', (key) => lookup(en as Tree, key) ?? key);

const MessagesContext = createContext<Translator>(englishMessages);

export function MessagesProvider({ messages, children }: { messages: Translator; children: ReactNode }) {
  return <MessagesContext.Provider value={messages}>{children}</MessagesContext.Provider>;
}

/** The messages of the person's language (the Forge context's locale), English where none is shipped. */
export function useMessages(): Translator {
  return useContext(MessagesContext);
}

/**
 * The page's translator: Forge's own `t` (mirror/apis-reference/ui-api-bridge/i18n/index.md, the
 * context's locale and the manifest's fallback rules) under the ICU formatter. English when the
 * host has no translations or they fail to load: the view still works.
 */
export async function loadMessages(host: Host, context: ViewContext): Promise<Translator> {
  const locale = negotiateLocale(context.locale);
  if (host.translate === undefined) return englishMessages;
  let t: ForgeTranslate;
  try {
    t = await host.translate();
  } catch {
    return englishMessages;
  }
  return createTranslator(locale, t);
}

/**
 * `lang` and `dir` of the frame's document from the context's locale as given — so an Arabic
 * context lays the page out right to left even though its words fall back to English.
 */
export function applyDocumentLanguage(doc: Document, context: ViewContext): void {
  const raw = context.locale ?? DEFAULT_LOCALE;
  // The language the words are in (English where the locale is not shipped), the direction of the locale.
  doc.documentElement.lang = negotiateLocale(raw);
  doc.documentElement.dir = directionOf(raw);
}
