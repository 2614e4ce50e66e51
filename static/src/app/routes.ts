import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { Client } from '../api/client';
import { startCallWith } from '../api/prefetch';
import type { ModuleKey, ViewContext } from '../host/host';
import { chunksFor, VIEW_CHUNKS } from './view-chunks';

type LazyView = LazyExoticComponent<ComponentType>;

// One lazy component per chunk: the admin page and project settings share theirs.
const byLoader = new Map<unknown, LazyView>();
export const VIEWS: Readonly<Record<ModuleKey, LazyView>> = Object.fromEntries(
  Object.entries(VIEW_CHUNKS).map(([key, chunks]) => {
    let view = byLoader.get(chunks);
    if (view === undefined) {
      view = lazy(chunks.view);
      byLoader.set(chunks, view);
    }
    return [key, view];
  }),
) as Record<ModuleKey, LazyView>;

export function viewFor(moduleKey: string): LazyView | null {
  return Object.hasOwn(VIEWS, moduleKey) ? VIEWS[moduleKey as ModuleKey] : null;
}

/**
 * Called once the module key is known, before anything renders: starts the view's first round of
 * invokes through `client` (the entry has normally sent them already: the bridge then hands over
 * the answers on their way instead of calling again) and its chunk download.
 */
export function startView(context: ViewContext, client: Client): void {
  const chunks = chunksFor(context.moduleKey);
  if (chunks === null) return;
  // A failed download surfaces when the lazy view renders (the crash guard shows it).
  chunks.view().catch(() => undefined);
  try {
    chunks.prefetch(
      startCallWith((name, payload) => client.prefetch({ name }, payload)),
      context,
    );
  } catch {
    // Without the prefetch the view simply makes its calls when it mounts.
  }
}
