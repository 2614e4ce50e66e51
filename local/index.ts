// Programmatic API of the local Forge host (documented in local/README.md).
import { dbFileFor, type HostOptions, LocalHost, type RedeliverFilter } from './host.js';
import type { InvokeResult } from './platform.js';
import { seedBasicSite, seedDemo, type DemoReport } from './seed.js';
import { HostServer } from './server.js';
import type { Adf } from './site/adf.js';
import type { Comment, Issue } from './site/site.js';

export type { HostOptions, RedeliverFilter } from './host.js';
export type { FaultRule } from './faults.js';
export type { InvocationMetrics, MetricsSummary } from './metrics.js';

export interface SiteApi {
  createTicket(input: {
    projectKey?: string;
    requestType?: string;
    summary: string;
    description?: string;
    reporter: string;
    priority?: string;
    participants?: string[];
    actor?: string;
  }): Issue;
  transition(key: string, status: string, actor: string): Issue;
  assign(key: string, assignee: string | null, actor: string): Issue;
  comment(key: string, body: string | Adf, opts: { author: string; public?: boolean }): Comment;
  editComment(key: string, commentId: string, body: string | Adf, actor: string): Comment;
  addParticipant(key: string, accountId: string): void;
  setSla(key: string, slaName: string, override: { goalMinutes: number }): void;
  deleteTicket(key: string, actor: string): void;
  closeAccount(accountId: string): void;
  /** Per-project permission: `false` takes Browse Projects (and every project permission) on that project away. */
  setBrowsePermission(projectKey: string, accountId: string, allowed: boolean): void;
  /** Advance the site clock (simulated time only moves when set). */
  advance(ms: number): void;
  setTime(ms: number): void;
}

export interface RunningHost {
  url: string;
  host: LocalHost;
  site: SiteApi & { raw: LocalHost['site'] };
  /** Persona ids of the seeded site, by role. */
  users: { admins: string[]; agents: string[]; customers: string[]; app: string };
  invoke(
    moduleKey: string,
    resolverName: string,
    payload: unknown,
    asAccountId: string,
    extension?: Record<string, unknown>,
  ): Promise<InvokeResult>;
  waitForIdle(timeoutMs?: number): Promise<void>;
  tick(scheduledTriggerKey: string): Promise<InvokeResult>;
  /** Sends product events again (at-least-once delivery): by `seq` from `events()`, a list, or a filter. Returns deliveries queued. */
  redeliver(which: number | number[] | RedeliverFilter): number;
  /** Sends one queue message again, by delivery id from `deliveries()`. */
  redeliverMessage(deliveryId: number): void;
  webtriggerUrl(key: string): string;
  metrics: LocalHost['metrics'];
  faults: LocalHost['faults'];
  deliveries: LocalHost['deliveries'];
  events: LocalHost['events'];
  demo?: DemoReport;
  close(): Promise<void>;
}

export async function startHost(opts: HostOptions = {}): Promise<RunningHost> {
  let host = new LocalHost({ ...opts, dbFile: dbFileFor(opts) });
  if (host.seededAs() === undefined && host.hasData()) {
    // A seed that was interrupted (no completion marker) left part of its data: seeding again on
    // top would duplicate it, so the seed starts over on an empty database.
    host.close();
    host = new LocalHost({ ...opts, dbFile: dbFileFor({ ...opts, reset: true }) });
  }
  const server = new HostServer(host, { resourceDirs: opts.resourceDirs ?? {} });
  const url = await server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1');
  host.baseUrl = url;
  let demo: DemoReport | undefined;
  const seed = opts.seed ?? 'basic';
  if (host.seededAs() === undefined) {
    if (seed === 'demo') demo = await seedDemo(host, opts.demo ?? {});
    else if (seed === 'basic') seedBasicSite(host);
    host.markSeeded(seed);
  }
  if (opts.scheduler) host.startScheduler();
  const who = (role: 'admin' | 'agent' | 'customer'): string[] => host.site.users(role).map((u) => u.accountId);
  const site = host.site;
  return {
    url,
    host,
    users: { admins: who('admin'), agents: who('agent'), customers: who('customer'), app: host.appAccountId },
    site: {
      raw: site,
      createTicket: (i) =>
        site.createTicket({
          projectKey: i.projectKey ?? site.projects()[0]?.key ?? '',
          requestType: i.requestType,
          summary: i.summary,
          description: i.description,
          reporter: i.reporter,
          priority: i.priority,
          participants: i.participants,
          actor: { accountId: i.actor ?? i.reporter },
        }),
      transition: (key, status, actor) => site.transition(key, status, { accountId: actor }),
      assign: (key, assignee, actor) => site.assign(key, assignee, { accountId: actor }),
      comment: (key, body, o) => site.comment(key, { body, public: o.public ?? true }, { accountId: o.author }),
      editComment: (key, id, body, actor) => site.editComment(key, id, body, { accountId: actor }),
      addParticipant: (key, id) => site.addParticipant(key, id),
      setSla: (key, name, o) => site.setSla(key, name, o),
      deleteTicket: (key, actor) => site.deleteTicket(key, { accountId: actor }),
      closeAccount: (id) => site.closeAccount(id),
      setBrowsePermission: (projectKey, id, allowed) => site.setBrowsePermission(projectKey, id, allowed),
      advance: (ms) => host.clock.advance(ms),
      setTime: (ms) => host.clock.set(ms),
    },
    invoke: (moduleKey, name, payload, as, extension) => host.invoke(moduleKey, name, payload, as, extension),
    waitForIdle: (t) => host.waitForIdle(t),
    tick: (k) => host.tick(k),
    redeliver: (which) => host.redeliver(which),
    redeliverMessage: (id) => host.redeliverMessage(id),
    webtriggerUrl: (k) => host.webtriggerUrl(k),
    metrics: host.metrics,
    faults: host.faults,
    deliveries: (f) => host.deliveries(f),
    events: (n) => host.events(n),
    ...(demo ? { demo } : {}),
    close: async () => {
      await server.close();
      // Let in-flight deliveries finish their current call before the database closes.
      await host.waitForIdle(5_000).catch(() => undefined);
      host.close();
    },
  };
}
