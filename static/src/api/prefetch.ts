import type { ViewContext } from '../host/host';
import type { Client } from './client';

/**
 * Starts the calls a view makes when it mounts, with the same payloads, so they run while its
 * chunk downloads. It must match the view's `useCall`s: a payload that differs is simply called
 * again by the view. Each view's `*.prefetch.ts` exports one; app/view-chunks.ts loads them.
 */
export type Prefetch = (client: Client, context: ViewContext) => void;
