// Per-invocation cost counters: KVS operations and bytes, product REST calls, queue pushes.
// Benchmarks read these to report "KVS ops and Jira calls per event".

export type InvocationKind = 'resolver' | 'trigger' | 'scheduled' | 'webtrigger' | 'consumer' | 'direct';

export interface InvocationMetrics {
  invocationId: string;
  kind: InvocationKind;
  functionKey: string;
  moduleKey: string;
  /** What caused it: event type, resolver name, queue name… */
  cause: string;
  startedAt: number;
  durationMs: number;
  outcome: 'ok' | 'error' | 'timeout' | 'retry' | 'running';
  error?: string;
  kvs: {
    reads: number;
    writes: number;
    bytesRead: number;
    bytesWritten: number;
    requests: number;
    byPath: Record<string, number>;
  };
  jira: { calls: number; byRoute: Record<string, number>; asApp: number; asUser: number };
  queuePushes: number;
}

export function emptyMetrics(
  id: string,
  kind: InvocationKind,
  functionKey: string,
  moduleKey: string,
  cause: string,
  startedAt: number,
): InvocationMetrics {
  return {
    invocationId: id,
    kind,
    functionKey,
    moduleKey,
    cause,
    startedAt,
    durationMs: 0,
    outcome: 'running',
    kvs: { reads: 0, writes: 0, bytesRead: 0, bytesWritten: 0, requests: 0, byPath: {} },
    jira: { calls: 0, byRoute: {}, asApp: 0, asUser: 0 },
    queuePushes: 0,
  };
}

export interface MetricsSummary {
  invocations: number;
  byKind: Record<string, number>;
  kvsOps: number;
  kvsBytes: number;
  jiraCalls: number;
  errors: number;
}

/** Keeps the most recent invocations in memory; benchmarks reset it between runs. */
export class MetricsLog {
  private readonly items: InvocationMetrics[] = [];

  constructor(private readonly capacity = 20_000) {}

  add(m: InvocationMetrics): void {
    this.items.push(m);
    if (this.items.length > this.capacity) this.items.splice(0, this.items.length - this.capacity);
  }

  /** Finished and running invocations, oldest first, optionally filtered. */
  invocations(filter?: Partial<Pick<InvocationMetrics, 'kind' | 'functionKey' | 'cause'>>): InvocationMetrics[] {
    return this.items.filter(
      (m) =>
        (filter?.kind === undefined || m.kind === filter.kind) &&
        (filter?.functionKey === undefined || m.functionKey === filter.functionKey) &&
        (filter?.cause === undefined || m.cause === filter.cause),
    );
  }

  summary(filter?: Partial<Pick<InvocationMetrics, 'kind' | 'functionKey' | 'cause'>>): MetricsSummary {
    const list = this.invocations(filter);
    const byKind: Record<string, number> = {};
    let kvsOps = 0;
    let kvsBytes = 0;
    let jiraCalls = 0;
    let errors = 0;
    for (const m of list) {
      byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
      kvsOps += m.kvs.reads + m.kvs.writes;
      kvsBytes += m.kvs.bytesRead + m.kvs.bytesWritten;
      jiraCalls += m.jira.calls;
      if (m.outcome === 'error' || m.outcome === 'timeout') errors += 1;
    }
    return { invocations: list.length, byKind, kvsOps, kvsBytes, jiraCalls, errors };
  }

  reset(): void {
    this.items.length = 0;
  }
}
