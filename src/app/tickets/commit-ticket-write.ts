/**
 * The one write path of a ticket: whatever changed it (an event, an answer, the hourly job, an
 * agent), the new record, its asks and its rollup delta (new contribution − stored) commit in one
 * KVS transaction checked on every revision read. A lost race throws `WriteConflict`; callers run
 * it inside `withOptimisticRetry`, which re-reads and tries again.
 */
import type { Ask } from '../../domain/ask';
import {
  applyDeltaToBucket,
  canonicalCells,
  contributionDelta,
  splitDeltaByBucket,
  type RollupDelta,
} from '../../domain/rollup';
import { LEGACY_GENERATIONS, type AppPorts, type BucketRef, type StoredConfig, type Versioned } from '../ports';
import { newHoldings } from '../privacy/account-holdings';
import { contributionFor } from './derive-record';
import { surveyStatsCellsOf } from './survey-stats-cells';
import type { StoredBucket, TicketRecord } from './ticket-record';

export interface TicketWrite {
  readonly before: Versioned<TicketRecord> | null;
  readonly after: TicketRecord;
  readonly asks?: readonly Ask[];
  readonly askNonces?: ReadonlyMap<string, readonly string[]>;
}

/** A ticket write worked out before any bucket is read: the record to store and its delta per bucket. */
export interface TicketWritePlan {
  readonly record: TicketRecord;
  /** The ticket's revision the write is conditioned on (0: new). */
  readonly expectedRev: number;
  /** The delta for each bucket of each live generation the write changes (usually 0–2). */
  readonly parts: ReadonlyArray<{ readonly at: BucketRef; readonly delta: RollupDelta }>;
  readonly projects: readonly string[];
}

/**
 * What a ticket write changes, without reading anything: every live generation gets new − what it
 * holds of this ticket (the stored contribution if the ticket is already in it, nothing otherwise,
 * so a rebuild's first visit adds the whole ticket).
 */
export function planTicketWrite(config: StoredConfig, write: TicketWrite, rebuilding: boolean): TicketWritePlan {
  // Survey activity (response rate, fatigue) rides along as cells of the same contribution.
  const contribution = write.after.experience.deleted
    ? []
    : canonicalCells([...contributionFor(write.after.experience, config.xlas), ...surveyStatsCellsOf(write.after)]);
  const previous = write.before?.value.contribution ?? [];
  const shard = write.before?.value.shard ?? write.after.shard;
  const gens = config.rollups ?? LEGACY_GENERATIONS;
  const targets =
    gens.building === null || gens.building === gens.active ? [gens.active] : [gens.active, gens.building];
  const holding = new Set(write.before?.value.rollupGens ?? []);
  const parts = targets.flatMap((generation) =>
    splitDeltaByBucket(contributionDelta(holding.has(generation) ? previous : [], contribution)).map((part) => ({
      delta: part.delta,
      at: { generation, projectId: part.ref.projectId, period: part.ref.period, shard } satisfies BucketRef,
    })),
  );
  const record: TicketRecord = {
    ...write.after,
    contribution: [...contribution],
    shard,
    rollupGens: targets,
    undelivered: undeliveredAfter(config, write),
  };
  return { record, expectedRev: write.before?.rev ?? 0, parts, projects: projectsToRegister(write, rebuilding) };
}

/** A bucket after a delta; an emptied bucket is kept (as null): deleting it would need its own checked operation. */
export function bucketAfter(current: StoredBucket | null, at: BucketRef, delta: RollupDelta): StoredBucket {
  return { ...at, bucket: applyDeltaToBucket(current?.bucket ?? null, at, delta) };
}

/**
 * Applies the rollup delta of a ticket change and commits it with the ticket, atomically.
 * Reads only the buckets the delta touches (usually 0–2).
 * @throws WriteConflict when a revision moved since it was read
 */
export async function commitTicketWrite(
  ports: AppPorts,
  config: StoredConfig,
  write: TicketWrite,
  options: { readonly checkConfig?: boolean } = {},
): Promise<TicketRecord> {
  const plan = planTicketWrite(config, write, options.checkConfig === true);
  const stored = plan.parts.length === 0 ? [] : await ports.rollups.getBuckets(plan.parts.map((p) => p.at));
  const byRef = new Map(stored.map((b) => [bucketRefId(b.value), b]));
  const buckets = plan.parts.map((part) => {
    const current = byRef.get(bucketRefId(part.at));
    return { bucket: bucketAfter(current?.value ?? null, part.at, part.delta), expectedRev: current?.rev ?? 0 };
  });
  await ports.tickets.commit({
    ...(options.checkConfig === true ? { configRev: config.rev ?? config.version } : {}),
    ticket: { record: plan.record, expectedRev: plan.expectedRev },
    asks: (write.asks ?? []).map((ask) => ({ ask, usedNonces: write.askNonces?.get(ask.id) ?? [] })),
    buckets,
    // Every account id the write stores for the first time gets its row no later than the data.
    holdings: newHoldings(write.before?.value ?? null, plan.record, write.asks ?? []),
    projects: plan.projects,
  });
  return plan.record;
}

/** One bucket's identity as a map key (not its storage key, which is the adapter's). */
export function bucketRefId(ref: BucketRef): string {
  return JSON.stringify([ref.generation, ref.projectId, ref.period, ref.shard]);
}

/**
 * The project registry (site priors, generation clean-up) learns a project from the write that
 * first stores one of its tickets: one idempotent set, and only then — not on every event. A
 * moved issue registers its new project; a recompute registers every ticket's, which fills the
 * registry on sites that stored tickets before it existed.
 */
function projectsToRegister(write: TicketWrite, rebuilding: boolean): string[] {
  const before = write.before?.value.projectId;
  return rebuilding || before !== write.after.projectId ? [write.after.projectId] : [];
}

/**
 * Asks still owed a public comment: the ones already owed that are still pending, plus asks this
 * write creates whose plan delivers by comment. The comment itself goes out after the commit.
 */
function undeliveredAfter(config: StoredConfig, write: TicketWrite): string[] {
  const known = new Set((write.before?.value.asks ?? []).map((a) => a.id));
  const pending = new Set(write.after.asks.filter((a) => a.status === 'pending').map((a) => a.id));
  const created = (write.asks ?? []).filter(
    (a) =>
      a.status === 'pending' &&
      !known.has(a.id) &&
      config.plans.find((p) => p.id === a.planId)?.delivery.publicComment === true,
  );
  const owed = [...(write.after.undelivered ?? []), ...created.map((a) => a.id)].filter((id) => pending.has(id));
  return [...new Set(owed)];
}
