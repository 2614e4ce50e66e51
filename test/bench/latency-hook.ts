/**
 * Puts the latency model of `local/latency.ts` between the app and a running local host, and
 * records every platform call of every invocation (what it was, when it was sent and answered), so
 * the bench can report the round trips on an invocation's critical path.
 *
 * Two modes:
 * - `sleep`: each call really waits its modelled delay (half before the host answers, half after),
 *   and each bridge `invoke` its own; wall times measured in this mode are wall times under the model;
 * - `virtual`: calls only yield to the event loop once (so calls sent together still overlap and
 *   count once), and an invocation's time under the model is its measured time plus the modelled
 *   delay of its critical path. For runs too long to wait out (the 100k recompute); the bench checks
 *   the estimate against `sleep` on a sample in the same run.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { LocalHost } from '../../local/host';
import {
  type CallSpan,
  callKind,
  criticalPath,
  delayFor,
  LATENCY_PROFILES,
  type LatencyProfile,
  nextStamp,
} from '../../local/latency';
import type { InvocationStore } from '../../local/runtime';

export interface LatencyHook {
  /** Which figures apply; switch to `none` while seeding, to `forge` while measuring. */
  profile: LatencyProfile;
  mode: 'sleep' | 'virtual';
  spans(invocationId: string): readonly CallSpan[];
  /** Sequential round trips and their modelled delay for one invocation. */
  path(invocationId: string): { roundTrips: number; modelledMs: number; calls: number };
  /** The delay one bridge `invoke` adds (0 without a model). */
  invokeMs(): number;
  reset(): void;
  detach(): void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function wait(mode: LatencyHook['mode'], ms: number): Promise<void> {
  if (mode === 'sleep' && ms > 0) await sleep(ms);
  else await yieldToLoop();
}

function bodyBytes(init: { body?: unknown } | undefined): number {
  const b = init?.body;
  return typeof b === 'string' ? Buffer.byteLength(b) : 0;
}

export function attachLatency(
  host: LocalHost,
  opts: { profile?: LatencyProfile; mode?: LatencyHook['mode'] } = {},
): LatencyHook {
  const byInvocation = new Map<string, CallSpan[]>();
  const originalFetch = host.platformFetch.bind(host);
  const originalInvoke = host.invoke.bind(host);
  const hook: LatencyHook = {
    profile: opts.profile ?? LATENCY_PROFILES.none,
    mode: opts.mode ?? 'sleep',
    spans: (id) => byInvocation.get(id) ?? [],
    path: (id) => {
      const spans = byInvocation.get(id) ?? [];
      return { ...criticalPath(spans), calls: spans.length };
    },
    invokeMs: () => hook.profile.perCall.invoke.ms,
    reset: () => byInvocation.clear(),
    detach: () => {
      host.platformFetch = originalFetch;
      host.invoke = originalInvoke;
    },
  };

  host.platformFetch = async (store: InvocationStore, target, path, init): Promise<Response> => {
    const kind = callKind(target, path);
    const { profile, mode } = hook;
    const base = delayFor(profile, kind, 0);
    const sent = nextStamp();
    await wait(mode, base / 2);
    const res = await originalFetch(store, target, path, init);
    // Read the answer to size it; hand the app an identical fresh Response.
    const text = res.status === 204 || res.status === 304 ? '' : await res.text();
    const bytes = bodyBytes(init) + Buffer.byteLength(text);
    const total = delayFor(profile, kind, bytes);
    await wait(mode, total - base / 2);
    const span: CallSpan = { kind, sent, answered: nextStamp(), modelledMs: total };
    const id = store.metrics.invocationId;
    const list = byInvocation.get(id);
    if (list) list.push(span);
    else byInvocation.set(id, [span]);
    return new Response(text === '' ? null : text, { status: res.status, headers: res.headers });
  };

  host.invoke = async (...args: Parameters<LocalHost['invoke']>) => {
    const ms = hook.mode === 'sleep' ? hook.profile.perCall.invoke.ms : 0;
    if (ms > 0) await sleep(ms / 2);
    const result = await originalInvoke(...args);
    if (ms > 0) await sleep(ms / 2);
    return result;
  };

  return hook;
}
