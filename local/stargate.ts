// The platform services the @forge clients reach on the `stargate` remote: queue push, job stats
// and cancel (@forge/events), web trigger URLs (GraphQL, @forge/api webTrigger), personal-data
// reporting (@forge/api privacy) and app events.
import { z } from 'zod';
import type { Db } from './db.js';
import type { DeliveryQueue } from './delivery-queue.js';
import { json } from './http.js';
import type { AppManifest } from './manifest.js';
import type { InvocationStore } from './runtime.js';
import type { JiraSite } from './site/site.js';

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

export interface StargateDeps {
  readonly db: Db;
  readonly manifest: AppManifest;
  readonly site: JiraSite;
  readonly queue: DeliveryQueue;
  readonly webtriggerUrl: (key: string) => string;
}

function parse<T>(schema: z.ZodType<T>, body: string | undefined): T | Response {
  try {
    return schema.parse(body === undefined ? {} : JSON.parse(body));
  } catch (e) {
    return json(400, { message: 'Bad request', errors: [(e as Error).message] });
  }
}

function publish(deps: StargateDeps, store: InvocationStore, body: string | undefined): Response {
  const req = parse(QueuePushBody, body);
  if (req instanceof Response) return req;
  const consumers = deps.manifest.consumers.filter((c) => c.queue === req.queueName);
  if (consumers.length === 0)
    return json(400, {
      message: `No consumer is declared for queue '${req.queueName}' in manifest.yml.`,
      code: 'QUEUE_NOT_FOUND',
    });
  store.metrics.queuePushes += req.payload.length;
  for (const event of req.payload)
    for (const c of consumers)
      deps.queue.enqueue(
        'consumer',
        c.key,
        { ...event, queueName: req.queueName },
        (event.delayInSeconds ?? 0) * 1000,
        req.jobId,
      );
  return json(201, {});
}

function jobStats(deps: StargateDeps, body: string | undefined): Response {
  const req = parse(JobBody, body);
  if (req instanceof Response) return req;
  const rows = deps.db
    .prepare('SELECT state, COUNT(*) AS n FROM deliveries WHERE job_id = ? GROUP BY state')
    .all(req.jobId) as Array<{ state: string; n: number }>;
  if (rows.length === 0) return json(404, { message: 'Job not found' });
  const n = (s: string): number => rows.find((r) => r.state === s)?.n ?? 0;
  return json(200, { success: n('done'), inProgress: n('pending') + n('running'), failed: n('failed') });
}

function cancelJob(deps: StargateDeps, body: string | undefined): Response {
  const req = parse(JobBody, body);
  if (req instanceof Response) return req;
  const changed = deps.db
    .prepare("UPDATE deliveries SET state = 'failed', last_error = 'cancelled' WHERE job_id = ? AND state = 'pending'")
    .run(req.jobId).changes;
  const exists = (
    deps.db.prepare('SELECT COUNT(*) AS n FROM deliveries WHERE job_id = ?').get(req.jobId) as { n: number }
  ).n;
  return exists === 0 && changed === 0 ? json(404, { message: 'Job not found' }) : new Response(null, { status: 204 });
}

function graphql(deps: StargateDeps, body: string | undefined): Response {
  const req = parse(GraphqlBody, body);
  if (req instanceof Response) return req;
  if (req.query.includes('createWebTriggerUrl')) {
    const input = (req.variables?.input ?? {}) as { triggerKey?: string };
    const key = input.triggerKey ?? '';
    if (!deps.manifest.webTriggers.some((w) => w.key === key))
      return json(200, { data: null, errors: [{ message: `Web trigger '${key}' is not in manifest.yml` }] });
    return json(200, { data: { createWebTriggerUrl: { url: deps.webtriggerUrl(key) } } });
  }
  if (req.query.includes('webTriggerUrlsByAppContext')) {
    const urls = deps.manifest.webTriggers.map((w) => ({ triggerKey: w.key, url: deps.webtriggerUrl(w.key) }));
    return json(200, { data: { webTriggerUrlsByAppContext: urls } });
  }
  if (req.query.includes('deleteWebTriggerUrl'))
    return json(200, { data: { deleteWebTriggerUrl: { success: true, message: null } } });
  return json(200, { data: null, errors: [{ message: 'This GraphQL operation is not emulated by the local host.' }] });
}

function reportAccounts(deps: StargateDeps, body: string | undefined): Response {
  const req = parse(ReportAccountsBody, body);
  if (req instanceof Response) return req;
  // `closed` for a closed account; `updated` when the profile changed after the app's copy was
  // read (mirror/user-privacy-guidelines/index.md, "Personal data reporting API reference").
  const actions = req.accounts.flatMap((a) => {
    const u = deps.site.user(a.accountId);
    if (!u || !u.active) return [{ accountId: a.accountId, status: 'closed' }];
    const changed = deps.site.profileChangedAt(a.accountId);
    return changed !== undefined && changed > Date.parse(a.updatedAt)
      ? [{ accountId: a.accountId, status: 'updated' }]
      : [];
  });
  return actions.length === 0 ? new Response(null, { status: 204 }) : json(200, { accounts: actions });
}

/** Answers one request to the `stargate` remote (faults are injected by the wire router first). */
export function stargateFetch(deps: StargateDeps, store: InvocationStore, path: string, body?: string): Response {
  if (path.startsWith('/webhook/queue/publish/')) return publish(deps, store, body);
  if (path.startsWith('/webhook/queue/stats/')) return jobStats(deps, body);
  if (path.startsWith('/webhook/queue/cancel/')) return cancelJob(deps, body);
  if (path === '/graphql') return graphql(deps, body);
  if (path === '/app/report-accounts') return reportAccounts(deps, body);
  if (path === '/forge/events/v1/app-events') return json(200, { failedEvents: [] });
  return json(404, { message: `The local host does not emulate ${path}` });
}
