import {
  createTranslator,
  DEFAULT_LOCALE,
  type Locale,
  type MessageKey,
  type MessageValues,
  type Translator,
} from '@domain/i18n';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type englishFile from '../../../../locales/admin/en-US.json';
import { useMessages } from '../../i18n/messages';
import { lookup, type Tree } from '../../i18n/tree';
import { ViewSkeleton } from '../../ui/view-skeleton';
import { ADMIN_FILES } from './admin-files';
import { displayNames } from '@domain/i18n/formatters';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the admin's message files (locales/admin/*.json), without its "admin." prefix. */
export type AdminKey = Leaves<(typeof englishFile)['admin']>;
export type AdminT = (key: AdminKey, values?: MessageValues) => string;

type Load = () => Promise<{ default: unknown }>;

/** The requester's message files (manifest.yml `translations`), for the plan preview in each locale. */
const PORTAL_FILES: Readonly<Record<Locale, Load>> = {
  'en-US': () => import('../../../../locales/en-US.json'),
  'de-DE': () => import('../../../../locales/de-DE.json'),
  'fr-FR': () => import('../../../../locales/fr-FR.json'),
  'es-ES': () => import('../../../../locales/es-ES.json'),
  'ja-JP': () => import('../../../../locales/ja-JP.json'),
  'pt-BR': () => import('../../../../locales/pt-BR.json'),
};

function cached(files: Readonly<Record<Locale, Load>>) {
  const loaded = new Map<Locale, Promise<Translator>>();
  const load = (locale: Locale): Promise<Translator> => {
    let p = loaded.get(locale);
    if (p === undefined) {
      // English is the fallback of every key, as in manifest.yml's `fallback.default`.
      const english = locale === DEFAULT_LOCALE ? Promise.resolve(null) : load(DEFAULT_LOCALE);
      p = Promise.all([files[locale](), english]).then(([file, en]) => {
        const tree = file.default as Tree;
        return createTranslator(locale, (key) => lookup(tree, key) ?? (en !== null ? en.t(key as MessageKey) : key));
      });
      loaded.set(locale, p);
    }
    return p;
  };
  return load;
}

/** One locale's admin words (English where a key is missing). */
export const loadAdminCatalogue = cached(ADMIN_FILES);
/** One locale's requester words: the portal form as a requester reading that locale sees it. */
export const loadCatalogue = cached(PORTAL_FILES);

export function adminT(m: Translator): AdminT {
  return (key, values) => m.t(`admin.${key}` as MessageKey, values);
}

const AdminContext = createContext<AdminT | null>(null);

/** The admin page's words in the person's language (the Forge context's locale). */
export function useAdminT(): AdminT {
  const t = useContext(AdminContext);
  if (t === null) throw new Error('useAdminT outside AdminMessages');
  return t;
}

/** Loads the admin words for the page's locale (the same one the rest of the page is in), then shows the page. */
export function AdminMessages({ children }: { children: ReactNode }) {
  const { locale } = useMessages();
  const [t, setT] = useState<{ locale: Locale; t: AdminT } | null>(null);
  useEffect(() => {
    let live = true;
    void loadAdminCatalogue(locale).then((m) => {
      if (live) setT({ locale, t: adminT(m) });
    });
    return () => {
      live = false;
    };
  }, [locale]);
  if (t === null || t.locale !== locale) return <ViewSkeleton lines={6} />;
  return <AdminContext.Provider value={t.t}>{children}</AdminContext.Provider>;
}

/** A locale's language in the reader's words ("German", "Deutsch"), from Intl. */
export function languageName(locale: Locale, reader: Locale): string {
  const tag = locale === 'pt-BR' ? locale : (locale.split('-')[0] ?? locale);
  return displayNames(reader, { type: 'language' }).of(tag) ?? locale;
}
