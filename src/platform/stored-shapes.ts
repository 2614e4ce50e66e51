/**
 * The shapes Sentio stores, as zod schemas, version 1 (docs/storage.md): every value read back from
 * KVS is parsed with one of these, because stored data is a trust boundary too. They belong to
 * the platform layer and to nothing else — never a resolver contract (a UI response may change
 * freely without changing what is stored). Each is checked against the app type it stores, so a
 * change on either side fails to compile here. They are frozen: a new stored format gets a new
 * version beside this one and a reader that converts (as the rollup bucket's format 1 → 2 does).
 * test/platform/stored-shapes.test.ts reads rows recorded before these moved here.
 */
import { z } from 'zod';
import type {
  AccountBackfillState,
  AuditEntry,
  ExperienceProperty,
  RecomputeState,
  RollupGcState,
  ScopeOptions,
  StoredConfig,
} from '../app/ports';
import type { SitePriorsState } from '../app/scorecards/site-priors-state';
import type { StoredBucket, TicketRecord } from '../app/tickets/ticket-record';
import { AskSchema, AskStatusSchema } from '../domain/ask';
import { INDICATOR_IDS } from '../domain/indicator';
import { ContributionSchema, RollupBucketSchema } from '../domain/rollup';
import { PlanDecisionSummarySchema } from '../domain/survey/decision-summary';
import { upgradeLegacyAsk, upgradeLegacyPlan } from '../domain/survey/chip-ids';
import { SurveyPlanSchema } from '../domain/survey-plan';
import { TicketExperienceSchema } from '../domain/ticket';
import { WAYPOINT_KINDS } from '../domain/waypoint';
import { XlaDefinitionSchema } from '../domain/xla';

// Records ------------------------------------------------------------------------------------

const TicketAskSummaryV1 = z.object({
  id: z.string(),
  planId: z.string(),
  waypoint: z.enum(WAYPOINT_KINDS),
  status: AskStatusSchema,
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  score: z.number().int().nullable(),
});

const ExperiencePropertyNarrow = z
  .object({
    pendingAsk: z.enum(['yes', 'no']),
  })
  .strict() satisfies z.ZodType<ExperienceProperty>;

// Version 1 first also stored mood, risk and lastScore; they left the property because requesters
// can read it (see ExperienceProperty). Such a record reads as "not mirrored yet", so its next
// change rewrites the copy without them.
const ExperiencePropertyV1 = z.union([
  ExperiencePropertyNarrow,
  z
    .object({
      mood: z.number().nullable(),
      risk: z.enum(['low', 'medium', 'high']),
      lastScore: z.number().nullable(),
      pendingAsk: z.enum(['yes', 'no']),
    })
    .transform(() => null),
]);

export const TicketRecordV1 = z.object({
  ticketId: z.string(),
  projectId: z.string(),
  createdAt: z.number().int(),
  open: z.boolean(),
  riskScore: z.number().int().min(0).max(100),
  lastAgentActivityAt: z.number().int(),
  experience: TicketExperienceSchema,
  participantIds: z.array(z.string()).max(50),
  contribution: ContributionSchema,
  rollupGens: z.array(z.string()).max(4).default(['']),
  shard: z.number().int().min(0),
  asks: z.array(TicketAskSummaryV1).max(50),
  decisions: z.array(PlanDecisionSummarySchema).max(20),
  undelivered: z.array(z.string()).max(50).default([]),
  property: ExperiencePropertyV1.nullable(),
  updatedAt: z.number().int(),
}) satisfies z.ZodType<TicketRecord>;

export const StoredBucketV1 = z.object({
  key: z.string(),
  generation: z.string().default(''),
  projectId: z.string(),
  period: z.string(),
  // -1: a day summary (DAY_SUMMARY_SHARD in storage-layout.ts).
  shard: z.number().int().min(-1),
  bucket: RollupBucketSchema.nullable(),
}) satisfies z.ZodType<StoredBucket>;

export const AuditEntryV1 = z.object({
  id: z.string(),
  at: z.number().int(),
  actorId: z.string(),
  action: z.enum([
    'xla-saved',
    'xla-deleted',
    'plan-saved',
    'plan-deleted',
    'config-imported',
    'recompute-started',
    'secret-rotated',
  ]),
  target: z.string(),
  summary: z.string(),
}) satisfies z.ZodType<AuditEntry>;

// Documents (the `doc` entity's `body`) ------------------------------------------------------

export const StoredConfigV1 = z.object({
  version: z.number().int(),
  xlas: z.array(XlaDefinitionSchema),
  // Plans stored before reason chips had ids read with ids derived from their words (chip-ids.ts);
  // the next save writes them in today's shape. Reading twice is reading once.
  plans: z.array(z.preprocess(upgradeLegacyPlan, SurveyPlanSchema)),
  rollups: z
    .object({
      active: z.string(),
      building: z.string().nullable(),
      retired: z
        .array(z.object({ generation: z.string(), at: z.number().int() }))
        .max(100)
        .default([]),
    })
    .default({ active: '', building: null, retired: [] }),
}) satisfies z.ZodType<StoredConfig>;

export const RecomputeStateV1 = z.object({
  jobId: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  processed: z.number().int(),
  total: z.number().int().nullable(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  message: z.string(),
  cursor: z.string().nullable(),
  configVersion: z.number().int(),
}) satisfies z.ZodType<RecomputeState>;

const RateAggregateV1 = z.object({
  count: z.number().min(0),
  goodCount: z.number().min(0),
  weight: z.number().min(0),
  goodWeight: z.number().min(0),
  squaredWeight: z.number().min(0),
});
const SiteAggregatesV1 = z.record(z.enum(INDICATOR_IDS), RateAggregateV1);
const SitePriorV1 = z.object({
  mu: z.number().min(0).max(1),
  source: z.enum(['site', 'default']),
  rate: z.number().min(0).max(1).nullable(),
  nEff: z.number().min(0),
});

export const SitePriorsStateV1 = z.object({
  day: z.string().nullable(),
  generation: z.string(),
  computedAt: z.number().int().nullable(),
  projects: z.number().int().min(0),
  byXla: z.record(z.string(), z.record(z.enum(INDICATOR_IDS), SitePriorV1)),
  run: z
    .object({
      day: z.string(),
      generation: z.string(),
      cursor: z.string().nullable(),
      projects: z.number().int().min(0),
      sums: z.record(z.string(), SiteAggregatesV1),
    })
    .nullable(),
}) satisfies z.ZodType<SitePriorsState>;

export const RollupGcStateV1 = z.object({
  generation: z.string().nullable(),
  cursor: z.string().nullable(),
}) satisfies z.ZodType<RollupGcState>;

export const AccountBackfillStateV1 = z.object({
  phase: z.enum(['tickets', 'audit', 'done']),
  since: z.number().int(),
  seen: z.array(z.string()).max(200),
  finishedAt: z.number().int().nullable(),
}) satisfies z.ZodType<AccountBackfillState>;

export const ScopeOptionsCacheV1 = z.object({
  at: z.number().int(),
  options: z.object({
    projects: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
    requestTypes: z.array(z.object({ id: z.string(), name: z.string(), projectId: z.string() })),
    priorities: z.array(z.object({ id: z.string(), name: z.string() })),
  }) satisfies z.ZodType<ScopeOptions>,
});

// Entity rows (what one KVS custom-entity value holds; indexed attributes beside the record) ----

export const TicketEntityV1 = z.object({
  projectId: z.string(),
  openState: z.enum(['open', 'closed']),
  riskScore: z.number().int(),
  lastAgentActivityAt: z.number().int(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  /** The ticket's last Jira event (absent on rows written before the index existed). */
  activityAt: z.number().int().optional(),
  rev: z.number().int(),
  record: TicketRecordV1,
});
/** Written from the app's record type (readonly lists); read back through `TicketEntityV1`. */
export type TicketEntity = Omit<z.infer<typeof TicketEntityV1>, 'record'> & { readonly record: TicketRecord };

export const AskEntityV1 = z.object({
  ticketId: z.string(),
  requesterId: z.string(),
  status: z.string(),
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  dueAt: z.number().int(),
  rev: z.number().int(),
  // Asks stored before chips had ids: their question's chips get the plan's derived ids and their
  // answer's words become those ids (chip-ids.ts), so counts and the portal agree with the plan.
  record: z.preprocess(upgradeLegacyAsk, AskSchema),
  usedNonces: z.array(z.string()),
});
export type AskEntity = z.infer<typeof AskEntityV1>;

export const RollupEntityV1 = z.object({
  scope: z.string(),
  day: z.string(),
  rev: z.number().int(),
  bucket: StoredBucketV1,
  /** The `by-layer` index (storage-layout.ts): absent on rows written before day summaries. */
  layer: z.string().optional(),
  scopeDay: z.string().optional(),
});
export type RollupEntity = Omit<z.infer<typeof RollupEntityV1>, 'bucket'> & {
  readonly bucket: StoredBucket & { readonly key: string };
};

export const AuditEntityV1 = z.object({ scope: z.string(), at: z.number().int(), record: AuditEntryV1 });
export type AuditEntity = Omit<z.infer<typeof AuditEntityV1>, 'record'> & { readonly record: AuditEntry };

export const AccountEntityV1 = z.object({ reportedAt: z.number().int(), updatedAt: z.number().int() });
export type AccountEntity = z.infer<typeof AccountEntityV1>;

/**
 * A link from an account id to one stored document that holds it (`holderKind`/`holderId`), so
 * erasure finds everything of a closed account by the `by-account` index.
 */
export const HoldingEntityV1 = z.object({
  accountId: z.string(),
  holderKind: z.enum(['ticket', 'ask', 'audit']),
  holderId: z.string(),
  at: z.number().int(),
});
export type HoldingEntity = z.infer<typeof HoldingEntityV1>;

/** An account's profile language as read from Jira, and when (plain key `localeKey`). */
export const CachedLocaleV1 = z.object({ locale: z.string().max(35).nullable(), at: z.number().int() });
export type CachedLocaleRow = z.infer<typeof CachedLocaleV1>;

/** A small document read whole and written checked on `rev`; `body` is one of the documents above. */
export const DocEntityV1 = z.object({ rev: z.number().int(), body: z.unknown() });
export type DocEntity = z.infer<typeof DocEntityV1>;

/** One row per project the app has seen: the site-wide jobs' list of rollup partitions. */
export const ProjectEntityV1 = z.object({ projectId: z.string() });
export type ProjectEntity = z.infer<typeof ProjectEntityV1>;
