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
  /** Where `i18n` of @forge/api reads `__LOCALES__/` (local/i18n.ts). */
  container?: { appCodeDir?: string };
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
  /**
   * What `Date.now()` answers inside this invocation: the host's simulated clock while the site runs
   * on one (seeding, tests with `clock`), else undefined (the system clock). See `installAppClock`.
   */
  clock?: (() => number | undefined) | undefined;
}

/** A host instance answers the platform calls; the globals route to it. */
export interface PlatformHandler {
  platformFetch(
    store: InvocationStore,
    target: Record<string, unknown>,
    path: string,
    init: RequestInitLike | undefined,
  ): Promise<Response>;
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
    if (typeof target !== 'object' || target === null || typeof path !== 'string')
      throw new TypeError('__forge_fetch__(target, path, init): bad arguments');
    // On Forge every such call is network I/O. Answering in-process without ever returning to the
    // event loop would let one invocation's chain of calls starve every timer of the others (their
    // retry back-offs and time limits), which no real deployment does: yield once per call.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return store.host.platformFetch(
      store,
      target as Record<string, unknown>,
      path,
      init as RequestInitLike | undefined,
    );
  };
}

export function setDefaultHost(host: PlatformHandler | undefined): void {
  defaultHost = host;
}

export function getDefaultHost(): PlatformHandler | undefined {
  return defaultHost;
}

// --- the app's clock ------------------------------------------------------------------------------

const BASE_NOW = Symbol.for('sentio.local-host.baseNow');
type NowFn = (() => number) & { [BASE_NOW]?: () => number };

/**
 * Makes `Date.now()` inside an invocation answer the invocation's clock (the host's simulated clock
 * while the site runs on one) and the usual clock everywhere else.
 *
 * The app reads time with `Date.now()`, as it does on Forge, and must not be changed for the host. So
 * the host wraps the `Date.now` of the `Date` that is global when a host starts — deliberately, and
 * only that static method: `new Date()` without arguments and timers keep the system clock. Outside
 * an invocation, and inside one while the site runs on real time, the wrapper calls the original.
 * If something else (vitest's fake timers) replaces the global `Date` later, the next host started
 * wraps that one; the host's own bookkeeping (delivery times, deadlines) reads `hostNow()`, never
 * the simulated clock.
 */
export function installAppClock(): void {
  const D = globalThis.Date;
  const current = D.now as NowFn;
  if (current[BASE_NOW]) return;
  const base = current;
  const now: NowFn = function now(): number {
    const simulated = invocationStorage.getStore()?.clock?.();
    return simulated ?? base.call(D);
  };
  now[BASE_NOW] = base;
  D.now = now;
}

/** The clock the host itself runs on (system time, or vitest's fake `Date`), never an invocation's. */
export function hostNow(): number {
  const n = Date.now as NowFn;
  const base = n[BASE_NOW];
  return base ? base.call(Date) : Date.now();
}
