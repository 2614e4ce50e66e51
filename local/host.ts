// The local Forge host: platform emulation, manifest wiring, the JSM site and delivery of events
// and queue messages. `startHost()` is the programmatic entry point; `local/main.ts` is `npm start`.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { type Db, getMeta, openDb, setMeta } from './db.js';
import { type FaultInjector as FaultInjectorType, FaultInjector, type FaultRule } from './faults.js';
import { type I18nBundle, loadI18nBundle, writeAppCodeDir } from './i18n.js';
import { KvsStore, type KvsCost } from './kvs.js';
import { type AppManifest, loadManifest, type UiModule } from './manifest.js';
import { MetricsLog } from './metrics.js';
import {
  type AppIdentity,
  type Handler,
  HandlerRegistry,
  type InvokeResult,
  Invoker,
  isRetryRequest,
} from './platform.js';
import {
  getDefaultHost,
  hostNow,
  installAppClock,
  installGlobals,
  invocationStorage,
  type InvocationStore,
  type PlatformHandler,
  type RequestInitLike,
  setDefaultHost,
} from './runtime.js';
import { SiteClock } from './site/clock.js';
import type { PropertyAlias } from './site/jql.js';
import { createJiraRest, type RestResponse } from './site/rest.js';
import { CLOUD_ID, type IssueEventType, JiraSite } from './site/site.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(HERE, '..');

export interface HostOptions {
  /** Where the SQLite file lives; default `.local-data/` in the repo. `':memory:'` for a throwaway host. */
  dataDir?: string;
  /** HTTP port; 0 picks a free one. Default 0. */
  port?: number;
  host?: string;
  seed?: 'demo' | 'empty' | 'basic';
  /** Wipe the data before starting (`npm start -- --reset`). */
  reset?: boolean;
  /** Start the site clock here (ms) for deterministic tests; it stays frozen until advanced. */
  clock?: number;
  manifestPath?: string;
  /** Replace handlers by manifest function key (or `index.export`): fixture apps for contract tests. */
  handlers?: Record<string, Handler>;
  /** Serve a resource from another folder, by resource key (browser test fixtures). */
  resourceDirs?: Record<string, string>;
  /** Run scheduled triggers on their real intervals. Default true for `npm start`, false otherwise. */
  scheduler?: boolean;
  /** Scale for retry and `delayInSeconds` waits; 0 makes them immediate (tests, seeding). Default 1. */
  delayScale?: number;
  /** Parallel deliveries (events + queue messages). Default 4. */
  concurrency?: number;
  /** Deliver product events this many ms after the change (Jira is late); default 0. */
  eventLatencyMs?: number;
  /** Entity values may not carry undeclared attributes (default true, as Forge validates). */
  strictEntityAttributes?: boolean;
  /** Scales function time limits (tests: 0.01 makes 25 s into 250 ms). Default 1. */
  timeLimitScale?: number;
  /** Log invocations to stdout. */
  verbose?: boolean;
  /** Seed options for the demo. */
  demo?: { tickets?: number; days?: number; seed?: number; summary?: boolean };
}

/** Which product events `redeliver()` sends again; every given condition must hold. */
export interface RedeliverFilter {
  /** Event sequence numbers, as `events()` lists them. */
  seq?: number[];
  fromSeq?: number;
  toSeq?: number;
  eventType?: string;
  issueKey?: string;
  selfGenerated?: boolean;
  /** Only to this trigger (manifest key); default every trigger subscribed to the event. */
  trigger?: string;
  where?: (event: {
    seq: number;
    eventType: string;
    payload: Record<string, unknown>;
    selfGenerated: boolean;
    at: number;
  }) => boolean;
}

const MAX_RETRIES = 4;
const MAX_RETRY_AFTER_S = 900;

export interface Delivery {
  id: number;
  kind: 'trigger' | 'consumer';
  target: string;
  payload: Record<string, unknown>;
  jobId: string | null;
  attempt: number;
  state: 'pending' | 'running' | 'done' | 'failed';
  lastError: string | null;
}

interface DeliveryRow {
  id: number;
  kind: 'trigger' | 'consumer';
  target: string;
  payload: string;
  job_id: string | null;
  attempt: number;
  not_before: number;
  state: Delivery['state'];
  last_error: string | null;
  retry_data: string | null;
  retry_reason: string | null;
}

const QueuePushBody = z.object({
  queueName: z.string(),
  jobId: z.string(),
  type: z.string().optional(),
  payload: z.array(
    z.object({ body: z.record(z.string(), z.unknown()), delayInSeconds: z.number().optional() }).passthrough(),
  ),
  time: z.string().optional(),
});
const JobBody = z.object({ queueName: z.string(), jobId: z.string() });
const GraphqlBody = z.object({ query: z.string(), variables: z.record(z.string(), z.unknown()).optional() });
const ReportAccountsBody = z.object({ accounts: z.array(z.object({ accountId: z.string(), updatedAt: z.string() })) });

export class LocalHost implements PlatformHandler {
  readonly manifest: AppManifest;
  readonly db: Db;
  readonly clock: SiteClock;
  readonly site: JiraSite;
  readonly kvs: KvsStore;
  readonly metrics = new MetricsLog();
  readonly faults: FaultInjectorType = new FaultInjector();
  readonly identity: AppIdentity;
  readonly appAccountId: string;
  readonly invoker: Invoker;
  baseUrl = 'http://localhost';
  private readonly rest: ReturnType<typeof createJiraRest>;
  private readonly options: Required<Pick<HostOptions, 'delayScale' | 'concurrency' | 'eventLatencyMs' | 'verbose'>>;
  private running = 0;
  private pumpTimer: NodeJS.Timeout | undefined;
  private idleWaiters: Array<() => void> = [];
  private closed = false;
  private schedulerTimers: NodeJS.Timeout[] = [];
  private readonly direct: InvocationStore;
  /** manifest.yml `translations` as deployed: served to frames and read by functions (local/i18n.ts). */
  readonly i18n: I18nBundle | null;
  /** Invocation rate for the bridge: 500 invoke calls per 25 s per session. */
  private readonly invokeWindows = new Map<string, { start: number; count: number }>();

  constructor(opts: HostOptions & { dbFile: string }) {
    this.manifest = loadManifest(opts.manifestPath ?? join(REPO_ROOT, 'manifest.yml'));
    this.i18n = loadI18nBundle(opts.manifestPath ?? join(REPO_ROOT, 'manifest.yml'));
    this.db = openDb(opts.dbFile);
    this.clock = new SiteClock(opts.clock);
    this.options = {
      delayScale: opts.delayScale ?? 1,
      concurrency: opts.concurrency ?? 4,
      eventLatencyMs: opts.eventLatencyMs ?? 0,
      verbose: opts.verbose ?? false,
    };
    const appUuid = this.manifest.appId.split('/').pop() ?? 'app';
    this.identity = {
      appId: appUuid,
      environmentId: 'local-development',
      installationId: `local-${appUuid.slice(0, 8)}`,
      cloudId: CLOUD_ID,
      appVersion: '1.0.0-local',
      appCodeDir: writeAppCodeDir(this.i18n),
    };
    this.appAccountId = `712020:${appUuid}`;
    this.site = new JiraSite(this.db, this.clock, (type, payload, self, at) =>
      this.onProductEvent(type, payload, self, at),
    );
    this.site.addUser({
      accountId: this.appAccountId,
      displayName: 'Sentio (app)',
      role: 'app',
      email: 'sentio-app@connect.atlassian.com',
    });
    this.kvs = new KvsStore(this.db, this.manifest.entities, () => this.clock.now(), {
      strictEntityAttributes: opts.strictEntityAttributes ?? true,
    });
    this.rest = createJiraRest(this.site, this.propertyAliases());
    const registry = new HandlerRegistry(REPO_ROOT, opts.handlers ?? {});
    // Handlers see the site's clock through `Date.now()` while it is simulated (runtime.ts `installAppClock`).
    this.invoker = new Invoker(
      this.manifest,
      registry,
      this.identity,
      this,
      this.metrics,
      opts.timeLimitScale ?? 1,
      () => (this.clock.isSystem ? undefined : this.clock.now()),
    );
    this.direct = this.invoker.newStore('direct', 'direct', 'direct', 'direct', undefined, 24 * 3600);
    this.metrics.add(this.direct.metrics);
    // A crash mid-delivery leaves rows 'running': deliver them again (at least once).
    this.db.prepare("UPDATE deliveries SET state = 'pending' WHERE state = 'running'").run();
    installGlobals();
    installAppClock();
    setDefaultHost(this);
  }

  private propertyAliases(): PropertyAlias[] {
    return this.manifest.entityProperties
      .filter((p) => p.entityType === 'issue')
      .flatMap((p) =>
        p.values.flatMap((v) =>
          v.searchAlias ? [{ alias: v.searchAlias, propertyKey: p.propertyKey, path: v.path, type: v.type }] : [],
        ),
      );
  }

  defaultStore(): InvocationStore {
    return this.direct;
  }

  // --- the wire boundary ------------------------------------------------------------------------

  async platformFetch(
    store: InvocationStore,
    target: Record<string, unknown>,
    path: string,
    init: RequestInitLike | undefined,
  ): Promise<Response> {
    if (store.expired) throw new Error('The invocation has timed out; the platform no longer accepts its calls.');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body =
      typeof init?.body === 'string'
        ? init.body
        : init?.body === undefined || init.body === null
          ? undefined
          : String(init.body);
    const type = String(target.type ?? '');
    const remote = target.remote === undefined ? undefined : String(target.remote);
    if (type === 'kvs') return this.kvsFetch(store, path, body);
    if (type === 'fpp' && remote === 'jira') {
      const provider = String(target.provider ?? 'none');
      const accountId =
        provider === 'user'
          ? typeof target.accountId === 'string'
            ? target.accountId
            : store.principalAccountId
          : this.appAccountId;
      if (provider === 'user' && !accountId) {
        return new Response(JSON.stringify({ message: 'asUser() needs a user: this invocation has none.' }), {
          status: 401,
          headers: { 'forge-proxy-error': 'NEEDS_AUTHENTICATION_ERR' },
        });
      }
      return this.jiraFetch(store, provider === 'user' ? 'user' : 'app', accountId as string, method, path, body);
    }
    if (type === 'fpp' && remote === 'stargate') return this.stargateFetch(store, path, body);
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

  private async kvsFetch(store: InvocationStore, path: string, body: string | undefined): Promise<Response> {
    const m = store.metrics.kvs;
    m.requests += 1;
    m.byPath[path] = (m.byPath[path] ?? 0) + 1;
    const fault = this.faults.decide('kvs', path);
    if (fault) return this.faultResponse(fault.kind, store, 'kvs');
    let parsed: unknown;
    try {
      parsed = body === undefined ? {} : JSON.parse(body);
    } catch {
      return json(400, { code: 'BAD_REQUEST', message: 'The request body is not valid JSON.' });
    }
    const cost: KvsCost = { reads: 0, writes: 0, bytesRead: 0, bytesWritten: 0 };
    const res = this.kvs.handle(path, parsed, cost);
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
    const fault = this.faults.decide('jira', path);
    if (fault) return this.faultResponse(fault.kind, store, 'jira');
    const res = this.callJira({ kind: as, accountId }, method, path, body, true);
    return json(res.status, res.body);
  }

  /** Product REST as someone: the app (`asApp`), a user (`asUser`), or a person in the host's own UI. */
  callJira(
    principal: { kind: 'app' | 'user'; accountId: string },
    method: string,
    path: string,
    body: string | undefined,
    self: boolean,
  ): RestResponse {
    return this.rest({ method, path, body, principal, self });
  }

  private async stargateFetch(store: InvocationStore, path: string, body: string | undefined): Promise<Response> {
    const parse = <T>(schema: z.ZodType<T>): T | Response => {
      try {
        return schema.parse(body === undefined ? {} : JSON.parse(body));
      } catch (e) {
        return json(400, { message: 'Bad request', errors: [(e as Error).message] });
      }
    };
    if (path.startsWith('/webhook/queue/publish/')) {
      const fault = this.faults.decide('queue', path);
      if (fault) return this.faultResponse(fault.kind, store, 'queue');
      const req = parse(QueuePushBody);
      if (req instanceof Response) return req;
      const consumers = this.manifest.consumers.filter((c) => c.queue === req.queueName);
      if (consumers.length === 0)
        return json(400, {
          message: `No consumer is declared for queue '${req.queueName}' in manifest.yml.`,
          code: 'QUEUE_NOT_FOUND',
        });
      store.metrics.queuePushes += req.payload.length;
      for (const event of req.payload) {
        for (const c of consumers) {
          this.enqueue(
            'consumer',
            c.key,
            { ...event, queueName: req.queueName },
            (event.delayInSeconds ?? 0) * 1000,
            req.jobId,
          );
        }
      }
      return json(201, {});
    }
    if (path.startsWith('/webhook/queue/stats/')) {
      const req = parse(JobBody);
      if (req instanceof Response) return req;
      const rows = this.db
        .prepare('SELECT state, COUNT(*) AS n FROM deliveries WHERE job_id = ? GROUP BY state')
        .all(req.jobId) as Array<{ state: string; n: number }>;
      if (rows.length === 0) return json(404, { message: 'Job not found' });
      const n = (s: string): number => rows.find((r) => r.state === s)?.n ?? 0;
      return json(200, { success: n('done'), inProgress: n('pending') + n('running'), failed: n('failed') });
    }
    if (path.startsWith('/webhook/queue/cancel/')) {
      const req = parse(JobBody);
      if (req instanceof Response) return req;
      const changed = this.db
        .prepare(
          "UPDATE deliveries SET state = 'failed', last_error = 'cancelled' WHERE job_id = ? AND state = 'pending'",
        )
        .run(req.jobId).changes;
      const exists = (
        this.db.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE job_id = ?').get(req.jobId) as { n: number }
      ).n;
      return exists === 0 && changed === 0
        ? json(404, { message: 'Job not found' })
        : new Response(null, { status: 204 });
    }
    if (path === '/graphql') {
      const req = parse(GraphqlBody);
      if (req instanceof Response) return req;
      if (req.query.includes('createWebTriggerUrl')) {
        const input = (req.variables?.input ?? {}) as { triggerKey?: string };
        const key = input.triggerKey ?? '';
        if (!this.manifest.webTriggers.some((w) => w.key === key))
          return json(200, { data: null, errors: [{ message: `Web trigger '${key}' is not in manifest.yml` }] });
        return json(200, { data: { createWebTriggerUrl: { url: this.webtriggerUrl(key) } } });
      }
      if (req.query.includes('webTriggerUrlsByAppContext')) {
        return json(200, {
          data: {
            webTriggerUrlsByAppContext: this.manifest.webTriggers.map((w) => ({
              triggerKey: w.key,
              url: this.webtriggerUrl(w.key),
            })),
          },
        });
      }
      if (req.query.includes('deleteWebTriggerUrl'))
        return json(200, { data: { deleteWebTriggerUrl: { success: true, message: null } } });
      return json(200, {
        data: null,
        errors: [{ message: 'This GraphQL operation is not emulated by the local host.' }],
      });
    }
    if (path === '/app/report-accounts') {
      const req = parse(ReportAccountsBody);
      if (req instanceof Response) return req;
      const closed = req.accounts.filter((a) => {
        const u = this.site.user(a.accountId);
        return !u || !u.active;
      });
      return closed.length === 0
        ? new Response(null, { status: 204 })
        : json(200, { accounts: closed.map((a) => ({ accountId: a.accountId, status: 'closed' })) });
    }
    if (path === '/forge/events/v1/app-events') return json(200, { failedEvents: [] });
    return json(404, { message: `The local host does not emulate ${path}` });
  }

  private async faultResponse(kind: FaultRule['kind'], store: InvocationStore, target: string): Promise<Response> {
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

  // --- events and queues ------------------------------------------------------------------------

  private onProductEvent(
    type: IssueEventType,
    payload: Record<string, unknown>,
    selfGenerated: boolean,
    at: number,
  ): void {
    const full = { eventType: type, ...payload, selfGenerated };
    this.db
      .prepare('INSERT INTO events (event_type, payload, self_generated, at) VALUES (?, ?, ?, ?)')
      .run(type, JSON.stringify(full), selfGenerated ? 1 : 0, at);
    for (const trigger of this.manifest.triggers) {
      if (!trigger.events.includes(type)) continue;
      if (selfGenerated && trigger.filter?.ignoreSelf === true) continue;
      this.enqueue('trigger', trigger.key, full, this.options.eventLatencyMs, null);
    }
  }

  private enqueue(
    kind: 'trigger' | 'consumer',
    target: string,
    payload: Record<string, unknown>,
    delayMs: number,
    jobId: string | null,
  ): void {
    const notBefore = hostNow() + delayMs * this.options.delayScale;
    this.db
      .prepare(
        "INSERT INTO deliveries (kind, target, payload, job_id, attempt, not_before, state, created_at) VALUES (?, ?, ?, ?, 0, ?, 'pending', ?)",
      )
      .run(kind, target, JSON.stringify(payload), jobId, notBefore, hostNow());
    this.schedulePump(0);
  }

  private schedulePump(ms: number): void {
    if (this.closed) return;
    if (this.pumpTimer && ms > 0) return;
    if (this.pumpTimer) clearTimeout(this.pumpTimer);
    this.pumpTimer = setTimeout(() => {
      this.pumpTimer = undefined;
      this.pump();
    }, ms);
  }

  private pump(): void {
    if (this.closed) return;
    while (this.running < this.options.concurrency) {
      const row = this.db
        .prepare("SELECT * FROM deliveries WHERE state = 'pending' AND not_before <= ? ORDER BY not_before, id LIMIT 1")
        .get(hostNow()) as DeliveryRow | undefined;
      if (!row) break;
      this.db.prepare("UPDATE deliveries SET state = 'running' WHERE id = ?").run(row.id);
      this.running += 1;
      void this.deliver(row).finally(() => {
        this.running -= 1;
        this.schedulePump(0);
      });
    }
    const next = this.db.prepare("SELECT MIN(not_before) AS t FROM deliveries WHERE state = 'pending'").get() as {
      t: number | null;
    };
    if (next.t !== null && this.running < this.options.concurrency) this.schedulePump(Math.max(1, next.t - hostNow()));
    if (this.running === 0 && next.t === null) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private async deliver(row: DeliveryRow): Promise<void> {
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    const retryContext =
      row.attempt > 0
        ? {
            retryCount: row.attempt,
            retryReason: row.retry_reason ?? 'FUNCTION_RETRY_REQUEST',
            retryData: row.retry_data === null ? undefined : (JSON.parse(row.retry_data) as unknown),
          }
        : undefined;
    let result: InvokeResult;
    let retryable: boolean;
    if (row.kind === 'trigger') {
      const trigger = this.manifest.triggers.find((t) => t.key === row.target);
      if (!trigger) return this.finish(row, 'failed', `trigger '${row.target}' is no longer in manifest.yml`);
      const event = {
        ...payload,
        context: { cloudId: this.identity.cloudId, moduleKey: trigger.key },
        contextToken: 'local-context-token',
        ...(retryContext ? { retryContext } : {}),
      };
      result = await this.invoker.invoke({
        kind: 'trigger',
        functionKey: trigger.function,
        moduleKey: trigger.key,
        cause: String(payload.eventType),
        args: [event, this.installContext()],
      });
      // Product-event triggers are retried only when the function asks (InvocationError).
      retryable = false;
    } else {
      const consumer = this.manifest.consumers.find((c) => c.key === row.target);
      if (!consumer) return this.finish(row, 'failed', `consumer '${row.target}' is no longer in manifest.yml`);
      const fnKey = consumer.function ?? consumer.resolver?.function ?? '';
      const fn = this.manifest.functions.get(fnKey);
      const body = (payload.body ?? {}) as Record<string, unknown>;
      const args = consumer.resolver
        ? [
            {
              call: { functionKey: consumer.resolver.method, payload: body, jobId: row.job_id ?? undefined },
              context: { ...this.installContext(), moduleKey: consumer.key, ...(retryContext ? { retryContext } : {}) },
            },
            { installContext: this.installContext().installContext, principal: undefined, license: { isActive: true } },
          ]
        : [
            {
              body,
              queueName: payload.queueName,
              jobId: row.job_id,
              eventId: `${row.id}`,
              ...(retryContext ? { retryContext } : {}),
            },
            this.installContext(),
          ];
      result = await this.invoker.invoke({
        kind: 'consumer',
        functionKey: fnKey,
        moduleKey: consumer.key,
        cause: String(payload.queueName),
        args,
        timeoutSeconds: fn?.timeoutSeconds,
      });
      // Async events are delivered at least once: failures and timeouts are retried too.
      retryable = true;
    }
    if (this.options.verbose)
      console.log(
        `[host] ${row.kind} ${row.target} ${String(payload.eventType ?? payload.queueName)} → ${result.metrics.outcome} (${result.metrics.durationMs} ms)${result.error ? ` ${result.error.message}` : ''}`,
      );
    if (result.ok && isRetryRequest(result.value)) {
      const opts = result.value.retryOptions ?? {};
      const after = Math.min(MAX_RETRY_AFTER_S, Math.max(1, opts.retryAfter ?? 1));
      return this.retry(row, after, opts.retryReason ?? 'FUNCTION_RETRY_REQUEST', opts.retryData, 'retry requested');
    }
    if (result.ok) return this.finish(row, 'done', null);
    if (retryable) {
      const reason = result.timedOut ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR';
      return this.retry(row, 2 ** row.attempt * 5, reason, undefined, result.error?.message ?? 'error');
    }
    return this.finish(row, 'failed', result.error?.message ?? 'error');
  }

  private retry(row: DeliveryRow, afterSeconds: number, reason: string, data: unknown, message: string): void {
    if (row.attempt >= MAX_RETRIES)
      return this.finish(row, 'failed', `${message} (gave up after ${MAX_RETRIES} retries)`);
    this.db
      .prepare(
        "UPDATE deliveries SET state = 'pending', attempt = attempt + 1, not_before = ?, retry_reason = ?, retry_data = ?, last_error = ? WHERE id = ?",
      )
      .run(
        hostNow() + afterSeconds * 1000 * this.options.delayScale,
        reason,
        data === undefined ? null : JSON.stringify(data),
        message,
        row.id,
      );
  }

  private finish(row: DeliveryRow, state: 'done' | 'failed', error: string | null): void {
    this.db.prepare('UPDATE deliveries SET state = ?, last_error = ? WHERE id = ?').run(state, error, row.id);
  }

  installContext(): { installContext: string } {
    return { installContext: `ari:cloud:jira::site/${this.identity.cloudId}` };
  }

  /** Resolves once no event or queue message is waiting or being processed. */
  waitForIdle(timeoutMs = 120_000): Promise<void> {
    return new Promise((resolveIdle, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`waitForIdle: still busy after ${timeoutMs} ms (${JSON.stringify(this.queueStats())})`)),
        timeoutMs,
      );
      timer.unref();
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolveIdle();
      });
      this.schedulePump(0);
    });
  }

  queueStats(): Record<string, number> {
    const rows = this.db
      .prepare('SELECT kind, state, COUNT(*) AS n FROM deliveries GROUP BY kind, state')
      .all() as Array<{ kind: string; state: string; n: number }>;
    return Object.fromEntries(rows.map((r) => [`${r.kind}:${r.state}`, r.n]));
  }

  /** Deliveries, newest first: what each trigger and consumer received, and how it ended. */
  deliveries(filter: { kind?: 'trigger' | 'consumer'; target?: string; limit?: number } = {}): Delivery[] {
    let sql = 'SELECT * FROM deliveries WHERE 1 = 1';
    const params: unknown[] = [];
    if (filter.kind) {
      sql += ' AND kind = ?';
      params.push(filter.kind);
    }
    if (filter.target) {
      sql += ' AND target = ?';
      params.push(filter.target);
    }
    sql += ' ORDER BY id DESC LIMIT ?';
    params.push(filter.limit ?? 1000);
    return (this.db.prepare(sql).all(...params) as DeliveryRow[]).map((r) => ({
      id: r.id,
      kind: r.kind,
      target: r.target,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      jobId: r.job_id,
      attempt: r.attempt,
      state: r.state,
      lastError: r.last_error,
    }));
  }

  /** Product events the site emitted (before trigger filtering), oldest first. */
  events(
    limit = 1000,
  ): Array<{ seq: number; eventType: string; payload: Record<string, unknown>; selfGenerated: boolean; at: number }> {
    const rows = this.db
      .prepare('SELECT * FROM (SELECT * FROM events ORDER BY seq DESC LIMIT ?) ORDER BY seq')
      .all(limit) as Array<{ seq: number; event_type: string; payload: string; self_generated: number; at: number }>;
    return rows.map((r) => ({
      seq: r.seq,
      eventType: r.event_type,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      selfGenerated: r.self_generated === 1,
      at: r.at,
    }));
  }

  /**
   * Delivers product events again, as Forge may (delivery is at least once, with no event id): by
   * event `seq` (from `events()`), a list of them, or a filter. Each event goes, with its original
   * payload, to every trigger that subscribes to its type (and whose `filter.ignoreSelf` lets it
   * through), like the first time. Returns the number of deliveries queued; `waitForIdle()` waits
   * for them.
   */
  redeliver(which: number | number[] | RedeliverFilter): number {
    const f: RedeliverFilter =
      typeof which === 'number' ? { seq: [which] } : Array.isArray(which) ? { seq: which } : which;
    let sql = 'SELECT * FROM events WHERE 1 = 1';
    const params: unknown[] = [];
    if (f.seq) {
      if (f.seq.length === 0) return 0;
      sql += ` AND seq IN (${f.seq.map(() => '?').join(', ')})`;
      params.push(...f.seq);
    }
    if (f.fromSeq !== undefined) {
      sql += ' AND seq >= ?';
      params.push(f.fromSeq);
    }
    if (f.toSeq !== undefined) {
      sql += ' AND seq <= ?';
      params.push(f.toSeq);
    }
    if (f.eventType !== undefined) {
      sql += ' AND event_type = ?';
      params.push(f.eventType);
    }
    if (f.selfGenerated !== undefined) {
      sql += ' AND self_generated = ?';
      params.push(f.selfGenerated ? 1 : 0);
    }
    const rows = this.db.prepare(`${sql} ORDER BY seq`).all(...params) as Array<{
      seq: number;
      event_type: string;
      payload: string;
      self_generated: number;
      at: number;
    }>;
    if (f.seq && rows.length < new Set(f.seq).size) {
      const found = new Set(rows.map((r) => r.seq));
      throw new Error(`redeliver: no event with seq ${f.seq.filter((n) => !found.has(n)).join(', ')} (see events())`);
    }
    let queued = 0;
    for (const r of rows) {
      const payload = JSON.parse(r.payload) as Record<string, unknown>;
      const event = { seq: r.seq, eventType: r.event_type, payload, selfGenerated: r.self_generated === 1, at: r.at };
      if (f.issueKey !== undefined && (payload.issue as { key?: unknown } | undefined)?.key !== f.issueKey) continue;
      if (f.where && !f.where(event)) continue;
      for (const trigger of this.manifest.triggers) {
        if (f.trigger !== undefined && trigger.key !== f.trigger) continue;
        if (!trigger.events.includes(r.event_type)) continue;
        if (event.selfGenerated && trigger.filter?.ignoreSelf === true) continue;
        this.enqueue('trigger', trigger.key, payload, this.options.eventLatencyMs, null);
        queued += 1;
      }
    }
    return queued;
  }

  /** Delivers one queue message again (by delivery id, from `deliveries()`), as a fresh first attempt. */
  redeliverMessage(deliveryId: number): void {
    const row = this.db.prepare("SELECT * FROM deliveries WHERE id = ? AND kind = 'consumer'").get(deliveryId) as
      DeliveryRow | undefined;
    if (!row) throw new Error(`redeliverMessage: no queue delivery with id ${deliveryId}`);
    this.enqueue('consumer', row.target, JSON.parse(row.payload) as Record<string, unknown>, 0, row.job_id);
  }

  // --- scheduled triggers and web triggers ------------------------------------------------------

  async tick(scheduledTriggerKey: string): Promise<InvokeResult> {
    const t = this.manifest.scheduledTriggers.find((s) => s.key === scheduledTriggerKey);
    if (!t) throw new Error(`manifest.yml has no scheduledTrigger '${scheduledTriggerKey}'`);
    const fn = this.manifest.functions.get(t.function);
    const request = {
      context: { cloudId: this.identity.cloudId, moduleKey: t.key },
      contextToken: 'local-context-token',
      userAccess: { enabled: false },
    };
    return this.invoker.invoke({
      kind: 'scheduled',
      functionKey: t.function,
      moduleKey: t.key,
      cause: t.interval,
      args: [request, this.installContext()],
      timeoutSeconds: fn?.timeoutSeconds,
    });
  }

  startScheduler(): void {
    const ms = { fiveMinute: 300_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 };
    for (const t of this.manifest.scheduledTriggers) {
      const timer = setInterval(() => void this.tick(t.key), ms[t.interval]);
      timer.unref();
      this.schedulerTimers.push(timer);
    }
  }

  webtriggerUrl(key: string): string {
    return `${this.baseUrl}/x1/${encodeURIComponent(key)}`;
  }

  /** Runs a web trigger with Forge's request shape; returns Forge's response shape. */
  async webtrigger(
    key: string,
    req: {
      method: string;
      path: string;
      headers: Record<string, string[]>;
      query: Record<string, string[]>;
      body: string;
    },
  ): Promise<{ statusCode: number; headers: Record<string, string[]>; body: string }> {
    const w = this.manifest.webTriggers.find((x) => x.key === key);
    if (!w) return { statusCode: 404, headers: { 'content-type': ['text/plain'] }, body: 'Web trigger not found' };
    const request = {
      method: req.method,
      path: req.path,
      headers: req.headers,
      queryParameters: req.query,
      body: req.body,
      context: { cloudId: this.identity.cloudId, moduleKey: key },
      contextToken: 'local-context-token',
    };
    const result = await this.invoker.invoke({
      kind: 'webtrigger',
      functionKey: w.function,
      moduleKey: key,
      cause: `${req.method} ${req.path}`,
      args: [request, this.installContext()],
    });
    if (result.timedOut)
      return {
        statusCode: 504,
        headers: { 'content-type': ['text/plain'] },
        body: 'The web trigger timed out (55 s).',
      };
    if (!result.ok)
      return { statusCode: 500, headers: { 'content-type': ['text/plain'] }, body: 'The web trigger failed.' };
    const ResponseShape = z.object({
      statusCode: z.number().int(),
      headers: z.record(z.string(), z.array(z.string())).optional(),
      body: z.string().optional(),
      statusText: z.string().optional(),
    });
    if (w.response?.type !== 'dynamic') return { statusCode: 204, headers: {}, body: '' };
    const parsed = ResponseShape.safeParse(result.value);
    if (!parsed.success)
      return {
        statusCode: 500,
        headers: { 'content-type': ['text/plain'] },
        body: 'The web trigger returned an invalid response.',
      };
    return { statusCode: parsed.data.statusCode, headers: parsed.data.headers ?? {}, body: parsed.data.body ?? '' };
  }

  // --- resolvers (UI modules) -------------------------------------------------------------------

  uiModule(moduleKey: string): UiModule | undefined {
    return this.manifest.uiModules.find((m) => m.key === moduleKey);
  }

  /** Checks the bridge's rate limit (500 invoke calls per 25 s) for one session. */
  allowInvoke(sessionKey: string): boolean {
    const now = hostNow();
    const w = this.invokeWindows.get(sessionKey);
    if (!w || now - w.start > 25_000) {
      this.invokeWindows.set(sessionKey, { start: now, count: 1 });
      return true;
    }
    w.count += 1;
    return w.count <= 500;
  }

  /**
   * Calls a UI module's resolver as `accountId`, the way the bridge's `invoke` reaches it.
   * Identity comes from here, never from the payload.
   */
  async invoke(
    moduleKey: string,
    functionKey: string,
    payload: unknown,
    accountId: string,
    extension: Record<string, unknown> = {},
  ): Promise<InvokeResult> {
    const m = this.uiModule(moduleKey);
    if (!m?.resolver) throw new Error(`module '${moduleKey}' has no resolver in manifest.yml`);
    const user = this.site.user(accountId);
    if (!user || !user.active) throw new Error(`unknown or inactive account '${accountId}'`);
    if (user.role === 'customer' && !(m.unlicensedAccess ?? []).includes('customer')) {
      throw new Error(`module '${moduleKey}' does not allow unlicensed (customer) access`);
    }
    const context = this.productContext(m, accountId, extension);
    return this.invoker.invoke({
      kind: 'resolver',
      functionKey: m.resolver.function,
      moduleKey,
      cause: functionKey,
      principalAccountId: accountId,
      args: [
        { call: { functionKey, payload }, context },
        {
          principal: { accountId },
          installContext: this.installContext().installContext,
          license: { isActive: true },
          installation: { ari: `ari:cloud:ecosystem::installation/${this.identity.installationId}` },
        },
      ],
    });
  }

  /** The context a Custom UI module sees (`view.getContext()`), and that its resolver receives. */
  productContext(m: UiModule, accountId: string, extension: Record<string, unknown>): Record<string, unknown> {
    const user = this.site.user(accountId);
    return {
      accountId,
      accountType: user?.role === 'customer' ? 'customer' : 'licensed',
      cloudId: this.identity.cloudId,
      siteUrl: this.baseUrl,
      localId: `ari:cloud:ecosystem::extension/${this.identity.appId}/${this.identity.environmentId}/static/${m.key}`,
      moduleKey: m.key,
      environmentId: this.identity.environmentId,
      environmentType: 'DEVELOPMENT',
      appVersion: this.identity.appVersion,
      // The user's own language, as Forge gives it (a Forge locale code; Jira's profile says de_DE).
      locale: (user?.locale ?? 'en_US').replace('_', '-'),
      timezone: user?.timeZone ?? 'UTC',
      theme: { colorMode: 'light' },
      license: { isActive: true },
      extension: { type: m.type, ...extension },
    };
  }

  /** Runs `fn` as if inside an invocation (contract tests call `@forge/*` clients this way). */
  runAs<T>(
    opts: { accountId?: string; moduleKey?: string; timeoutSeconds?: number },
    fn: () => Promise<T>,
  ): Promise<{ value: T; metrics: InvokeResult['metrics'] }> {
    const store = this.invoker.newStore(
      'direct',
      'direct',
      opts.moduleKey ?? 'direct',
      'runAs',
      opts.accountId,
      opts.timeoutSeconds ?? 25,
    );
    this.metrics.add(store.metrics);
    return invocationStorage.run(store, async () => ({ value: await fn(), metrics: store.metrics }));
  }

  startSchedulerIfWanted(on: boolean): void {
    if (on) this.startScheduler();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.pumpTimer) clearTimeout(this.pumpTimer);
    for (const t of this.schedulerTimers) clearInterval(t);
    if (getDefaultHost() === this) setDefaultHost(undefined);
    this.db.close();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  markSeeded(kind: string): void {
    setMeta(this.db, 'seed-complete', kind);
  }

  seededAs(): string | undefined {
    return getMeta(this.db, 'seed-complete');
  }

  newJobId(): string {
    return randomUUID();
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (status === 204 || body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export function dbFileFor(opts: HostOptions): string {
  if (opts.dataDir === ':memory:') return ':memory:';
  const dir = opts.dataDir ?? join(REPO_ROOT, '.local-data');
  const file = join(dir, 'sentio-local.sqlite');
  if (opts.reset) for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
  return file;
}
