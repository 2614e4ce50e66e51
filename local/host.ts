// The local Forge host: one object that wires the parts together from manifest.yml — the JSM site,
// the KVS, the wire router (`__forge_fetch__`), the delivery queue, scheduled and web triggers, and
// the UI modules' resolvers. `startHost()` (index.ts) is the programmatic entry point; `local/main.ts`
// is `npm start`. Each part lives in its own file; this one only composes them and keeps the API.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, getMeta, openDb, setMeta } from './db.js';
import { DeliveryQueue } from './delivery-queue.js';
import { FaultInjector } from './faults.js';
import { type I18nBundle, loadI18nBundle, writeAppCodeDir } from './i18n.js';
import type { HostOptions, HostReadings } from './host-options.js';
import { KvsStore } from './kvs.js';
import {
  type CallSpan,
  callKind,
  LATENCY_PROFILES,
  LatencyModel,
  latencyProfile,
  nextStamp,
  requestBytes,
} from './latency.js';
import { type AppManifest, loadManifest, type UiModule } from './manifest.js';
import { MAX_SPANS, MetricsLog } from './metrics.js';
import { REPO_ROOT } from './paths.js';
import { type AppIdentity, HandlerRegistry, type InvokeResult, Invoker } from './platform.js';
import {
  getDefaultHost,
  installAppClock,
  installGlobals,
  invocationStorage,
  type InvocationStore,
  type PlatformHandler,
  type RequestInitLike,
  setDefaultHost,
} from './runtime.js';
import { Scheduler } from './scheduler.js';
import { SiteClock } from './site/clock.js';
import type { PropertyAlias } from './site/jql.js';
import { createJiraRest, type RestResponse } from './site/rest.js';
import { CLOUD_ID, JiraSite } from './site/site.js';
import { UiModules } from './ui-modules.js';
import { type WebRequest, type WebResponse, WebTriggers } from './web-triggers.js';
import { WireRouter } from './wire-router.js';

export type { Delivery, HostOptions, HostReadings, RedeliverFilter } from './host-options.js';
export { REPO_ROOT } from './paths.js';

function identityOf(manifest: AppManifest, i18n: I18nBundle | null): AppIdentity {
  const appUuid = manifest.appId.split('/').pop() ?? 'app';
  return {
    appId: appUuid,
    environmentId: 'local-development',
    installationId: `local-${appUuid.slice(0, 8)}`,
    cloudId: CLOUD_ID,
    appVersion: '1.0.0-local',
    appCodeDir: writeAppCodeDir(i18n),
  };
}

/** The manifest's searchable issue properties, for JQL. */
function propertyAliases(manifest: AppManifest): PropertyAlias[] {
  return manifest.entityProperties
    .filter((p) => p.entityType === 'issue')
    .flatMap((p) =>
      p.values.flatMap((v) =>
        v.searchAlias ? [{ alias: v.searchAlias, propertyKey: p.propertyKey, path: v.path, type: v.type }] : [],
      ),
    );
}

export class LocalHost implements PlatformHandler {
  readonly manifest: AppManifest;
  readonly db: Db;
  readonly clock: SiteClock;
  readonly site: JiraSite;
  readonly kvs: KvsStore;
  readonly metrics = new MetricsLog();
  readonly faults = new FaultInjector();
  readonly identity: AppIdentity;
  readonly appAccountId: string;
  readonly invoker: Invoker;
  readonly queue: DeliveryQueue;
  readonly scheduler: Scheduler;
  readonly webTriggers: WebTriggers;
  readonly uiModules: UiModules;
  /**
   * The latency model every platform call and bridge `invoke` goes through while `latencyOn`
   * (`latency` option, or a bench switching it at run time; test/bench/latency-hook.ts).
   */
  readonly latency: LatencyModel;
  latencyOn: boolean;
  baseUrl = 'http://localhost';
  private readonly rest: ReturnType<typeof createJiraRest>;
  private readonly wire: WireRouter;
  private readonly direct: InvocationStore;
  private readonly callListeners = new Set<(invocationId: string, span: CallSpan) => void>();
  /** manifest.yml `translations` as deployed: served to frames and read by functions (local/i18n.ts). */
  readonly i18n: I18nBundle | null;
  private closed = false;

  constructor(opts: HostOptions & { dbFile: string }) {
    this.manifest = loadManifest(opts.manifestPath ?? join(REPO_ROOT, 'manifest.yml'));
    this.i18n = loadI18nBundle(opts.manifestPath ?? join(REPO_ROOT, 'manifest.yml'), REPO_ROOT);
    this.db = openDb(opts.dbFile);
    this.clock = new SiteClock(opts.clock);
    this.identity = identityOf(this.manifest, this.i18n);
    this.appAccountId = `712020:${this.identity.appId}`;
    const readings: HostReadings = opts.readings ?? {};
    this.site = new JiraSite(this.db, this.clock, (type, payload, self, at) =>
      this.queue.onProductEvent(type, payload, self, at),
    );
    this.site.addUser({
      accountId: this.appAccountId,
      displayName: 'Sentio (app)',
      role: 'app',
      email: 'sentio-app@connect.atlassian.com',
    });
    this.kvs = new KvsStore(this.db, this.manifest.entities, () => this.clock.now(), {
      strictEntityAttributes: opts.strictEntityAttributes ?? true,
      conditionFailure: readings.conditionFailure ?? { status: 409, code: 'CONDITIONAL_CHECK_FAILED' },
      missingKeyConditions: readings.missingKeyConditions ?? 'evaluate',
    });
    this.rest = createJiraRest(this.site, propertyAliases(this.manifest));
    this.latency = new LatencyModel(
      opts.latency === undefined ? LATENCY_PROFILES.none : latencyProfile(opts.latency),
      opts.latencyMode ?? 'wait',
    );
    this.latencyOn = opts.latency !== undefined;
    // Handlers see the site's clock through `Date.now()` while it is simulated (runtime.ts `installAppClock`).
    this.invoker = new Invoker(
      this.manifest,
      new HandlerRegistry(REPO_ROOT, opts.handlers ?? {}),
      this.identity,
      this,
      this.metrics,
      opts.timeLimitScale ?? 1,
      () => (this.clock.isSystem ? undefined : this.clock.now()),
    );
    const install = () => this.installContext();
    const options = {
      delayScale: opts.delayScale ?? 1,
      concurrency: opts.concurrency ?? 4,
      eventLatencyMs: opts.eventLatencyMs ?? 0,
      verbose: opts.verbose ?? false,
    };
    const { manifest, db, invoker, identity, site } = this;
    this.queue = new DeliveryQueue({ db, manifest, invoker, identity, options, readings, installContext: install });
    this.scheduler = new Scheduler(manifest, invoker, identity, install);
    this.webTriggers = new WebTriggers(manifest, invoker, identity, install, () => this.baseUrl);
    this.uiModules = new UiModules(manifest, site, invoker, identity, install, () => this.baseUrl);
    this.wire = new WireRouter({
      kvs: this.kvs,
      faults: this.faults,
      site,
      readings,
      appAccountId: this.appAccountId,
      stargate: { db, manifest, site, queue: this.queue, webtriggerUrl: (key) => this.webtriggerUrl(key) },
      callJira: (principal, method, path, body, self) => this.callJira(principal, method, path, body, self),
    });
    this.direct = this.invoker.newStore('direct', 'direct', 'direct', 'direct', undefined, 24 * 3600);
    this.metrics.add(this.direct.metrics);
    installGlobals();
    installAppClock();
    setDefaultHost(this);
  }

  /** True when the database holds anything: a site, app data or deliveries. */
  hasData(): boolean {
    const any = (table: string) =>
      this.db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table}) AS x`).get() as { x: number };
    return ['users', 'issues', 'kvs', 'deliveries'].some((t) => any(t).x === 1);
  }

  defaultStore(): InvocationStore {
    return this.direct;
  }

  platformFetch(
    store: InvocationStore,
    target: Record<string, unknown>,
    path: string,
    init: RequestInitLike | undefined,
  ): Promise<Response> {
    const call = () => this.wire.platformFetch(store, target, path, init);
    const kind = callKind(target, path);
    const record = (span: CallSpan): void => {
      if (store.metrics.calls.length < MAX_SPANS) store.metrics.calls.push(span);
      for (const listener of this.callListeners) listener(store.metrics.invocationId, span);
    };
    if (this.latencyOn) return this.latency.around(kind, requestBytes(init), call, record);
    // No model: the span is still recorded, without delay. Its order is only indicative: without the
    // model's turn of the event loop on each side, calls sent together may not overlap.
    const sent = nextStamp();
    return call().then((res) => {
      record({ kind, sent, answered: nextStamp(), modelledMs: 0 });
      return res;
    });
  }

  /** Tells `listener` of every platform call as it is answered; returns the way to stop. */
  onPlatformCall(listener: (invocationId: string, span: CallSpan) => void): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  /** The user grants the app access to act as them (`readings.asUserConsent: 'required'`). */
  grantConsent(accountId: string): void {
    this.wire.grantConsent(accountId);
  }

  /** Every REST operation the site serves (method and OpenAPI path template). */
  servedRoutes(): Array<{ method: string; path: string }> {
    return [...this.rest.served];
  }

  /** Product REST as someone: the app (`asApp`), a user (`asUser`), or a person in the host's own UI. */
  callJira(
    principal: { kind: 'app' | 'user'; accountId: string },
    method: string,
    path: string,
    body: string | undefined,
    self: boolean,
  ): RestResponse {
    // The app's own calls (asApp, asUser, the bridge's requestJira) need the manifest's scopes.
    return this.rest({ method, path, body, principal, self, ...(self ? { scopes: this.manifest.scopes } : {}) });
  }

  installContext(): { installContext: string } {
    return { installContext: `ari:cloud:jira::site/${this.identity.cloudId}` };
  }

  // --- the parts' programmatic API (local/README.md) --------------------------------------------

  waitForIdle(timeoutMs?: number): Promise<void> {
    return this.queue.waitForIdle(timeoutMs);
  }
  queueStats(): Record<string, number> {
    return this.queue.queueStats();
  }
  deliveries(...args: Parameters<DeliveryQueue['deliveries']>): ReturnType<DeliveryQueue['deliveries']> {
    return this.queue.deliveries(...args);
  }
  events(limit?: number): ReturnType<DeliveryQueue['events']> {
    return this.queue.events(limit);
  }
  redeliver(which: Parameters<DeliveryQueue['redeliver']>[0]): number {
    return this.queue.redeliver(which);
  }
  redeliverMessage(deliveryId: number): void {
    this.queue.redeliverMessage(deliveryId);
  }
  tick(scheduledTriggerKey: string): Promise<InvokeResult> {
    return this.scheduler.tick(scheduledTriggerKey);
  }
  startScheduler(): void {
    this.scheduler.start();
  }
  startSchedulerIfWanted(on: boolean): void {
    if (on) this.scheduler.start();
  }
  webtriggerUrl(key: string): string {
    return this.webTriggers.url(key);
  }
  webtrigger(key: string, req: WebRequest): Promise<WebResponse> {
    return this.webTriggers.run(key, req);
  }
  uiModule(moduleKey: string): UiModule | undefined {
    return this.uiModules.module(moduleKey);
  }
  allowInvoke(sessionKey: string): boolean {
    return this.uiModules.allowInvoke(sessionKey);
  }
  invoke(...args: Parameters<UiModules['invoke']>): Promise<InvokeResult> {
    const call = () => this.uiModules.invoke(...args);
    // The bridge `invoke` itself is a round trip from the browser (local/latency.ts).
    return this.latencyOn ? this.latency.invoke(call) : call();
  }
  productContext(m: UiModule, accountId: string, extension: Record<string, unknown>): Record<string, unknown> {
    return this.uiModules.productContext(m, accountId, extension);
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

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue.close();
    this.scheduler.close();
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

export function dbFileFor(opts: HostOptions): string {
  if (opts.dataDir === ':memory:') return ':memory:';
  const dir = opts.dataDir ?? join(REPO_ROOT, '.local-data');
  const file = join(dir, 'sentio-local.sqlite');
  if (opts.reset) for (const suffix of ['', '-wal', '-shm']) if (existsSync(file + suffix)) rmSync(file + suffix);
  return file;
}
