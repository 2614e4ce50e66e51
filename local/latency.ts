import { setImmediate as yieldToLoop } from 'node:timers/promises';

// A latency model for the local host: on Forge every KVS call, product REST call, queue push and
// bridge `invoke` is a network round trip, while here each is an in-process SQLite read. Off by
// default; `--latency forge` (npm start, the bench) adds a per-call delay with the figures below.
// Each figure says what it rests on and whether it is an assumption (most are: Atlassian publishes
// no latency figures for these calls); `npm run bench` prints them in BENCHMARKS.md ("Latency model").

/** What a platform call is, for the model. */
export type CallKind = 'kvs-read' | 'kvs-write' | 'product-rest' | 'queue-push' | 'invoke' | 'platform';

export interface LatencyFigure {
  /** Added to the call, half on the way out and half on the way back. */
  readonly ms: number;
  /** Measured or documented somewhere we can cite (false), or our own estimate (true). */
  readonly assumption: boolean;
  readonly basis: string;
}

export interface LatencyProfile {
  readonly name: 'none' | 'forge';
  readonly perCall: Readonly<Record<CallKind, LatencyFigure>>;
  /** Added per started 10 KB of request + response beyond the first 10 KB (KVS only). */
  readonly per10Kb: LatencyFigure;
}

const ZERO: LatencyFigure = { ms: 0, assumption: false, basis: 'no model: in-process calls' };

export const LATENCY_PROFILES: Readonly<Record<LatencyProfile['name'], LatencyProfile>> = {
  none: {
    name: 'none',
    perCall: {
      'kvs-read': ZERO,
      'kvs-write': ZERO,
      'product-rest': ZERO,
      'queue-push': ZERO,
      invoke: ZERO,
      platform: ZERO,
    },
    per10Kb: ZERO,
  },
  forge: {
    name: 'forge',
    perCall: {
      'kvs-read': {
        ms: 50,
        assumption: true,
        basis:
          'Forge docs show one KVS get from a Forge container answering with `forge-proxy-upstream-latency: 88` ms (containers-reference/managing-service), from a service hosted only in Germany that the docs say adds up to 100 ms+ to storage calls from other regions (containers-reference/roadmap); a function in the same region as its storage is taken to pay a little over half of that.',
      },
      'kvs-write': {
        ms: 75,
        assumption: true,
        basis:
          'A set, delete, batch or transaction: the 88 ms observation above, less the cross-region share, plus the conditional checks and a write that is stored encrypted and backed up (storage-reference/kvs, "Security and durability"): taken 1.5 × a read. Our estimate.',
      },
      'product-rest': {
        ms: 150,
        assumption: true,
        basis:
          'Jira Cloud REST through the Forge proxy (`asApp`/`asUser`). Atlassian publishes no response times; a Forge consultancy quotes 50–200 ms for a warm function’s response (https://forge-apps.com/blog/atlassian-forge-myths-debunked-2026/, "10 Common Myths Surrounding Atlassian Forge", myth 1); a Jira call also runs permission checks and a database read. Our estimate, towards the top of that range.',
      },
      'queue-push': {
        ms: 75,
        assumption: true,
        basis:
          'A push to the async events API is a write through the same platform proxy as storage (`/webhook/queue/publish`): taken equal to a KVS write. Our estimate.',
      },
      invoke: {
        ms: 200,
        assumption: true,
        basis:
          "Custom UI `invoke`: browser → Atlassian's GraphQL gateway → the function → back, on top of the function's own time (the developer console's invocation time is \"measured from inside the AWS lambda\", monitor-invocation-metrics). Warm-function round trips of 50–200 ms are reported (forge-apps.com, above); the browser-to-edge leg is added. Cold starts (+1–3 s in the same report) are not modelled. Our estimate.",
      },
      platform: {
        ms: 75,
        assumption: true,
        basis: 'Other platform calls (web trigger URLs, personal-data reporting): taken equal to a KVS write.',
      },
    },
    per10Kb: {
      ms: 1,
      assumption: true,
      basis:
        'Transfer time: Forge counts KVS requests in 10 KB units (limits-kvs-ce, "Request size rounding"); 1 ms per 10 KB ≈ 80 Mbit/s effective. Our estimate.',
    },
  },
};

export function latencyProfile(name: string): LatencyProfile {
  if (name === 'none' || name === 'forge') return LATENCY_PROFILES[name];
  throw new Error(`unknown latency profile '${name}' (have: none, forge)`);
}

const KVS_READS = new Set([
  '/api/v1/get',
  '/api/v1/secret/get',
  '/api/v1/entity/get',
  '/api/v1/query',
  '/api/v1/entity/query',
  '/api/v1/batch/get',
]);

/** The model's kind of a `__forge_fetch__` call, from its target and path. */
export function callKind(target: Record<string, unknown>, path: string): CallKind {
  const type = String(target.type ?? '');
  if (type === 'kvs') return KVS_READS.has(path) ? 'kvs-read' : 'kvs-write';
  if (type === 'fpp' && target.remote === 'jira') return 'product-rest';
  if (type === 'fpp' && target.remote === 'stargate' && path.startsWith('/webhook/queue/publish/')) return 'queue-push';
  return 'platform';
}

/** The delay the profile adds to one call of `kind` moving `bytes` (request + response). */
export function delayFor(profile: LatencyProfile, kind: CallKind, bytes = 0): number {
  const units = kind === 'kvs-read' || kind === 'kvs-write' ? Math.max(0, Math.ceil(bytes / 10_240) - 1) : 0;
  return profile.perCall[kind].ms + units * profile.per10Kb.ms;
}

/** One platform call of an invocation, as the host saw it. */
export interface CallSpan {
  readonly kind: CallKind;
  /** Order stamps from one counter shared by every call: when it was sent, when it was answered. */
  readonly sent: number;
  readonly answered: number;
  /** The delay the model adds to it (0 without a model). */
  readonly modelledMs: number;
}

let stamp = 0;
/** The next order stamp: events of different calls never share one, so "sent after answered" is exact. */
export function nextStamp(): number {
  stamp += 1;
  return stamp;
}

/**
 * The critical path of an invocation's platform calls: the longest chain of calls each sent after
 * the previous one was answered. Calls sent together (`Promise.all`) overlap and count once.
 * `roundTrips` is the longest chain by count, `modelledMs` the chain with the most modelled delay
 * (weighted interval scheduling: the most weight over pairwise non-overlapping spans).
 */
export function criticalPath(spans: readonly CallSpan[]): { roundTrips: number; modelledMs: number } {
  return { roundTrips: longestChain(spans, () => 1), modelledMs: longestChain(spans, (s) => s.modelledMs) };
}

function longestChain(spans: readonly CallSpan[], weight: (s: CallSpan) => number): number {
  const byEnd = [...spans].sort((a, b) => a.answered - b.answered);
  const best: number[] = [];
  for (let i = 0; i < byEnd.length; i++) {
    const s = byEnd[i] as CallSpan;
    // The last span answered before this one was sent (binary search over answer stamps).
    let lo = 0;
    let hi = i - 1;
    let p = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((byEnd[mid] as CallSpan).answered < s.sent) {
        p = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const take = weight(s) + (p >= 0 ? (best[p] ?? 0) : 0);
    best.push(Math.max(i > 0 ? (best[i - 1] ?? 0) : 0, take));
  }
  return best.at(-1) ?? 0;
}

/**
 * Applies a profile to calls. `wait`: each call really waits its delay, half before the host
 * answers and half after (so calls sent together overlap, calls sent one after the other add up).
 * `account`: each call only yields to the event loop once on each side (calls sent together still
 * overlap) and its delay is recorded, not waited: an invocation's time under the model is then its
 * measured time plus the modelled delay of its critical path — for runs too long to wait out.
 */
export class LatencyModel {
  constructor(
    public profile: LatencyProfile = LATENCY_PROFILES.none,
    public mode: 'wait' | 'account' = 'wait',
  ) {}

  /** Runs one platform call under the model and reports its span. The answer is handed on unchanged. */
  async around(
    kind: CallKind,
    requestBytes: number,
    call: () => Promise<Response>,
    record: (span: CallSpan) => void,
  ): Promise<Response> {
    const { profile, mode } = this;
    const base = delayFor(profile, kind, 0);
    const sent = nextStamp();
    const start = performance.now();
    await this.pause(mode, base / 2);
    // What the way out really took: a timer that fired late on a busy machine is not paid twice.
    const out = performance.now() - start;
    const res = await call();
    // KVS answers are sized for the transfer term (read and handed on as an identical Response).
    let answer = res;
    let responseBytes = 0;
    if ((kind === 'kvs-read' || kind === 'kvs-write') && profile.per10Kb.ms > 0 && res.body !== null) {
      const text = await res.text();
      responseBytes = Buffer.byteLength(text);
      answer = new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
    }
    const total = delayFor(profile, kind, requestBytes + responseBytes);
    await this.pause(mode, total - out);
    record({ kind, sent, answered: nextStamp(), modelledMs: total });
    return answer;
  }

  /** A bridge `invoke`: the browser's round trip to the function, waited out in `wait` mode. */
  async invoke<T>(call: () => Promise<T>): Promise<T> {
    const ms = this.mode === 'wait' ? this.profile.perCall.invoke.ms : 0;
    if (ms > 0) await sleep(ms / 2);
    const result = await call();
    if (ms > 0) await sleep(ms / 2);
    return result;
  }

  private async pause(mode: LatencyModel['mode'], ms: number): Promise<void> {
    if (mode === 'wait' && ms > 0) await sleep(ms);
    else await yieldToLoop();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
