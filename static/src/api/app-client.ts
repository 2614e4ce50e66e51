import { forgeHost } from '../host/forge-host';
import { ViewContextSchema } from '../host/host';
import type { Prefetch } from './prefetch';
import { createClient } from './client';

/**
 * The app's one typed client in the browser, shared by the entry's early prefetch and the app
 * shell, so the view's first loads find the calls the prefetch started. Browser only (it wraps
 * `@forge/bridge`); tests give the app a client over a fake host instead.
 */
export const appClient = createClient(forgeHost);

/** Runs a view's prefetch as soon as its chunk is in, with the context as Jira sent it. */
export function prefetchWith(prefetch: Prefetch, rawContext: unknown): void {
  const context = ViewContextSchema.safeParse(rawContext);
  if (context.success) prefetch(appClient, context.data);
}
