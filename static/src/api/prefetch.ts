import type { PayloadOf, ResolverContract } from '@contracts/resolver';

/**
 * Starts one call a view makes when it mounts, by its contract's name, with the same payload.
 * Name the contract's type (`start<typeof getMyAsk>('getMyAsk', {})`): without it the payload is
 * `never` and nothing compiles. Only the type is imported, so a prefetch needs no schema at run time.
 */
export type StartCall = <C extends ResolverContract = never>(name: C['name'], payload: PayloadOf<C>) => void;

/**
 * The parts of Jira's context a prefetch may read. The entry reads them from the raw context
 * before zod is loaded (app/view-chunks.ts), the app shell from the checked one.
 */
export interface PrefetchContext {
  /** The user's locale, as Jira sends it in the context (the portal asks in the requester's language). */
  readonly locale?: string | undefined;
  readonly extension: {
    readonly entryPoint?: string | undefined;
    readonly gadgetConfiguration?: Record<string, unknown> | undefined;
  };
}

/**
 * Starts the calls a view makes when it mounts, with the same payloads, so they run while its
 * chunk downloads. It must match the view's `useCall`s: a payload that differs is simply called
 * again by the view. Each view's `*.prefetch.ts` exports one, with no schema or component in it:
 * the entry runs it the moment the context arrives (app/view-chunks.ts).
 */
export type Prefetch = (start: StartCall, context: PrefetchContext) => void;

/** A `StartCall` over something that sends a call by name (the bridge's invoke, or the client). */
export function startCallWith(send: (name: string, payload: Record<string, unknown>) => void): StartCall {
  // Every contract's payload is an object schema; the check itself happens when the view loads.
  return (name, payload) => send(name, payload as Record<string, unknown>);
}
