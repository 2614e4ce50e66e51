/**
 * Puts the host's latency model (`local/latency.ts`) between the app and a running local host, and
 * keeps every platform call of every invocation (what it was, when it was sent and answered), so
 * the bench can report the round trips on an invocation's critical path. Modes: `wait` (delays
 * waited out: wall times under the model are measured) and `account` (delays recorded, not waited:
 * the time under the model is estimated), as `LatencyModel` describes.
 */
import type { LocalHost } from '../../local/host';
import {
  type CallSpan,
  callKind,
  criticalPath,
  LATENCY_PROFILES,
  LatencyModel,
  type LatencyProfile,
} from '../../local/latency';
import type { InvocationStore } from '../../local/runtime';

export interface LatencyHook {
  /** Which figures apply; switch to `none` while seeding, to `forge` while measuring. */
  profile: LatencyProfile;
  mode: LatencyModel['mode'];
  spans(invocationId: string): readonly CallSpan[];
  /** Sequential round trips and their modelled delay for one invocation. */
  path(invocationId: string): { roundTrips: number; modelledMs: number; calls: number };
  reset(): void;
  detach(): void;
}

function bodyBytes(init: { body?: unknown } | undefined): number {
  const b = init?.body;
  return typeof b === 'string' ? Buffer.byteLength(b) : 0;
}

export function attachLatency(
  host: LocalHost,
  opts: { profile?: LatencyProfile; mode?: LatencyModel['mode'] } = {},
): LatencyHook {
  const model = new LatencyModel(opts.profile ?? LATENCY_PROFILES.none, opts.mode ?? 'wait');
  const byInvocation = new Map<string, CallSpan[]>();
  const originalFetch = host.platformFetch.bind(host);
  const originalInvoke = host.invoke.bind(host);
  const hook: LatencyHook = {
    get profile() {
      return model.profile;
    },
    set profile(p) {
      model.profile = p;
    },
    get mode() {
      return model.mode;
    },
    set mode(m) {
      model.mode = m;
    },
    spans: (id) => byInvocation.get(id) ?? [],
    path: (id) => {
      const spans = byInvocation.get(id) ?? [];
      return { ...criticalPath(spans), calls: spans.length };
    },
    reset: () => byInvocation.clear(),
    detach: () => {
      host.platformFetch = originalFetch;
      host.invoke = originalInvoke;
    },
  };
  host.platformFetch = (store: InvocationStore, target, path, init) =>
    model.around(
      callKind(target, path),
      bodyBytes(init),
      () => originalFetch(store, target, path, init),
      (span) => {
        const id = store.metrics.invocationId;
        const list = byInvocation.get(id);
        if (list) list.push(span);
        else byInvocation.set(id, [span]);
      },
    );
  host.invoke = (...args: Parameters<LocalHost['invoke']>) => model.invoke(() => originalInvoke(...args));
  return hook;
}
