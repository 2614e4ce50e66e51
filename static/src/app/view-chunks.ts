import type { ComponentType } from 'react';
import { type Prefetch, type PrefetchContext, startCallWith } from '../api/prefetch';
import type { ModuleKey } from '../host/host';
import { type Area, prefetchArea } from '../i18n/area-files';
import { prefetchAdminWords } from '../views/admin/admin-files';
import { prefetch as adminFirst } from '../views/admin/admin-page.prefetch';
import { prefetch as issueFirst } from '../views/issue/issue-panel.prefetch';
import { prefetch as portalFirst } from '../views/portal/portal-survey.prefetch';
import { prefetch as projectFirst } from '../views/project/project-page.prefetch';
import { prefetch as gadgetFirst } from '../views/project/scorecard-gadget.prefetch';

export type ViewModule = Promise<{ default: ComponentType }>;

interface ViewChunk {
  /** The view (the module loader keeps one copy, however often it is called). */
  readonly view: () => ViewModule;
  /**
   * Its first calls, by name: no schema and no component, so they are part of the entry and start
   * the moment the context arrives, before the view's chunk or zod is even downloaded.
   */
  readonly prefetch: Prefetch;
  /** Starts the download of the view's own words (in the context's locale) beside its first calls. */
  readonly words?: (locale: unknown) => void;
}

const admin: ViewChunk = {
  view: () => import('../views/admin/admin-page'),
  prefetch: adminFirst,
  words: prefetchAdminWords,
};
const wordsOf = (area: Area) => (locale: unknown) => prefetchArea(area, locale);

/**
 * The chunks of each module's view. This table is tiny and in the entry, so the entry can start
 * downloading a view as soon as the context names the module, while React and the app still load.
 * One lazily loaded chunk per surface: the portal panel never downloads the admin editors, and
 * the gadget never downloads the survey editors. Two modules that show the same thing share one.
 */
export const VIEW_CHUNKS: Readonly<Record<ModuleKey, ViewChunk>> = {
  'sentio-issue-panel': {
    view: () => import('../views/issue/issue-panel'),
    prefetch: issueFirst,
    words: wordsOf('issue'),
  },
  'sentio-project-page': {
    view: () => import('../views/project/project-page'),
    prefetch: projectFirst,
    words: wordsOf('project'),
  },
  // Project settings shows the same editors as the admin page, scoped to the project.
  'sentio-project-settings': admin,
  'sentio-admin-page': admin,
  'sentio-scorecard-gadget': {
    view: () => import('../views/project/scorecard-gadget'),
    prefetch: gadgetFirst,
    words: wordsOf('project'),
  },
  'sentio-portal-survey': { view: () => import('../views/portal/portal-survey'), prefetch: portalFirst },
};

export function chunksFor(moduleKey: unknown): ViewChunk | null {
  return typeof moduleKey === 'string' && Object.hasOwn(VIEW_CHUNKS, moduleKey)
    ? VIEW_CHUNKS[moduleKey as ModuleKey]
    : null;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * What a prefetch reads of the context, from the context as Jira sent it: the entry runs before
 * zod is loaded. Anything of another shape is left out, and the view then makes that call itself
 * (the app shell checks the whole context with `ViewContextSchema`).
 */
export function prefetchContextOf(raw: unknown): PrefetchContext {
  const extension = isRecord(raw) && isRecord(raw['extension']) ? raw['extension'] : {};
  const { entryPoint, gadgetConfiguration } = extension;
  const locale = isRecord(raw) ? raw['locale'] : undefined;
  return {
    ...(typeof locale === 'string' ? { locale } : {}),
    extension: {
      ...(typeof entryPoint === 'string' ? { entryPoint } : {}),
      ...(isRecord(gadgetConfiguration) ? { gadgetConfiguration } : {}),
    },
  };
}

/**
 * Called by the entry the moment Jira's context arrives, before React, zod or the view's chunk
 * have been evaluated: starts downloading the view's chunk (with the chunks it imports) and its
 * words, then sends its first invokes (`start`, the bridge's invoke). The downloads are asked for
 * first: they are files a CDN serves at once, and a host that answers files and runs resolvers on
 * one thread (the local host) then does not serve the view's code after its resolvers; the
 * invokes leave a few milliseconds later. A failed download surfaces when the lazy view renders.
 */
export function preloadView(
  rawContext: unknown,
  start: (name: string, payload: Record<string, unknown>) => void,
): void {
  const chunks = chunksFor(isRecord(rawContext) ? rawContext['moduleKey'] : undefined);
  if (chunks === null) return;
  chunks.view().catch(() => undefined);
  chunks.words?.(isRecord(rawContext) ? rawContext['locale'] : undefined);
  try {
    chunks.prefetch(startCallWith(start), prefetchContextOf(rawContext));
  } catch {
    // Without the prefetch the view simply makes its calls when it mounts.
  }
}
