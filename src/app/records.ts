/**
 * What the app keeps per ticket and per rollup bucket, as zod schemas: every value read back from
 * storage is parsed with these (stored data is a trust boundary too).
 */
import { z } from 'zod';
import { AskStatusSchema } from '../domain/ask';
import { WAYPOINT_KINDS } from '../domain/waypoint';
import { ContributionSchema, RollupBucketSchema } from '../domain/rollup';
import { PlanDecisionSummarySchema } from '../domain/survey/decision-summary';
import { TicketExperienceSchema } from '../domain/ticket';

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
  /** The rollup generations that hold `contribution` (see RollupGenerations in ports.ts). */
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
