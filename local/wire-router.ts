// The wire boundary: every `global.__forge_fetch__(target, path, init)` the @forge clients make
// inside an invocation lands here and goes to KVS, product REST (asApp / asUser, with the
// manifest's scopes) or the platform services, after any injected fault.
import type { FaultInjector, FaultRule } from './faults.js';
import type { HostReadings } from './host-options.js';
import { json } from './http.js';
import type { KvsCost, KvsStore } from './kvs.js';
import { hostNow, type InvocationStore, type RequestInitLike } from './runtime.js';
import type { RestResponse } from './site/rest.js';
import type { JiraSite } from './site/site.js';
import { stargateFetch, type StargateDeps } from './stargate.js';

export interface WireDeps {
  readonly kvs: KvsStore;
  readonly faults: FaultInjector;
  readonly site: JiraSite;
  readonly readings: HostReadings;
  readonly appAccountId: string;
  readonly stargate: StargateDeps;
  readonly callJira: (
    principal: { kind: 'app' | 'user'; accountId: string },
    method: string,
    path: string,
    body: string | undefined,
    self: boolean,
  ) => RestResponse;
}

/** What an injected fault answers: a hang past the deadline, or the platform's error shape. */
async function faultResponse(kind: FaultRule['kind'], store: InvocationStore, target: string): Promise<Response> {
  if (kind === 'timeout') {
    // Hang until the invocation's deadline: the call never answers in time.
    await new Promise((r) => setTimeout(r, Math.max(0, store.deadline - hostNow() + 50)).unref());
    return json(504, { code: 'GATEWAY_TIMEOUT', message: `${target} did not answer in time (injected)` });
  }
  if (target === 'kvs') {
    const code = kind === 429 ? 'RATE_LIMIT_EXCEEDED' : 'INTERNAL_SERVER_ERROR';
    return json(kind, { code, message: `Injected fault: ${code}` }, kind === 429 ? { 'retry-after': '1' } : {});
  }
  return json(
    kind,
    { errorMessages: [`Injected fault ${kind}`], errors: {} },
    kind === 429 ? { 'retry-after': '1' } : {},
  );
}

function bodyText(init: RequestInitLike | undefined): string | undefined {
  if (typeof init?.body === 'string') return init.body;
  return init?.body === undefined || init.body === null ? undefined : String(init.body);
}

export class WireRouter {
  /** Users who granted the app access to act as them (`asUserConsent: 'required'`). */
  private readonly consented = new Set<string>();

  constructor(private readonly deps: WireDeps) {}

  async platformFetch(
    store: InvocationStore,
    target: Record<string, unknown>,
    path: string,
    init: RequestInitLike | undefined,
  ): Promise<Response> {
    if (store.expired) throw new Error('The invocation has timed out; the platform no longer accepts its calls.');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = bodyText(init);
    const type = String(target.type ?? '');
    const remote = target.remote === undefined ? undefined : String(target.remote);
    if (type === 'kvs') return this.kvsFetch(store, path, body);
    if (type === 'fpp' && remote === 'jira') return this.productFetch(store, target, method, path, body);
    if (type === 'fpp' && remote === 'stargate') {
      const fault = path.startsWith('/webhook/queue/publish/') ? this.deps.faults.decide('queue', path) : undefined;
      if (fault) return faultResponse(fault.kind, store, 'queue');
      return stargateFetch(this.deps.stargate, store, path, body);
    }
    if (type === 'fpp')
      return json(
        403,
        { message: `The app is not installed in ${remote ?? 'that product'} on the local host.` },
        { 'forge-proxy-error': 'PROXY_ERR' },
      );
    return json(
      400,
      { message: `Unsupported fetch target ${JSON.stringify(target)}` },
      { 'forge-proxy-error': 'INVALID_REMOTE' },
    );
  }

  private productFetch(
    store: InvocationStore,
    target: Record<string, unknown>,
    method: string,
    path: string,
    body: string | undefined,
  ): Promise<Response> {
    const provider = String(target.provider ?? 'none');
    if (provider !== 'user') return this.jiraFetch(store, 'app', this.deps.appAccountId, method, path, body);
    const accountId = typeof target.accountId === 'string' ? target.accountId : store.principalAccountId;
    const refusal = this.asUserRefusal(accountId);
    if (refusal) return Promise.resolve(refusal);
    return this.jiraFetch(store, 'user', accountId as string, method, path, body);
  }

  /**
   * `asUser()` needs a user, and the user's consent when the host requires it (the proxy's
   * NEEDS_AUTHENTICATION_ERR, which @forge/api raises as NeedsAuthenticationError); a portal
   * customer's call is refused unless the host reads the docs as allowing it (CONFORMANCE.md).
   */
  private asUserRefusal(accountId: string | undefined): Response | null {
    const needsAuth = (message: string) =>
      new Response(JSON.stringify({ message }), {
        status: 401,
        headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' },
      });
    const { readings, site } = this.deps;
    if (!accountId) return needsAuth('asUser() needs a user: this invocation has none.');
    if (site.user(accountId)?.role === 'customer' && (readings.asUserForCustomers ?? 'refused') === 'refused')
      return json(403, { message: 'Unlicensed users cannot make asUser() calls.' });
    if ((readings.asUserConsent ?? 'granted') === 'required' && !this.consented.has(accountId))
      return needsAuth('The user has not granted the app access.');
    return null;
  }

  /** The user grants the app access to act as them (`asUserConsent: 'required'`). */
  grantConsent(accountId: string): void {
    this.consented.add(accountId);
  }

  private async kvsFetch(store: InvocationStore, path: string, body: string | undefined): Promise<Response> {
    const m = store.metrics.kvs;
    m.requests += 1;
    m.byPath[path] = (m.byPath[path] ?? 0) + 1;
    const fault = this.deps.faults.decide('kvs', path);
    if (fault) return faultResponse(fault.kind, store, 'kvs');
    let parsed: unknown;
    try {
      parsed = body === undefined ? {} : JSON.parse(body);
    } catch {
      return json(400, { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
    }
    const cost: KvsCost = { reads: 0, writes: 0, bytesRead: 0, bytesWritten: 0 };
    const res = this.deps.kvs.handle(path, parsed, cost);
    m.reads += cost.reads;
    m.writes += cost.writes;
    m.bytesRead += cost.bytesRead;
    m.bytesWritten += cost.bytesWritten;
    return json(res.status, res.body);
  }

  private async jiraFetch(
    store: InvocationStore,
    as: 'app' | 'user',
    accountId: string,
    method: string,
    path: string,
    body: string | undefined,
  ): Promise<Response> {
    const j = store.metrics.jira;
    j.calls += 1;
    if (as === 'app') j.asApp += 1;
    else j.asUser += 1;
    const route = `${method} ${path.split('?')[0]?.replace(/\/[A-Z][A-Z0-9]+-\d+|\/\d{4,}/g, '/{id}') ?? path}`;
    j.byRoute[route] = (j.byRoute[route] ?? 0) + 1;
    const fault = this.deps.faults.decide('jira', path);
    if (fault) return faultResponse(fault.kind, store, 'jira');
    const res = this.deps.callJira({ kind: as, accountId }, method, path, body, true);
    return json(res.status, res.body);
  }
}
