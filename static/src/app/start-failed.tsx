import { DEFAULT_LOCALE, type Locale, negotiateLocale } from '@domain/i18n';
import { useEffect } from 'react';
import { Notice } from '../ui/notice';
import en from '../../../locales/start/en-US.json';

export type StartFailedWords = typeof en.startFailed;
type StartFile = { default: typeof en };

/**
 * This page shows when the bridge gave no context, so neither the context's locale nor Forge's
 * translation files (reached through that same bridge) can be had. English is bundled with the app
 * shell, so the page can always be drawn; the other languages' words are fetched only when the
 * page shows, one small file, since every view would otherwise carry all six.
 */
const OTHER_FILES: Readonly<Record<Exclude<Locale, typeof DEFAULT_LOCALE>, () => Promise<StartFile>>> = {
  'de-DE': () => import('../../../locales/start/de-DE.json'),
  'fr-FR': () => import('../../../locales/start/fr-FR.json'),
  'es-ES': () => import('../../../locales/start/es-ES.json'),
  'ja-JP': () => import('../../../locales/start/ja-JP.json'),
  'pt-BR': () => import('../../../locales/start/pt-BR.json'),
};

/**
 * Without Jira's context the browser's preferred languages are the best guess at the reader's:
 * Jira's own language usually follows them. The first one Sentio ships wins; English otherwise,
 * as manifest.yml's default fallback does.
 */
export function startFailedLocale(languages: readonly string[]): Locale {
  return negotiateLocale(...languages);
}

export interface StartFailedPage {
  locale: Locale;
  words: StartFailedWords;
}

/**
 * The words for the browser's languages. When their file cannot be fetched (the connection that
 * kept Jira's context away may be down too), the page is shown in English rather than not at all.
 */
export async function startFailedWords(
  languages: readonly string[],
  load: (locale: Exclude<Locale, typeof DEFAULT_LOCALE>) => Promise<StartFile> = (l) => OTHER_FILES[l](),
): Promise<StartFailedPage> {
  const locale = startFailedLocale(languages);
  const english: StartFailedPage = { locale: DEFAULT_LOCALE, words: en.startFailed };
  if (locale === DEFAULT_LOCALE) return english;
  try {
    return { locale, words: (await load(locale)).default.startFailed };
  } catch {
    return english;
  }
}

/** Shown when Jira never gave the view its context: without it no view can be picked. */
export function StartFailed({ locale, words }: StartFailedPage) {
  useEffect(() => {
    // The document's language follows the words, for screen readers and hyphenation.
    document.documentElement.lang = locale;
  }, [locale]);
  return (
    <Notice appearance="error" title={words.title} iconLabel={words.icon}>
      <p>{words.body}</p>
    </Notice>
  );
}
