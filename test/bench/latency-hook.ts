/**
 * Turns the host's latency model (`local/latency.ts`, `LocalHost.latency`) on for a running local
 * host, and keeps every platform call of every invocation (what it was, when it was sent and
 * answered), so the bench can report the round trips on an invocation's critical path. Modes:
 * `wait` (delays waited out: wall times under the model are measured) and `account` (delays
 * recorded, not waited: the time under the model is estimated), as `LatencyModel` describes.
 */
import type { LocalHost } from '../../local/host';
import {
  type CallSpan,
  criticalPath,
  LATENCY_PROFILES,
  type LatencyModel,
  type LatencyProfile,
} from '../../local/latency';

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

export function attachLatency(
  host: LocalHost,
  opts: { profile?: LatencyProfile; mode?: LatencyModel['mode'] } = {},
): LatencyHook {
  const model = host.latency;
  const before = { on: host.latencyOn, profile: model.profile, mode: model.mode };
  model.profile = opts.profile ?? LATENCY_PROFILES.none;
  model.mode = opts.mode ?? 'wait';
  host.latencyOn = true;
  const byInvocation = new Map<string, CallSpan[]>();
  const stop = host.onPlatformCall((id, span) => {
    const list = byInvocation.get(id);
    if (list) list.push(span);
    else byInvocation.set(id, [span]);
  });
  return {
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
      stop();
      host.latencyOn = before.on;
      model.profile = before.profile;
      model.mode = before.mode;
    },
  };
}
