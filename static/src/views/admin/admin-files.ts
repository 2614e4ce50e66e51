// Types only from the locale module: its values import zod, which the entry must not.
import type { Locale } from '@domain/i18n/locale';

/** DEFAULT_LOCALE, which the type below holds to the locale module's. */
const ENGLISH: Locale & 'en-US' = 'en-US';

type Load = () => Promise<{ default: unknown }>;

/**
 * The admin page's words are in their own message files, bundled with the admin page rather than
 * declared in manifest.yml: Forge caps the manifest's translation files at 100 KB combined, and
 * words handled in the frontend have no such cap (mirror/manifest-reference/translations/index.md,
 * "Translation files"). Each file is its own chunk, fetched for the locale the page is read in.
 * This table imports nothing else, so the entry can start a file's download (app/view-chunks.ts).
 */
export const ADMIN_FILES: Readonly<Record<Locale, Load>> = {
  'en-US': () => import('../../../../locales/admin/en-US.json'),
  'de-DE': () => import('../../../../locales/admin/de-DE.json'),
  'fr-FR': () => import('../../../../locales/admin/fr-FR.json'),
  'es-ES': () => import('../../../../locales/admin/es-ES.json'),
  'ja-JP': () => import('../../../../locales/admin/ja-JP.json'),
  'pt-BR': () => import('../../../../locales/admin/pt-BR.json'),
};

/**
 * Starts the download of the admin words the page will show, the moment Jira's context names the
 * locale, beside the view's chunk and its first calls: the page then finds them on their way instead
 * of asking only once it has rendered. English too, the fallback of every key (as the page loads it).
 * Only a tag that is a shipped locale exactly; any other is left to the page, which negotiates it.
 * The module loader keeps one copy of each file, however often it is imported.
 */
export function prefetchAdminWords(tag: unknown): void {
  if (typeof tag !== 'string' || !Object.hasOwn(ADMIN_FILES, tag)) return;
  const locale = tag as Locale;
  for (const l of locale === ENGLISH ? [locale] : [locale, ENGLISH]) ADMIN_FILES[l]().catch(() => undefined);
}
