/**
 * Delivery of product events as Forge does it, under the suite's control. The host's trigger
 * function is a switch: events Jira emits while a history is played are only captured; the suite
 * then delivers them itself to the app's real handler (src/index.ts, loaded as the host loads it),
 * each delivery its own invocation of the host — in the order, with the copies, the concurrency and
 * the faults it chooses. Like Forge (events-reference/product_events, "Retry product events"): an
 * `InvocationError` is redelivered with `retryContext`, at most 4 times; a throw or a timeout is not.
 */
import { REPO_ROOT } from '../../../local/host';
import type { FaultDecision, FaultTarget } from '../../../local/faults';
import { HandlerRegistry, isRetryRequest, type Handler } from '../../../local/platform';
import { hostNow, invocationStorage, type InvocationStore } from '../../../local/runtime';
import type { RunningHost } from '../../../local/index';
import type { Reordering } from '../reference/history';

export const ISSUE_EVENT_FUNCTION = 'issue-event';
const MAX_RETRIES = 4;
/**
 * An attempt dealt a call that never answers runs with this time limit instead of the trigger's
 * 25 s (the call hangs until the limit; the app must give up before it and ask for a retry).
 */
const SHORT_LIMIT_MS = 1_500;

export type JiraEvent = Readonly<Record<string, unknown>>;

/** A fault one delivery attempt meets: the `failAt`-th platform call of that target fails once. */
export interface AttemptFault {
  readonly target: FaultTarget;
  readonly kind: FaultDecision['kind'];
  readonly failAt: number;
}

export class EventSwitch {
  readonly captured: JiraEvent[] = [];
  /** Events the suite delivers (anything else reaching the trigger comes from the site: captured). */
  private readonly ours = new WeakSet<object>();
  private real: Promise<Handler> | undefined;
  private readonly faultOf = new WeakMap<InvocationStore, { fault: AttemptFault; calls: number }>();
  faultsInjected = 0;

  bind(h: RunningHost): void {
    const fn = h.host.manifest.functions.get(ISSUE_EVENT_FUNCTION);
    if (fn === undefined) throw new Error(`manifest.yml has no function ${ISSUE_EVENT_FUNCTION}`);
    this.real = new HandlerRegistry(REPO_ROOT).resolve(fn);
    // Faults are decided per invocation: the one the current delivery attempt was dealt, if any.
    const injector = h.host.faults;
    const fallback = injector.decide.bind(injector);
    injector.decide = (target, path) => {
      const store = invocationStorage.getStore();
      const planned = store === undefined ? undefined : this.faultOf.get(store);
      if (planned !== undefined && planned.fault.target === target) {
        planned.calls += 1;
        if (planned.calls === planned.fault.failAt) {
          this.faultsInjected += 1;
          return { kind: planned.fault.kind };
        }
      }
      return fallback(target, path);
    };
  }

  /** Wraps an event so the switch forwards it (with a fault for this attempt, if any). */
  mark(event: JiraEvent, fault: AttemptFault | null): JiraEvent {
    const copy = { ...event };
    this.ours.add(copy);
    if (fault !== null) this.pendingFaults.set(copy, fault);
    return copy;
  }

  private readonly pendingFaults = new WeakMap<object, AttemptFault>();

  readonly handler: Handler = async (...args: unknown[]) => {
    const [event] = args;
    if (typeof event !== 'object' || event === null || !this.ours.has(event)) {
      this.captured.push(structuredClone(event) as JiraEvent);
      return {};
    }
    const fault = this.pendingFaults.get(event);
    const store = invocationStorage.getStore();
    if (fault !== undefined && store !== undefined) {
      this.faultOf.set(store, { fault, calls: 0 });
      if (fault.kind === 'timeout') shortenInvocation(store, SHORT_LIMIT_MS);
    }
    if (this.real === undefined) throw new Error('bind the switch to its host first');
    return (await this.real)(...args);
  };
}

/**
 * Gives the current invocation a shorter time limit: the remaining time the app reads, the moment
 * a hung call gives up, and the moment the platform stops accepting the invocation's calls.
 */
function shortenInvocation(store: InvocationStore, ms: number): void {
  const deadline = hostNow() + ms;
  store.deadline = deadline;
  store.runtime.lambdaContext = { getRemainingTimeInMillis: () => Math.max(0, deadline - hostNow()) };
  setTimeout(() => {
    store.expired = true;
  }, ms).unref();
}

export interface DeliveryFigures {
  deliveries: number;
  retries: number;
  /** Deliveries Forge would give up on (a throw, a timeout, or retries exhausted). */
  lost: number;
}

export interface Delivery {
  readonly event: JiraEvent;
  /** Faults dealt to the first attempts (attempt i meets faults[i]); later attempts run clean. */
  readonly faults: readonly AttemptFault[];
}

/**
 * Delivers in the given order, `inFlight` at a time, redelivering what asks for a retry.
 * `onSettled` hears of each delivery whose last attempt returned (the ack a killed process loses).
 */
export async function deliver(
  h: RunningHost,
  sw: EventSwitch,
  deliveries: readonly Delivery[],
  inFlight: number,
  onSettled?: (index: number) => void,
  /** Wall-clock delay before each delivery (ms): varies which deliveries overlap. */
  jitter: () => number = () => 0,
): Promise<DeliveryFigures> {
  const figures: DeliveryFigures = { deliveries: 0, retries: 0, lost: 0 };
  const trigger = h.host.manifest.triggers.find((t) => t.function === ISSUE_EVENT_FUNCTION);
  if (trigger === undefined) throw new Error('manifest.yml has no issue-event trigger');
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < deliveries.length) {
      const index = next;
      next += 1;
      const d = deliveries[index];
      if (d === undefined) continue;
      const wait = jitter();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      for (let attempt = 0; ; attempt++) {
        const retryContext =
          attempt === 0 ? {} : { retryContext: { retryCount: attempt, retryReason: 'FUNCTION_RETRY_REQUEST' } };
        const event = sw.mark({ ...d.event, ...retryContext }, d.faults[attempt] ?? null);
        const result = await h.host.invoker.invoke({
          kind: 'trigger',
          functionKey: trigger.function,
          moduleKey: trigger.key,
          cause: String(d.event.eventType),
          args: [event, h.host.installContext()],
        });
        figures.deliveries += 1;
        if (result.ok && isRetryRequest(result.value) && attempt < MAX_RETRIES) {
          figures.retries += 1;
          continue;
        }
        if (!result.ok || isRetryRequest(result.value)) figures.lost += 1;
        break;
      }
      onSettled?.(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, inFlight) }, () => worker()));
  return figures;
}

/**
 * The order in which one group's events reach the app. `trigger` marks the events of the change a
 * plan answers to. Copies of one event are the same payload (Forge redelivers the same event).
 */
export function reorder(
  events: readonly JiraEvent[],
  trigger: ReadonlySet<number>,
  how: Reordering,
  r: () => number,
): JiraEvent[] {
  const idx = events.map((_, i) => i);
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [xs[i], xs[j]] = [xs[j] as T, xs[i] as T];
    }
    return xs;
  };
  let order: number[];
  switch (how) {
    case 'in-order':
      order = idx;
      break;
    case 'reversed':
      order = [...idx].reverse();
      break;
    case 'shuffled':
      order = shuffle([...idx]);
      break;
    case 'duplicated':
      order = idx.flatMap((i) => (r() < 0.7 ? [i, i] : [i, i, i]));
      break;
    case 'trigger-last':
      order = [...idx.filter((i) => !trigger.has(i)), ...idx.filter((i) => trigger.has(i))];
      break;
    case 'trigger-first':
      // The change a plan answers to first, then what happened before and after it, newest first.
      order = [...idx.filter((i) => trigger.has(i)), ...[...idx.filter((i) => !trigger.has(i))].reverse()];
      break;
    case 'concurrent-copies':
      // Every event twice, the copies side by side so they are in flight together.
      order = shuffle([...idx]).flatMap((i) => [i, i]);
      break;
  }
  return order.map((i) => events[i] as JiraEvent);
}

/** Interleaves several groups' sequences, keeping each group's own order. */
export function interleave<T>(sequences: readonly (readonly T[])[], r: () => number): T[] {
  const queues = sequences.map((s) => [...s]);
  const out: T[] = [];
  for (;;) {
    const open = queues.filter((q) => q.length > 0);
    if (open.length === 0) return out;
    const q = open[Math.floor(r() * open.length)] as T[];
    out.push(q.shift() as T);
  }
}
