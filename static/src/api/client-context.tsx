import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { PayloadOf, ResolverContract, ResponseOf } from '@contracts/resolver';
import type { CallError, CallResult, Client } from './client';

const ClientContext = createContext<Client | null>(null);

export function ClientProvider({ client, children }: { client: Client; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (client === null) throw new Error('useClient needs a <ClientProvider> above it');
  return client;
}

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ok'; readonly data: T }
  | { readonly state: 'error'; readonly error: CallError };

/**
 * Loads one resolver's answer when the view mounts (and when the payload changes). Views start
 * their calls in parallel with this, so none waits on more than one round of invokes; the first
 * answer is the router's prefetch when it started the same call before the view's chunk arrived.
 */
export function useCall<C extends ResolverContract>(
  contract: C,
  payload: PayloadOf<C>,
): { loaded: Loaded<ResponseOf<C>>; reload: () => void; replace: (data: ResponseOf<C>) => void } {
  const client = useClient();
  const [loaded, setLoaded] = useState<Loaded<ResponseOf<C>>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  // The payload is compared by value: callers pass object literals.
  const key = JSON.stringify(payload);
  const payloadRef = useRef(payload);
  payloadRef.current = payload;

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    // The first attempt may already be in flight (prefetched by the router); a retry always calls.
    const pending =
      attempt === 0 ? client.load(contract, payloadRef.current) : client.call(contract, payloadRef.current);
    void pending.then((result) => {
      if (live) setLoaded(toLoaded(result));
    });
    return () => {
      live = false;
    };
  }, [client, contract, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback((data: ResponseOf<C>) => setLoaded({ state: 'ok', data }), []);
  return { loaded, reload, replace };
}

function toLoaded<T>(result: CallResult<T>): Loaded<T> {
  return result.ok ? { state: 'ok', data: result.data } : { state: 'error', error: result.error };
}

/**
 * Runs an action (a save, an ask) on demand and tracks whether it is in flight, so its button can
 * show a spinner and refuse a double click.
 */
export function useAction<C extends ResolverContract>(contract: C) {
  const client = useClient();
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);
  const run = useCallback(
    async (payload: PayloadOf<C>): Promise<CallResult<ResponseOf<C>> | null> => {
      if (inFlight.current) return null;
      inFlight.current = true;
      setPending(true);
      try {
        return await client.call(contract, payload);
      } finally {
        inFlight.current = false;
        setPending(false);
      }
    },
    [client, contract],
  );
  return { run, pending };
}
