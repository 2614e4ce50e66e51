/**
 * The local Forge host for integration tests, with the app's clock pinned to the site's clock.
 *
 * The app reads time from `Date.now()` (as on Forge); the host's simulated site clock only moves
 * Jira's timestamps. Faking `Date` alone (timers stay real, so the host's pumps still run) keeps
 * both on the same instant, so "now" in an ask and "when" in a Jira event agree.
 */
import { vi } from 'vitest';
import { startHost, type HostOptions, type RunningHost } from '../../../local/index';
import type { Envelope } from '../../../src/contracts';

export const T0 = Date.UTC(2026, 0, 5, 9); // Monday 5 January 2026, 09:00 UTC
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface TestHost extends RunningHost {
  /** Moves the site clock and the app's clock together. */
  advanceBoth(ms: number): void;
  /** Calls a resolver and returns its envelope (fails the test if the invocation itself failed). */
  call<T = unknown>(
    moduleKey: string,
    name: string,
    payload: unknown,
    as: string,
    extension?: Record<string, unknown>,
  ): Promise<Envelope<T>>;
  /** KVS writes made by the last invocation of that cause. */
  entity(name: string): Array<{ key: string; value: unknown }>;
}

export async function startTestHost(
  options: Pick<HostOptions, 'concurrency' | 'latency' | 'latencyMode'> = {},
): Promise<TestHost> {
  vi.useFakeTimers({ toFake: ['Date'], now: T0 });
  const h = await startHost({
    dataDir: ':memory:',
    seed: 'basic',
    clock: T0,
    delayScale: 0,
    scheduler: false,
    concurrency: options.concurrency ?? 4,
    ...(options.latency !== undefined ? { latency: options.latency } : {}),
    ...(options.latencyMode !== undefined ? { latencyMode: options.latencyMode } : {}),
  });
  return Object.assign(h, {
    advanceBoth(ms: number) {
      h.site.advance(ms);
      vi.setSystemTime(Date.now() + ms);
    },
    async call<T>(
      moduleKey: string,
      name: string,
      payload: unknown,
      as: string,
      extension: Record<string, unknown> = {},
    ): Promise<Envelope<T>> {
      const r = await h.invoke(moduleKey, name, payload, as, extension);
      if (!r.ok) throw r.error ?? new Error(`${name} failed`);
      return r.value as Envelope<T>;
    },
    entity(name: string) {
      return h.host.kvs.dump('entity', name);
    },
  });
}

export async function stopTestHost(h: TestHost | undefined): Promise<void> {
  await h?.close();
  vi.useRealTimers();
}

/** Every stored KVS row (plain and entity) as one comparable snapshot. */
export function storageSnapshot(h: TestHost): string {
  const entities = ['ticket', 'ask', 'rollup', 'audit', 'account', 'doc'];
  return JSON.stringify(entities.map((e) => [e, h.entity(e)]));
}

export function unwrap<T>(env: Envelope<T>): T {
  if (!env.ok) throw new Error(`expected ok, got ${env.error.code}: ${env.error.message}`);
  return env.data;
}

export const MODULE = {
  portal: 'sentio-portal-survey',
  agent: 'sentio-issue-panel',
  admin: 'sentio-admin-page',
  project: 'sentio-project-page',
} as const;
