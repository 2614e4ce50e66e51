// Delivery of product events to triggers and of queue messages to consumers: a durable
// `deliveries` table, up to `concurrency` at a time, at least once, with Forge's retries.
// events-reference/product_events ("Retry Atlassian app events"), runtime-reference/async-events-api.
import type { Db } from './db.js';
import type { Delivery, DeliveryRow, HostReadings, RedeliverFilter } from './host-options.js';
import type { AppManifest } from './manifest.js';
import { type AppIdentity, type InvokeResult, type Invoker, isRetryRequest } from './platform.js';
import { hostNow } from './runtime.js';
import type { IssueEventType } from './site/site.js';

const MAX_RETRIES = 4;
const MAX_RETRY_AFTER_S = 900;

export interface QueueOptions {
  delayScale: number;
  concurrency: number;
  eventLatencyMs: number;
  verbose: boolean;
}

export interface QueueDeps {
  readonly db: Db;
  readonly manifest: AppManifest;
  readonly invoker: Invoker;
  readonly identity: AppIdentity;
  readonly options: QueueOptions;
  readonly readings: HostReadings;
  readonly installContext: () => { installContext: string };
}

interface EventRow {
  seq: number;
  event_type: string;
  payload: string;
  self_generated: number;
  at: number;
}

export class DeliveryQueue {
  private running = 0;
  private pumpTimer: NodeJS.Timeout | undefined;
  private idleWaiters: Array<() => void> = [];
  private closed = false;

  constructor(private readonly deps: QueueDeps) {
    // A crash mid-delivery leaves rows 'running': deliver them again (at least once), and deliver
    // what was waiting at once rather than when some later event happens to start the queue.
    deps.db.prepare("UPDATE deliveries SET state = 'pending' WHERE state = 'running'").run();
    const stats = this.queueStats();
    if (stats['trigger:pending'] || stats['consumer:pending']) this.schedulePump(0);
  }

  /** A product event the site emitted: stored, then queued for every trigger that subscribes. */
  onProductEvent(type: IssueEventType, payload: Record<string, unknown>, selfGenerated: boolean, at: number): void {
    // `timestamp` is a string of epoch ms, as the events reference documents it
    // (events-reference/jira, "Common fields in Jira event payloads").
    const full = { eventType: type, ...this.withReadings(payload), selfGenerated, timestamp: String(at) };
    this.deps.db
      .prepare('INSERT INTO events (event_type, payload, self_generated, at) VALUES (?, ?, ?, ?)')
      .run(type, JSON.stringify(full), selfGenerated ? 1 : 0, at);
    for (const trigger of this.deps.manifest.triggers) {
      if (!trigger.events.includes(type)) continue;
      if (selfGenerated && trigger.filter?.ignoreSelf === true) continue;
      this.enqueue('trigger', trigger.key, full, this.deps.options.eventLatencyMs, null);
    }
  }

  /** `comment.jsdPublic` is undocumented: left out when the host reads it as absent. */
  private withReadings(payload: Record<string, unknown>): Record<string, unknown> {
    const comment = payload.comment;
    if (this.deps.readings.commentJsdPublic !== false || typeof comment !== 'object' || comment === null)
      return payload;
    const { jsdPublic: _omitted, ...rest } = comment as Record<string, unknown>;
    return { ...payload, comment: rest };
  }

  enqueue(
    kind: 'trigger' | 'consumer',
    target: string,
    payload: Record<string, unknown>,
    delayMs: number,
    jobId: string | null,
  ): void {
    const notBefore = hostNow() + delayMs * this.deps.options.delayScale;
    this.deps.db
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
    const { db, options } = this.deps;
    while (this.running < options.concurrency) {
      const row = db
        .prepare("SELECT * FROM deliveries WHERE state = 'pending' AND not_before <= ? ORDER BY not_before, id LIMIT 1")
        .get(hostNow()) as DeliveryRow | undefined;
      if (!row) break;
      db.prepare("UPDATE deliveries SET state = 'running' WHERE id = ?").run(row.id);
      this.running += 1;
      void this.deliver(row).finally(() => {
        this.running -= 1;
        this.schedulePump(0);
      });
    }
    const next = db.prepare("SELECT MIN(not_before) AS t FROM deliveries WHERE state = 'pending'").get() as {
      t: number | null;
    };
    if (next.t !== null && this.running < options.concurrency) this.schedulePump(Math.max(1, next.t - hostNow()));
    if (this.running === 0 && next.t === null) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  private retryContextOf(row: DeliveryRow): Record<string, unknown> | undefined {
    if (row.attempt === 0) return undefined;
    return {
      retryCount: row.attempt,
      retryReason: row.retry_reason ?? 'FUNCTION_RETRY_REQUEST',
      retryData: row.retry_data === null ? undefined : (JSON.parse(row.retry_data) as unknown),
    };
  }

  /** A trigger's invocation; product-event triggers are retried after a platform-level time-out. */
  private async invokeTrigger(row: DeliveryRow, payload: Record<string, unknown>): Promise<InvokeResult | string> {
    const trigger = this.deps.manifest.triggers.find((t) => t.key === row.target);
    if (!trigger) return `trigger '${row.target}' is no longer in manifest.yml`;
    const retryContext = this.retryContextOf(row);
    const event = {
      ...payload,
      context: { cloudId: this.deps.identity.cloudId, moduleKey: trigger.key },
      contextToken: 'local-context-token',
      ...(retryContext ? { retryContext } : {}),
    };
    return this.deps.invoker.invoke({
      kind: 'trigger',
      functionKey: trigger.function,
      moduleKey: trigger.key,
      cause: String(payload.eventType),
      args: [event, this.deps.installContext()],
    });
  }

  /** A consumer's invocation, as a resolver call (`resolver: {function, method}`) or an AsyncEvent. */
  private async invokeConsumer(row: DeliveryRow, payload: Record<string, unknown>): Promise<InvokeResult | string> {
    const consumer = this.deps.manifest.consumers.find((c) => c.key === row.target);
    if (!consumer) return `consumer '${row.target}' is no longer in manifest.yml`;
    const fnKey = consumer.function ?? consumer.resolver?.function ?? '';
    const install = this.deps.installContext();
    const retryContext = this.retryContextOf(row);
    const retry = retryContext ? { retryContext } : {};
    const body = (payload.body ?? {}) as Record<string, unknown>;
    const args = consumer.resolver
      ? [
          {
            call: { functionKey: consumer.resolver.method, payload: body, jobId: row.job_id ?? undefined },
            context: { ...install, moduleKey: consumer.key, ...retry },
          },
          { installContext: install.installContext, principal: undefined, license: { isActive: true } },
        ]
      : [{ body, queueName: payload.queueName, jobId: row.job_id, eventId: `${row.id}`, ...retry }, install];
    return this.deps.invoker.invoke({
      kind: 'consumer',
      functionKey: fnKey,
      moduleKey: consumer.key,
      cause: String(payload.queueName),
      args,
      timeoutSeconds: this.deps.manifest.functions.get(fnKey)?.timeoutSeconds,
    });
  }

  private async deliver(row: DeliveryRow): Promise<void> {
    const payload = JSON.parse(row.payload) as Record<string, unknown>;
    const result =
      row.kind === 'trigger' ? await this.invokeTrigger(row, payload) : await this.invokeConsumer(row, payload);
    if (typeof result === 'string') return this.finish(row, 'failed', result);
    if (this.deps.options.verbose)
      console.log(
        `[host] ${row.kind} ${row.target} ${String(payload.eventType ?? payload.queueName)} → ${result.metrics.outcome} (${result.metrics.durationMs} ms)${result.error ? ` ${result.error.message}` : ''}`,
      );
    if (result.ok && isRetryRequest(result.value)) {
      const opts = result.value.retryOptions ?? {};
      const after = Math.min(MAX_RETRY_AFTER_S, Math.max(1, opts.retryAfter ?? 1));
      return this.retry(row, after, opts.retryReason ?? 'FUNCTION_RETRY_REQUEST', opts.retryData, 'retry requested');
    }
    if (result.ok) return this.finish(row, 'done', null);
    // Queue messages are retried after any failure; product events after a platform-level error
    // such as a time-out (events-reference/product_events, "Retry for platform level errors").
    if (row.kind === 'consumer' || result.timedOut) {
      const reason = result.timedOut ? 'FUNCTION_TIME_OUT' : 'FUNCTION_PLATFORM_UNKNOWN_ERROR';
      return this.retry(row, 2 ** row.attempt * 5, reason, undefined, result.error?.message ?? 'error');
    }
    return this.finish(row, 'failed', result.error?.message ?? 'error');
  }

  private retry(row: DeliveryRow, afterSeconds: number, reason: string, data: unknown, message: string): void {
    if (row.attempt >= MAX_RETRIES)
      return this.finish(row, 'failed', `${message} (gave up after ${MAX_RETRIES} retries)`);
    this.deps.db
      .prepare(
        "UPDATE deliveries SET state = 'pending', attempt = attempt + 1, not_before = ?, retry_reason = ?, retry_data = ?, last_error = ? WHERE id = ?",
      )
      .run(
        hostNow() + afterSeconds * 1000 * this.deps.options.delayScale,
        reason,
        data === undefined ? null : JSON.stringify(data),
        message,
        row.id,
      );
  }

  private finish(row: DeliveryRow, state: 'done' | 'failed', error: string | null): void {
    this.deps.db.prepare('UPDATE deliveries SET state = ?, last_error = ? WHERE id = ?').run(state, error, row.id);
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
    const rows = this.deps.db
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
    return (this.deps.db.prepare(sql).all(...params) as DeliveryRow[]).map((r) => ({
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
    const rows = this.deps.db
      .prepare('SELECT * FROM (SELECT * FROM events ORDER BY seq DESC LIMIT ?) ORDER BY seq')
      .all(limit) as EventRow[];
    return rows.map((r) => ({
      seq: r.seq,
      eventType: r.event_type,
      payload: JSON.parse(r.payload) as Record<string, unknown>,
      selfGenerated: r.self_generated === 1,
      at: r.at,
    }));
  }

  private eventsMatching(f: RedeliverFilter): EventRow[] {
    let sql = 'SELECT * FROM events WHERE 1 = 1';
    const params: unknown[] = [];
    if (f.seq) {
      sql += ` AND seq IN (${f.seq.map(() => '?').join(', ')})`;
      params.push(...f.seq);
    }
    const conditions: Array<[unknown, string, unknown]> = [
      [f.fromSeq, 'seq >= ?', f.fromSeq],
      [f.toSeq, 'seq <= ?', f.toSeq],
      [f.eventType, 'event_type = ?', f.eventType],
      [f.selfGenerated, 'self_generated = ?', f.selfGenerated ? 1 : 0],
    ];
    for (const [given, clause, value] of conditions) {
      if (given === undefined) continue;
      sql += ` AND ${clause}`;
      params.push(value);
    }
    const rows = this.deps.db.prepare(`${sql} ORDER BY seq`).all(...params) as EventRow[];
    if (f.seq && rows.length < new Set(f.seq).size) {
      const found = new Set(rows.map((r) => r.seq));
      throw new Error(`redeliver: no event with seq ${f.seq.filter((n) => !found.has(n)).join(', ')} (see events())`);
    }
    return rows;
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
    if (f.seq && f.seq.length === 0) return 0;
    let queued = 0;
    for (const r of this.eventsMatching(f)) {
      const payload = JSON.parse(r.payload) as Record<string, unknown>;
      const event = { seq: r.seq, eventType: r.event_type, payload, selfGenerated: r.self_generated === 1, at: r.at };
      if (f.issueKey !== undefined && (payload.issue as { key?: unknown } | undefined)?.key !== f.issueKey) continue;
      if (f.where && !f.where(event)) continue;
      for (const trigger of this.deps.manifest.triggers) {
        if (f.trigger !== undefined && trigger.key !== f.trigger) continue;
        if (!trigger.events.includes(r.event_type)) continue;
        if (event.selfGenerated && trigger.filter?.ignoreSelf === true) continue;
        this.enqueue('trigger', trigger.key, payload, this.deps.options.eventLatencyMs, null);
        queued += 1;
      }
    }
    return queued;
  }

  /** Delivers one queue message again (by delivery id, from `deliveries()`), as a fresh first attempt. */
  redeliverMessage(deliveryId: number): void {
    const row = this.deps.db.prepare("SELECT * FROM deliveries WHERE id = ? AND kind = 'consumer'").get(deliveryId) as
      DeliveryRow | undefined;
    if (!row) throw new Error(`redeliverMessage: no queue delivery with id ${deliveryId}`);
    this.enqueue('consumer', row.target, JSON.parse(row.payload) as Record<string, unknown>, 0, row.job_id);
  }

  close(): void {
    this.closed = true;
    if (this.pumpTimer) clearTimeout(this.pumpTimer);
  }
}
