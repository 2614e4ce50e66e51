import { type ErrorCode, envelopeOf } from '@contracts/envelope';
import type { PayloadOf, ResolverContract, ResponseOf } from '@contracts/resolver';
import { type FieldProblem, fieldProblems } from '@domain/validation';
import type { Host } from '../host/host';

/**
 * What went wrong with one call. The server's codes come from the envelope; `bridge` means the
 * invoke itself failed (offline, rate limit, function crashed) and `bad-response` means the
 * answer did not match the contract (a front end and back end out of step).
 */
export interface CallError {
  readonly code: ErrorCode | 'bridge' | 'bad-response';
  readonly message: string;
  readonly fields: readonly FieldProblem[];
  readonly reason: string | null;
}

export type CallResult<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: CallError };

export interface Client {
  call<C extends ResolverContract>(contract: C, payload: PayloadOf<C>): Promise<CallResult<ResponseOf<C>>>;
  /**
   * Invokes `name` with `payload` now and keeps the raw answer for the first `load` of that
   * contract and payload, which checks both as `call` does. The entry uses it as soon as it knows
   * the module, so a view's first round of invokes runs while its chunk downloads instead of after
   * it mounts. By name: starting a call does not need the contract's schemas to be loaded.
   */
  prefetch(contract: { readonly name: string }, payload: Record<string, unknown>): void;
  /** A view's first load: the prefetched answer when there is one for this payload, else `call`. */
  load<C extends ResolverContract>(contract: C, payload: PayloadOf<C>): Promise<CallResult<ResponseOf<C>>>;
}

/** The reason of a payload the client refused before sending it (the server was not asked). */
export const CLIENT_CHECK = 'payload';

function failure(
  code: CallError['code'],
  message: string,
  fields: readonly FieldProblem[] = [],
  reason: string | null = null,
) {
  return { ok: false as const, error: { code, message, fields, reason } };
}

/** The one way the UI talks to a resolver: validate out, invoke by contract name, validate back. */
export function createClient(host: Pick<Host, 'invoke'>): Client {
  // Answers invoked early (not yet checked), by contract name and payload.
  const started = new Map<string, Promise<unknown>>();
  // The checked answers of those, each serving the first load that asks for it.
  const prefetched = new Map<string, Promise<CallResult<unknown>>>();
  // Keys a view already loaded: a prefetch that comes later than the view's own call is dropped.
  const loaded = new Set<string>();
  const keyOf = (name: string, payload: unknown): string => `${name} ${JSON.stringify(payload)}`;
  const client: Client = {
    prefetch(contract, payload) {
      const key = keyOf(contract.name, payload);
      if (started.has(key) || prefetched.has(key) || loaded.has(key)) return;
      const raw = host.invoke(contract.name, payload);
      // A prefetch no view takes must not report an unhandled rejection.
      raw.catch(() => undefined);
      started.set(key, raw);
    },
    load<C extends ResolverContract>(contract: C, payload: PayloadOf<C>): Promise<CallResult<ResponseOf<C>>> {
      const key = keyOf(contract.name, payload);
      loaded.add(key);
      let early = prefetched.get(key) as Promise<CallResult<ResponseOf<C>>> | undefined;
      if (early === undefined) {
        const raw = started.get(key);
        if (raw === undefined) return client.call(contract, payload);
        started.delete(key);
        early = answer(contract, payload, raw);
        prefetched.set(key, early);
      }
      // Forgotten after this task, not at once: React's StrictMode runs a mount effect twice in a
      // row, and both runs must get the same answer. Later loads (a reload, a new payload) call.
      setTimeout(() => prefetched.delete(key), 0);
      return early;
    },
    call: (contract, payload) => answer(contract, payload),
  };

  /** Checks the payload, invokes (or takes the answer already on its way for it), checks the answer. */
  async function answer<C extends ResolverContract>(
    contract: C,
    payload: PayloadOf<C>,
    started?: Promise<unknown>,
  ): Promise<CallResult<ResponseOf<C>>> {
    // Checking the payload here gives the person the same field messages the server would,
    // without a round trip.
    const out = contract.payload.safeParse(payload);
    if (!out.success) {
      return failure('validation', 'Some fields need attention.', fieldProblems(out.error), CLIENT_CHECK);
    }
    let raw: unknown;
    try {
      // An early invoke sent the payload as given, before this check: the resolver checks it with
      // the same contract, so once it passes here the answer is the one this call would get.
      raw = await (started ?? host.invoke(contract.name, out.data as Record<string, unknown>));
    } catch (e) {
      // The bridge's own text (e.g. "FUNCTION_TIME_OUT …") is for developers, not people: say
      // what happened and what to do in plain words.
      const text = e instanceof Error ? e.message : String(e);
      return /time[_ -]?out|timed out/i.test(text)
        ? failure('bridge', 'Jira took too long to answer. Try again in a moment.', [], 'timeout')
        : failure('bridge', 'Sentio could not reach Jira. Check your connection and try again.', [], 'unreachable');
    }
    const parsed = envelopeOf(contract.response).safeParse(raw);
    if (!parsed.success) {
      return failure(
        'bad-response',
        'Sentio got an answer it did not understand. Reload the page; if it persists, tell your Jira admin.',
      );
    }
    const envelope = parsed.data;
    if (envelope.ok) return { ok: true, data: envelope.data as ResponseOf<C> };
    const { code, message, fields, reason } = envelope.error;
    return failure(code, message, fields ?? [], reason ?? null);
  }
  return client;
}

/** Whether trying the same call again can help (shown as a "Try again" action). */
export function isRetryable(error: CallError): boolean {
  return error.code === 'unavailable' || error.code === 'bridge' || error.code === 'internal';
}
