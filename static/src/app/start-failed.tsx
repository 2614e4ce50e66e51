import { type Locale, negotiateLocale } from '@domain/i18n';
import { useEffect } from 'react';
import { Notice } from '../ui/notice';
import de from '../../../locales/start/de-DE.json';
import en from '../../../locales/start/en-US.json';
import es from '../../../locales/start/es-ES.json';
import fr from '../../../locales/start/fr-FR.json';
import ja from '../../../locales/start/ja-JP.json';
import ptBR from '../../../locales/start/pt-BR.json';

/**
 * These words are bundled with the entry, every locale (a few hundred bytes): this page shows when
 * the bridge gave no context, so neither the context's locale nor Forge's translation files (reached
 * through that same bridge) can be had. See `startFailedLocale` for the language.
 */
const WORDS: Readonly<Record<Locale, typeof en>> = {
  'en-US': en,
  'de-DE': de,
  'fr-FR': fr,
  'es-ES': es,
  'ja-JP': ja,
  'pt-BR': ptBR,
};

/**
 * Without Jira's context the browser's preferred languages are the best guess at the reader's:
 * Jira's own language usually follows them. The first one Sentio ships wins; English otherwise,
 * as manifest.yml's default fallback does.
 */
export function startFailedLocale(languages: readonly string[]): Locale {
  return negotiateLocale(...languages);
}

/** Shown when Jira never gave the view its context: without it no view can be picked. */
export function StartFailed({ languages = navigator.languages }: { languages?: readonly string[] }) {
  const locale = startFailedLocale(languages);
  const words = WORDS[locale].startFailed;
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
