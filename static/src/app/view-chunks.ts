import type { ComponentType } from 'react';
import type { Prefetch } from '../api/prefetch';
import type { ModuleKey } from '../host/host';

export type ViewModule = Promise<{ default: ComponentType }>;
type PrefetchModule = Promise<{ prefetch: Prefetch }>;

interface ViewChunk {
  /** The view (the module loader keeps one copy, however often it is called). */
  readonly view: () => ViewModule;
  /** Its first calls: a tiny chunk with only this view's contracts, which the view needs anyway. */
  readonly data: () => PrefetchModule;
}

const admin: ViewChunk = {
  view: () => import('../views/admin/admin-page'),
  data: () => import('../views/admin/admin-page.prefetch'),
};

/**
 * The chunks of each module's view. This table is tiny and in the entry, so the entry can start
 * downloading a view as soon as the context names the module, while React and the app still load.
 * One lazily loaded chunk per surface: the portal panel never downloads the admin editors, and
 * the gadget never downloads the survey editors. Two modules that show the same thing share one.
 */
export const VIEW_CHUNKS: Readonly<Record<ModuleKey, ViewChunk>> = {
  'sentio-issue-panel': {
    view: () => import('../views/issue/issue-panel'),
    data: () => import('../views/issue/issue-panel.prefetch'),
  },
  'sentio-project-page': {
    view: () => import('../views/project/project-page'),
    data: () => import('../views/project/project-page.prefetch'),
  },
  // Project settings shows the same editors as the admin page, scoped to the project.
  'sentio-project-settings': admin,
  'sentio-admin-page': admin,
  'sentio-scorecard-gadget': {
    view: () => import('../views/project/scorecard-gadget'),
    data: () => import('../views/project/scorecard-gadget.prefetch'),
  },
  'sentio-portal-survey': {
    view: () => import('../views/portal/portal-survey'),
    data: () => import('../views/portal/portal-survey.prefetch'),
  },
};

export function chunksFor(moduleKey: unknown): ViewChunk | null {
  return typeof moduleKey === 'string' && Object.hasOwn(VIEW_CHUNKS, moduleKey)
    ? VIEW_CHUNKS[moduleKey as ModuleKey]
    : null;
}

/**
 * Called by the entry the moment Jira's context arrives, before React has even been evaluated:
 * starts the view's first invokes (its prefetch chunk is tiny) and the download of its chunk.
 * Failures only mean the view makes its calls itself, or shows its crash message.
 */
export function preloadView(rawContext: unknown): void {
  const chunks = chunksFor((rawContext as { moduleKey?: unknown } | null)?.moduleKey);
  if (chunks === null) return;
  Promise.all([import('../api/app-client'), chunks.data()])
    .then(([{ prefetchWith }, { prefetch }]) => prefetchWith(prefetch, rawContext))
    .catch(() => undefined);
  chunks.view().catch(() => undefined);
}
