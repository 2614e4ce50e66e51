// The two globals `@forge/*` read: `__forge_runtime__` (app context, remaining time, metrics) and
// `__forge_fetch__` (KVS, product REST, platform GraphQL/queues). Both read the current invocation
// from AsyncLocalStorage, so concurrent invocations in one process never see each other's context.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { InvocationMetrics } from './metrics.js';

export interface ForgeRuntime {
  appContext: {
    appId: string;
    appVersion: string;
    environmentId: string;
    environmentType: string;
    invocationId: string;
    installationId: string;
    moduleKey: string;
    license: { isActive: boolean } | undefined;
    installation: { ari: string; contexts: unknown[] } | undefined;
    permissions: { scopes: string[]; external: Record<string, unknown> };
  };
  lambdaContext: { getRemainingTimeInMillis: () => number };
  metrics: {
    counter: (name: string, tags?: unknown) => { incr: () => void; decr: () => void };
    timing: (name: string, tags?: unknown) => { measure: () => { stop: (tags?: unknown) => void } };
    gauge: (name: string, tags?: unknown) => { set: (v: number) => void };
  };
  contextAri: string;
  proxy: { token: string; url: string };
  tracing: { traceId: string; spanId: string };
  externalAuth: unknown[];
}

/** What one invocation carries through its async work. */
export interface InvocationStore {
  host: PlatformHandler;
  runtime: ForgeRuntime;
  metrics: InvocationMetrics;
  /** The person the platform acts for in `asUser()` without an id (resolvers), if any. */
  principalAccountId: string | undefined;
  deadline: number;
  /** Set when the function's time limit passed: later platform calls fail, as on a frozen lambda. */
  expired: boolean;
}

/** A host instance answers the platform calls; the globals route to it. */
export interface PlatformHandler {
  platformFetch(store: InvocationStore, target: Record<string, unknown>, path: string, init: RequestInitLike | undefined): Promise<Response>;
  defaultStore(): InvocationStore;
}

export interface RequestInitLike {
  method?: string;
  body?: unknown;
  headers?: unknown;
}

export const invocationStorage = new AsyncLocalStorage<InvocationStore>();

let defaultHost: PlatformHandler | undefined;

const NOOP_METRICS: ForgeRuntime['metrics'] = {
  counter: () => ({ incr: () => undefined, decr: () => undefined }),
  timing: () => ({ measure: () => ({ stop: () => undefined }) }),
  gauge: () => ({ set: () => undefined }),
};

export function noopMetrics(): ForgeRuntime['metrics'] {
  return NOOP_METRICS;
}

function currentStore(): InvocationStore | undefined {
  return invocationStorage.getStore() ?? defaultHost?.defaultStore();
}

let installed = false;

/** Installs the globals once per process; `setDefaultHost` picks the host used outside invocations. */
export function installGlobals(): void {
  if (installed) return;
  installed = true;
  const g = globalThis as Record<string, unknown>;
  Object.defineProperty(g, '__forge_runtime__', {
    configurable: true,
    get: () => currentStore()?.runtime,
  });
  g.__forge_fetch__ = async (target: unknown, path: unknown, init: unknown): Promise<Response> => {
    const store = currentStore();
    if (!store) throw new Error('Forge runtime not found: no local host is running.');
    if (typeof target !== 'object' || target === null || typeof path !== 'string') throw new TypeError('__forge_fetch__(target, path, init): bad arguments');
    return store.host.platformFetch(store, target as Record<string, unknown>, path, init as RequestInitLike | undefined);
  };
}

export function setDefaultHost(host: PlatformHandler | undefined): void {
  defaultHost = host;
}

export function getDefaultHost(): PlatformHandler | undefined {
  return defaultHost;
}
