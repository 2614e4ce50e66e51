// The views' own message files, bundled with the UI rather than declared in manifest.yml: Forge caps
// the manifest's translation files at 100 KB combined, and words handled in the frontend have no
// such cap (mirror/manifest-reference/translations/index.md, "Translation files"). Each locale's
// file is a chunk of its own, fetched when the view first renders, beside its first calls' answers
// (which the entry sent already): the entry and the views' chunks carry no words of these areas.
// The entry imports this table (app/view-chunks.ts) to start a view's file with its first invokes,
// so it imports no zod (a type from the locale module only).
import type { Locale } from '@domain/i18n/locale';
import type { Tree } from './tree';

type Load = () => Promise<{ default: unknown }>;

/** Each area's files, by locale; the area's keys all start with its `prefix`. */
const AREAS = {
  issue: {
    prefix: 'issuePanel',
    files: {
      'en-US': () => import('../../../locales/issue/en-US.json'),
      'de-DE': () => import('../../../locales/issue/de-DE.json'),
      'fr-FR': () => import('../../../locales/issue/fr-FR.json'),
      'es-ES': () => import('../../../locales/issue/es-ES.json'),
      'ja-JP': () => import('../../../locales/issue/ja-JP.json'),
      'pt-BR': () => import('../../../locales/issue/pt-BR.json'),
    },
  },
  project: {
    prefix: 'projectPage',
    files: {
      'en-US': () => import('../../../locales/project/en-US.json'),
      'de-DE': () => import('../../../locales/project/de-DE.json'),
      'fr-FR': () => import('../../../locales/project/fr-FR.json'),
      'es-ES': () => import('../../../locales/project/es-ES.json'),
      'ja-JP': () => import('../../../locales/project/ja-JP.json'),
      'pt-BR': () => import('../../../locales/project/pt-BR.json'),
    },
  },
} as const satisfies Record<string, { prefix: string; files: Readonly<Record<Locale, Load>> }>;

export type Area = keyof typeof AREAS;

/** An area's words in one locale. */
export interface AreaWords {
  readonly prefix: string;
  readonly words: Tree;
}

const loaded = new Map<string, Promise<AreaWords>>();

/**
 * An area's words in a shipped locale (the page's translator's, already negotiated from the
 * context: `pt-PT` reads pt-BR): one download per file, however often it is asked for. Every file
 * has every key of the English one (test/i18n/catalogue.test.ts), so no English copy is fetched
 * beside it.
 */
export function loadArea(area: Area, locale: Locale): Promise<AreaWords> {
  const id = `${area}/${locale}`;
  let p = loaded.get(id);
  if (p === undefined) {
    const { prefix, files } = AREAS[area];
    p = files[locale]().then((m) => ({ prefix, words: m.default as Tree }));
    loaded.set(id, p);
    // A failed download may be retried by the next caller.
    p.catch(() => loaded.delete(id));
  }
  return p;
}

/**
 * Starts the download of an area's file the moment Jira's context names the locale, before the
 * view's chunk and React are in (app/view-chunks.ts): the view's `loadArea` then takes the file on
 * its way. Only a tag that is a shipped locale exactly (Jira's context sends `en-US`); any other
 * tag is left to the view, which asks for the negotiated locale's file when it renders.
 */
export function prefetchArea(area: Area, tag: unknown): void {
  if (typeof tag !== 'string' || !Object.hasOwn(AREAS[area].files, tag)) return;
  loadArea(area, tag as Locale).catch(() => undefined);
}
