/**
 * What the app keeps per ticket and per rollup bucket, as zod schemas: every value read back from
 * storage is parsed with these (stored data is a trust boundary too). Also the small pure helpers
 * that build and update a record.
 */
import { z } from 'zod';
import { AskStatusSchema, type Ask } from '../../domain/ask';
import { WAYPOINT_KINDS } from '../../domain/waypoint';
import { ContributionSchema, RollupBucketSchema } from '../../domain/rollup';
import { PlanDecisionSummarySchema } from '../../domain/survey/decision-summary';
import { TicketExperienceSchema, type TicketExperience } from '../../domain/ticket';
import { shardOf } from './bucket-keys';

export const TicketAskSummarySchema = z.object({
  id: z.string(),
  planId: z.string(),
  waypoint: z.enum(WAYPOINT_KINDS),
  status: AskStatusSchema,
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  score: z.number().int().nullable(),
});
export type TicketAskSummary = z.infer<typeof TicketAskSummarySchema>;

/** Kept per ticket for the agent panel; the same shape the panel receives. */
export const PlanDecisionRecordSchema = PlanDecisionSummarySchema;
export type PlanDecisionRecord = z.infer<typeof PlanDecisionRecordSchema>;

export const ExperiencePropertySchema = z.object({
  mood: z.number().nullable(),
  risk: z.enum(['low', 'medium', 'high']),
  lastScore: z.number().nullable(),
  pendingAsk: z.enum(['yes', 'no']),
});

/** Plan decisions kept for the agent panel. */
export const DECISIONS_KEPT = 20;

export const TicketRecordSchema = z.object({
  ticketId: z.string(),
  /** Indexed copies of the fold, for the hourly scans and the at-risk list. */
  projectId: z.string(),
  createdAt: z.number().int(),
  open: z.boolean(),
  riskScore: z.number().int().min(0).max(100),
  lastAgentActivityAt: z.number().int(),
  /** The domain fold of everything that happened (src/domain/ticket). */
  experience: TicketExperienceSchema,
  /** Request participants as last read from JSM (they come with no event); requesters too. */
  participantIds: z.array(z.string()).max(50),
  /** What this ticket currently adds to the rollups (every XLA), so a change applies new − stored. */
  contribution: ContributionSchema,
  /** The rollup generations that hold `contribution` (see RollupGenerations in src/app/ports.ts). */
  rollupGens: z.array(z.string()).max(4).default(['']),
  /** The shard of the rollup buckets this ticket's contribution lives in. */
  shard: z.number().int().min(0),
  asks: z.array(TicketAskSummarySchema).max(50),
  decisions: z.array(PlanDecisionRecordSchema).max(DECISIONS_KEPT),
  /**
   * Pending asks whose public survey comment is not confirmed sent yet (the comment goes out after
   * the commit). A redelivered event, or the hourly job, sends them again until confirmed.
   */
  undelivered: z.array(z.string()).max(50).default([]),
  /** The last value written to the issue property; an unchanged summary costs no Jira call. */
  property: ExperiencePropertySchema.nullable(),
  updatedAt: z.number().int(),
});
export type TicketRecord = z.infer<typeof TicketRecordSchema>;

/**
 * One stored rollup bucket: the domain bucket of one project and one period (src/domain/rollup),
 * split into shards so concurrent events of different tickets rarely race on one key.
 */
export const StoredBucketSchema = z.object({
  key: z.string(),
  /** The rollup generation ('' = the original layout). */
  generation: z.string().default(''),
  projectId: z.string(),
  period: z.string(),
  shard: z.number().int().min(0),
  /** Null once every contribution in it has been subtracted again. */
  bucket: RollupBucketSchema.nullable(),
});
export type StoredBucket = z.infer<typeof StoredBucketSchema>;

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
