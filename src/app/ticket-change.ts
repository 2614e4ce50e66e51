/**
 * The one write path of a ticket: whatever changed it (an event, an answer, the hourly job, an
 * agent), the new record, its asks and its rollup delta (new contribution − stored) commit in one
 * KVS transaction checked on every revision read. A lost race re-reads and retries.
 */
import type { Ask } from '../domain/ask';
import { isLowScore } from '../domain/question';
import {
  applyDeltaToBucket,
  canonicalCells,
  contributionDelta,
  contributionOf,
  splitDeltaByBucket,
  type Contribution,
} from '../domain/rollup';
import { fnv1a32 } from '../domain/survey/hash';
import { surveyStatsCellsOf } from './survey-stats-cells';
import type { TicketAsk, TicketSurveyState } from '../domain/survey';
import {
  assessRisk,
  isDone,
  moodOf,
  reassignmentCount,
  ticketOutcomes,
  type RiskAssessment,
  type TicketExperience,
} from '../domain/ticket';
import type { TicketOutcomes } from '../domain/outcomes';
import type { XlaDefinition } from '../domain/xla';
import { TransientError, WriteConflict } from './errors';
import { LEGACY_GENERATIONS, type AppPorts, type ExperienceProperty, type StoredConfig, type Versioned } from './ports';
import {
  DECISIONS_KEPT,
  type PlanDecisionRecord,
  type StoredBucket,
  type TicketAskSummary,
  type TicketRecord,
} from './records';

export const ROLLUP_SHARDS = 8;

export function shardOf(ticketId: string): number {
  return fnv1a32(ticketId) % ROLLUP_SHARDS;
}

/** The index partition of a project's buckets in one generation ('' keeps the original layout). */
export function bucketScope(generation: string, projectId: string): string {
  return generation === '' ? projectId : `${generation}:${projectId}`;
}

/** `[generation:]projectId:period:shard`: must match src/platform/storage-layout.ts `rollupKey`. */
export function bucketKey(generation: string, projectId: string, period: string, shard: number): string {
  return `${bucketScope(generation, projectId)}:${period}:${shard}`;
}

export function contributionFor(experience: TicketExperience, xlas: readonly XlaDefinition[]): Contribution {
  const byXla: Record<string, TicketOutcomes> = {};
  for (const xla of xlas) {
    if (!xla.enabled) continue;
    const outcomes = ticketOutcomes(experience, xla);
    if (outcomes !== null) byXla[xla.id] = outcomes;
  }
  return contributionOf(byXla);
}

export function riskOf(experience: TicketExperience, now: number, xlas: readonly XlaDefinition[]): RiskAssessment {
  const wait = xlas.find((x) => x.enabled)?.waitThresholdHours;
  return assessRisk(experience, now, wait === undefined ? {} : { waitThresholdHours: wait });
}

export function propertyOf(
  experience: TicketExperience,
  risk: RiskAssessment,
  asks: readonly TicketAskSummary[],
  now: number,
): ExperienceProperty {
  const last = experience.answers[experience.answers.length - 1];
  return {
    mood: moodOf(experience)?.mood ?? null,
    risk: risk.level,
    lastScore: last?.score ?? null,
    pendingAsk: asks.some((a) => a.status === 'pending' && a.expiresAt > now) ? 'yes' : 'no',
  };
}

export function summaryOf(ask: Ask): TicketAskSummary {
  return {
    id: ask.id,
    planId: ask.planId,
    waypoint: ask.waypoint,
    status: ask.status,
    createdAt: ask.createdAt,
    expiresAt: ask.expiresAt,
    score: ask.answer?.score ?? null,
  };
}

export function upsertAskSummaries(list: readonly TicketAskSummary[], asks: readonly Ask[]): TicketAskSummary[] {
  const byId = new Map(list.map((a) => [a.id, a]));
  for (const ask of asks) byId.set(ask.id, summaryOf(ask));
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)).slice(-50);
}

export function keepDecisions(
  list: readonly PlanDecisionRecord[],
  added: readonly PlanDecisionRecord[],
): PlanDecisionRecord[] {
  return [...list, ...added].slice(-DECISIONS_KEPT);
}

/** The survey rules' view of the ticket as it is in the record. */
export function surveyStateOf(
  record: TicketRecord,
  statusCategoryFallback: 'new' | 'indeterminate' | 'done' = 'new',
): TicketSurveyState {
  const e = record.experience;
  const asks: TicketAsk[] = record.asks.map((a) => ({
    id: a.id,
    planId: a.planId,
    waypoint: a.waypoint,
    status: a.status,
    createdAt: a.createdAt,
    expiresAt: a.expiresAt,
  }));
  return {
    ticketId: record.ticketId,
    issueKey: e.issueKey,
    projectId: e.projectId,
    requestTypeId: e.requestTypeId,
    priority: e.priority,
    reporterId: e.reporterId,
    statusCategory: e.status?.category ?? statusCategoryFallback,
    createdAt: e.createdAt ?? record.createdAt,
    lastPublicAgentActivityAt: e.lastPublicAgentActivityAt,
    hadPublicAgentComment: e.firstPublicAgentResponseAt !== null,
    // The domain's count: a repeated assignment to the same person is not a reassignment.
    reassignCount: reassignmentCount(e),
    asks,
  };
}

/** A fresh record around an experience (first sight of a ticket). */
export function newRecord(experience: TicketExperience, now: number): TicketRecord {
  return {
    ticketId: experience.issueId,
    projectId: experience.projectId,
    createdAt: experience.createdAt ?? now,
    open: true,
    riskScore: 0,
    lastAgentActivityAt: experience.createdAt ?? now,
    experience,
    participantIds: [],
    contribution: [],
    rollupGens: [],
    shard: shardOf(experience.issueId),
    asks: [],
    decisions: [],
    undelivered: [],
    property: null,
    updatedAt: now,
  };
}

/** Recomputes every derived field of the record from its experience. */
export function deriveRecord(
  record: TicketRecord,
  config: StoredConfig,
  now: number,
): { record: TicketRecord; risk: RiskAssessment } {
  const e = record.experience;
  const risk = riskOf(e, now, config.xlas);
  return {
    risk,
    record: {
      ...record,
      projectId: e.projectId,
      createdAt: e.createdAt ?? record.createdAt,
      open: !isDone(e) && !e.deleted,
      riskScore: Math.max(0, Math.min(100, Math.round(risk.score))),
      lastAgentActivityAt: e.lastPublicAgentActivityAt ?? e.createdAt ?? record.createdAt,
      updatedAt: now,
    },
  };
}

export interface TicketWrite {
  readonly before: Versioned<TicketRecord> | null;
  readonly after: TicketRecord;
  readonly asks?: readonly Ask[];
  readonly askNonces?: ReadonlyMap<string, readonly string[]>;
  readonly accounts?: readonly string[];
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
  // Survey activity (response rate, fatigue) rides along as cells of the same contribution.
  const contribution = write.after.experience.deleted
    ? []
    : canonicalCells([...contributionFor(write.after.experience, config.xlas), ...surveyStatsCellsOf(write.after)]);
  const previous = write.before?.value.contribution ?? [];
  const shard = write.before?.value.shard ?? write.after.shard;
  // Every live generation gets new − what it holds of this ticket: the stored contribution if the
  // ticket is already in it, nothing otherwise (a rebuild's first visit adds the whole ticket).
  const gens = config.rollups ?? LEGACY_GENERATIONS;
  const targets =
    gens.building === null || gens.building === gens.active ? [gens.active] : [gens.active, gens.building];
  const holding = new Set(write.before?.value.rollupGens ?? []);
  const parts = targets.flatMap((generation) =>
    splitDeltaByBucket(contributionDelta(holding.has(generation) ? previous : [], contribution)).map((part) => ({
      ...part,
      generation,
      key: bucketKey(generation, part.ref.projectId, part.ref.period, shard),
    })),
  );
  const stored = parts.length === 0 ? [] : await ports.store.getBuckets(parts.map((p) => p.key));
  const byKey = new Map(stored.map((b) => [b.value.key, b]));
  const buckets: { bucket: StoredBucket; expectedRev: number }[] = parts.map((part) => {
    const current = byKey.get(part.key);
    // An emptied bucket is kept (as null): deleting it would need its own checked operation.
    const bucket = applyDeltaToBucket(current?.value.bucket ?? null, part.ref, part.delta);
    return {
      bucket: {
        key: part.key,
        generation: part.generation,
        projectId: part.ref.projectId,
        period: part.ref.period,
        shard,
        bucket,
      },
      expectedRev: current?.rev ?? 0,
    };
  });
  const record: TicketRecord = {
    ...write.after,
    contribution: [...contribution],
    shard,
    rollupGens: targets,
    undelivered: undeliveredAfter(config, write),
  };
  await ports.store.commit({
    ...(options.checkConfig === true ? { configRev: config.rev ?? config.version } : {}),
    ticket: { record, expectedRev: write.before?.rev ?? 0 },
    asks: (write.asks ?? []).map((ask) => ({ ask, usedNonces: write.askNonces?.get(ask.id) ?? [] })),
    buckets,
    accounts: write.accounts ?? [],
    projects: projectsToRegister(write, options.checkConfig === true),
  });
  return record;
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

const MAX_ATTEMPTS = 8;

/**
 * Runs read → decide → commit until it commits. Many events on one project race for the same
 * buckets; a randomised backoff spreads the retries. After MAX_ATTEMPTS the platform retries the
 * whole invocation (TransientError → InvocationError).
 */
export async function withOptimisticRetry<T>(ports: AppPorts, attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof WriteConflict)) throw e;
      const ceiling = Math.min(400, 10 * 2 ** i);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(ports.random.next() * ceiling)));
    }
  }
  throw new TransientError('Too many concurrent updates of the same records.', 5);
}

/** A low answer nobody followed up yet (the agent panel's "close the loop"). */
export function followUpOf(
  e: TicketExperience,
): { needed: boolean; doneAt: number | null; askId: string | null } | null {
  const low = [...e.answers].reverse().find((a) => isLowScore(a.questionKind, a.score));
  if (low === undefined) return null;
  return { needed: low.followUpDoneAt === null, doneAt: low.followUpDoneAt, askId: low.askId };
}
