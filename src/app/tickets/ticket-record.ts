/**
 * What the app keeps per ticket and per rollup bucket. The stored shapes (the zod schemas every
 * value read back is parsed with) belong to the platform layer: src/platform/stored-shapes.ts.
 * Also the small pure helpers that build and update a record.
 */
import type { Ask, AskStatus } from '../../domain/ask';
import type { Contribution, RollupBucket } from '../../domain/rollup';
import type { PlanDecisionSummary } from '../../domain/survey/decision-summary';
import type { TicketExperience } from '../../domain/ticket';
import type { WaypointKind } from '../../domain/waypoint';

/** Which bucket: generation, project, day and shard. The storage key is the adapter's business. */
export interface BucketRef {
  readonly generation: string;
  readonly projectId: string;
  readonly period: string;
  readonly shard: number;
}

/**
 * The JQL-searchable summary mirrored into the issue entity property `sentio-experience`. Anyone
 * who may browse the issue can read its properties (GET /rest/api/3/issue/{id}/properties/{key}
 * needs only Browse Projects), and JSM gives the request's customers — requester and participants
 * — their access through the portal-access permission grant; nothing documents that they cannot
 * read it. So only what they may know goes in: whether a survey waits for an answer. Mood, risk
 * and scores stay in Sentio's storage and its agent and owner views.
 */
export interface ExperienceProperty {
  readonly pendingAsk: 'yes' | 'no';
}

export interface TicketAskSummary {
  readonly id: string;
  readonly planId: string;
  readonly waypoint: WaypointKind;
  readonly status: AskStatus;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly score: number | null;
}

/** Kept per ticket for the agent panel; the same shape the panel receives. */
export type PlanDecisionRecord = PlanDecisionSummary;

/** Plan decisions kept for the agent panel. */
export const DECISIONS_KEPT = 20;

export interface TicketRecord {
  readonly ticketId: string;
  /** Indexed copies of the fold, for the hourly scans and the at-risk list. */
  readonly projectId: string;
  readonly createdAt: number;
  readonly open: boolean;
  /** 0–100. */
  readonly riskScore: number;
  readonly lastAgentActivityAt: number;
  /** The domain fold of everything that happened (src/domain/ticket). */
  readonly experience: TicketExperience;
  /** Request participants as last read from JSM (they come with no event); requesters too. ≤ 50. */
  readonly participantIds: readonly string[];
  /** What this ticket currently adds to the rollups (every XLA), so a change applies new − stored. */
  readonly contribution: Contribution;
  /** The rollup generations that hold `contribution` (see RollupGenerations in src/app/ports.ts). */
  readonly rollupGens: readonly string[];
  /** The shard of the rollup buckets this ticket's contribution lives in. */
  readonly shard: number;
  /** ≤ 50. */
  readonly asks: readonly TicketAskSummary[];
  /** ≤ DECISIONS_KEPT. */
  readonly decisions: readonly PlanDecisionRecord[];
  /**
   * Pending asks whose public survey comment is not confirmed sent yet (the comment goes out after
   * the commit). A redelivered event, or the hourly job, sends them again until confirmed.
   */
  readonly undelivered: readonly string[];
  /** The last value written to the issue property; an unchanged summary costs no Jira call. */
  readonly property: ExperienceProperty | null;
  readonly updatedAt: number;
}

/**
 * One stored rollup bucket: the domain bucket of one project and one period (src/domain/rollup),
 * split into shards so concurrent events of different tickets rarely race on one key.
 */
export interface StoredBucket extends BucketRef {
  /** Null once every contribution in it has been subtracted again. */
  readonly bucket: RollupBucket | null;
}

/** A fresh record around an experience (first sight of a ticket); `shard` from `RollupStore.shardOf`. */
export function newRecord(experience: TicketExperience, now: number, shard: number): TicketRecord {
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
    shard,
    asks: [],
    decisions: [],
    undelivered: [],
    property: null,
    updatedAt: now,
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
