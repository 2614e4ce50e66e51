/**
 * Controlled delivery of product events: the host's trigger function is replaced by a switch that
 * first only records what Jira emitted, then forwards to the app's real handler (src/index.ts) —
 * so a test decides the order, the duplicates and the concurrency of deliveries itself. Every
 * delivery still runs as its own invocation of the host (KVS, Jira, metrics, time limit).
 */
import { REPO_ROOT } from '../../../local/host';
import { HandlerRegistry, isRetryRequest, type Handler } from '../../../local/platform';
import { ISSUE_EVENT_FUNCTION, type Host } from './harness';

export interface CapturedEvent {
  readonly seq: number;
  /** Site time when Jira emitted it. */
  readonly at: number;
  readonly event: Readonly<Record<string, unknown>>;
}

export class EventSwitch {
  mode: 'capture' | 'forward' = 'capture';
  readonly captured: CapturedEvent[] = [];
  private clock: () => number = () => 0;

  private real: Promise<Handler> | undefined;

  bind(h: Host): void {
    this.clock = () => h.host.clock.now();
    const fn = h.host.manifest.functions.get(ISSUE_EVENT_FUNCTION);
    if (fn === undefined) throw new Error(`manifest.yml has no function ${ISSUE_EVENT_FUNCTION}`);
    // The app's real handler, loaded the way the host loads it (src/index.ts through the manifest).
    this.real = new HandlerRegistry(REPO_ROOT).resolve(fn);
  }

  readonly handler: Handler = async (...args: unknown[]) => {
    if (this.mode === 'capture') {
      const [event] = args;
      this.captured.push({
        seq: this.captured.length,
        at: this.clock(),
        event: structuredClone(event) as Record<string, unknown>,
      });
      return {};
    }
    if (this.real === undefined) throw new Error('bind the switch to its host first');
    return (await this.real)(...args);
  };
}

export function switchedHandlers(sw: EventSwitch): Record<string, Handler> {
  return { [ISSUE_EVENT_FUNCTION]: sw.handler };
}

export interface DeliveryFigures {
  deliveries: number;
  retries: number;
  failures: number;
  /** Why each failed delivery failed (an error, a timeout, or retries exhausted). */
  reasons: string[];
}

/**
 * Delivers events to the trigger, `inFlight` at a time, redelivering what asks for a retry
 * (InvocationError) or timed out, at most `maxRetries` times as Forge does. Errors and exhausted
 * retries are counted.
 */
export async function deliver(
  h: Host,
  events: readonly Readonly<Record<string, unknown>>[],
  inFlight = 1,
  maxRetries = 4,
): Promise<DeliveryFigures> {
  const figures: DeliveryFigures = { deliveries: 0, retries: 0, failures: 0, reasons: [] };
  const trigger = h.host.manifest.triggers[0];
  if (trigger === undefined) throw new Error('manifest.yml has no trigger');
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < events.length) {
      const event = events[next];
      next += 1;
      if (event === undefined) continue;
      let lastReason = 'FUNCTION_RETRY_REQUEST';
      for (let attempt = 0; ; attempt++) {
        const retryContext = attempt === 0 ? {} : { retryContext: { retryCount: attempt, retryReason: lastReason } };
        const result = await h.host.invoker.invoke({
          kind: 'trigger',
          functionKey: trigger.function,
          moduleKey: trigger.key,
          cause: String(event.eventType),
          args: [{ ...event, ...retryContext }, h.host.installContext()],
        });
        figures.deliveries += 1;
        // Forge redelivers what asked for a retry, and on its own what timed out
        // (mirror/events-reference/product_events/index.md, "Retry for platform level errors").
        const again = (result.ok && isRetryRequest(result.value)) || (!result.ok && result.timedOut);
        if (!again) {
          if (!result.ok) {
            figures.failures += 1;
            figures.reasons.push(result.timedOut ? 'timed out' : (result.error?.message ?? 'failed'));
          }
          break;
        }
        lastReason = result.ok ? 'FUNCTION_RETRY_REQUEST' : 'FUNCTION_TIME_OUT';
        if (attempt >= maxRetries) {
          figures.failures += 1;
          figures.reasons.push(`retries exhausted: ${JSON.stringify(result.value)}`);
          break;
        }
        figures.retries += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, () => worker()));
  return figures;
}
