/**
 * The service owner's surface: the project page and the dashboard gadget (project-resolver).
 *
 * The project comes from the Forge context on the project page. A dashboard gadget has no project
 * context, so its payload may name one (`projectId`, from the gadget's saved configuration); the
 * resolver then checks the caller may browse that project (asUser `mypermissions`) before reading
 * anything. When the context names a project, it wins over the payload.
 */
import { z } from 'zod';
import { QuestionKindSchema } from '../domain/question';
import { DailyPointSchema, DayRangeSchema, ScorecardSchema, StatusBandSchema } from '../domain/scorecard';
import { FATIGUE_REASONS } from '../domain/rollup/fatigue-reasons';
import { RiskReasonViewSchema } from './risk';
import { resolverContract } from './resolver';

/** The dashboard window: rolling 7/30/90 days or the calendar month to date. */
export const DashboardWindowSchema = z.enum(['7d', '30d', '90d', 'month']);
export type DashboardWindow = z.infer<typeof DashboardWindowSchema>;

/** A Jira project id (numeric); only the gadget sends it. */
export const ProjectIdSchema = z.string().regex(/^\d{1,18}$/, 'must be a numeric project id');

const scoped = { window: DashboardWindowSchema.default('30d'), projectId: ProjectIdSchema.optional() };

/** A survey answer as the requester gave it: the question kind and the raw score on its scale. */
export const AnswerRefSchema = z.object({ kind: QuestionKindSchema, score: z.number().int() }).strict();
export type AnswerRef = z.infer<typeof AnswerRefSchema>;

const Count = z.number().int().min(0);

// getScorecards ------------------------------------------------------------------------------

export const getScorecards = resolverContract(
  'getScorecards',
  z.object(scoped).strict(),
  z
    .object({
      projectId: z.string(),
      /**
       * The project's name in Jira, for the gadget's title: given when the payload names the project
       * (the gadget); null on the project page, which Jira titles, or when Jira does not say.
       */
      projectName: z.string().nullable(),
      window: DashboardWindowSchema,
      scorecards: z.array(ScorecardSchema),
    })
    .strict(),
);

// getGadgetProjects --------------------------------------------------------------------------

/** A service project the caller may browse, for the gadget editor's picker. */
export const GadgetProjectSchema = z.object({ id: z.string(), key: z.string(), name: z.string() }).strict();
export type GadgetProject = z.infer<typeof GadgetProjectSchema>;

export const getGadgetProjects = resolverContract(
  'getGadgetProjects',
  z.object({}).strict(),
  z
    .object({
      /** By name. */
      projects: z.array(GadgetProjectSchema),
      /** The site has more service projects than one list checks; the rest are not offered. */
      truncated: z.boolean(),
    })
    .strict(),
);

// getSeries ----------------------------------------------------------------------------------

export const getSeries = resolverContract(
  'getSeries',
  z.object({ ...scoped, xlaId: z.string().min(1).max(64) }).strict(),
  z
    .object({
      xlaId: z.string(),
      targetScore: z.number(),
      range: DayRangeSchema,
      /** One point per day of the window; `score` null on days without experience data. */
      points: z.array(DailyPointSchema),
    })
    .strict(),
);

// getWatermelon ------------------------------------------------------------------------------

/** One XLA over one request type (SCORING.md §3 "watermelon"): SLA green, experience red? */
export const WatermelonRowSchema = z
  .object({
    xlaId: z.string(),
    /** Null for tickets that have no request type. */
    requestTypeId: z.string().nullable(),
    /** The request type's name in JSM; null when unknown (no request type, or Jira did not say). */
    requestTypeName: z.string().nullable(),
    /** The `sla` indicator's decayed rate; null when no SLA applied or the XLA has no `sla`. */
    slaMetRate: z.number().nullable(),
    /** Tickets with an SLA outcome in the window. */
    slaTickets: Count,
    /** The XLA score of this request type alone; null when not enough data. */
    xlaScore: z.number().nullable(),
    operations: z.number().nullable(),
    status: StatusBandSchema,
    /** Σ n_eff over the XLA's experience indicators. */
    sampleSize: z.number(),
    /** Tickets with an experience outcome (answer or mood) in the window. */
    tickets: Count,
    flagged: z.boolean(),
    basis: z.enum(['csat', 'sentiment']).nullable(),
    /** The upper Wilson bound the flag tested, beside its threshold. */
    upper: z.number().nullable(),
    threshold: z.number().nullable(),
  })
  .strict();
export type WatermelonRow = z.infer<typeof WatermelonRowSchema>;

export const getWatermelon = resolverContract(
  'getWatermelon',
  z.object(scoped).strict(),
  z
    .object({
      range: DayRangeSchema.nullable(),
      xlas: z.array(z.object({ xlaId: z.string(), name: z.string() }).strict()),
      /** Per XLA, request types by flag first, then by ticket count. */
      rows: z.array(WatermelonRowSchema),
    })
    .strict(),
);

/** A ticket behind a flag: SLA met, yet csat ≤ 2 of 5 (or the scale's low band) or mood ≤ −0.5. */
export const WatermelonTicketSchema = z
  .object({
    issueKey: z.string(),
    slaMet: z.literal(true),
    lastScore: AnswerRefSchema.nullable(),
    mood: z.number().nullable(),
    /** When the ticket last changed (its last Jira event). */
    at: z.number().int(),
  })
  .strict();
export type WatermelonTicket = z.infer<typeof WatermelonTicketSchema>;

/** Drill-down of one row; a bounded scan of the project's recently active tickets, not all of them. */
export const getWatermelonTickets = resolverContract(
  'getWatermelonTickets',
  z.object({ ...scoped, requestTypeId: z.string().min(1).max(64).nullable() }).strict(),
  z
    .object({
      tickets: z.array(WatermelonTicketSchema),
      /** Tickets read, and whether the window was read to its start (false: the scan stopped at its bound). */
      scanned: Count,
      complete: z.boolean(),
    })
    .strict(),
);

// getAtRiskTickets ---------------------------------------------------------------------------

export const AtRiskTicketSchema = z
  .object({
    issueKey: z.string(),
    riskLevel: z.enum(['low', 'medium', 'high']),
    riskScore: z.number().int().min(0).max(100),
    /** Strongest first; the same reasons the agent panel shows. */
    reasons: z.array(RiskReasonViewSchema),
    mood: z.number().nullable(),
    lastScore: AnswerRefSchema.nullable(),
    requestTypeId: z.string().nullable(),
    requestTypeName: z.string().nullable(),
    /** Null when nobody is assigned; `name` null when Jira does not say who it is. */
    assignee: z.object({ name: z.string().nullable() }).strict().nullable(),
    /** Hours since the ticket was raised; null when its creation was never seen. */
    ageHours: z.number().min(0).nullable(),
  })
  .strict();
export type AtRiskTicket = z.infer<typeof AtRiskTicketSchema>;

export const getAtRiskTickets = resolverContract(
  'getAtRiskTickets',
  z
    .object({
      projectId: ProjectIdSchema.optional(),
      minRiskScore: z.number().int().min(0).max(100).default(25),
      limit: z.number().int().min(1).max(100).default(20),
    })
    .strict(),
  z.object({ tickets: z.array(AtRiskTicketSchema) }).strict(),
);

// getVerbatims -------------------------------------------------------------------------------

export const VerbatimBandSchema = z.enum(['negative', 'neutral', 'positive']);
export const VerbatimSourceSchema = z.enum(['answer', 'comment']);

/** The requester's own words: an answer's comment, or a negative sentence of a public comment. */
export const VerbatimSchema = z
  .object({
    id: z.string(),
    issueKey: z.string(),
    at: z.number().int(),
    source: VerbatimSourceSchema,
    text: z.string(),
    band: VerbatimBandSchema,
    score: AnswerRefSchema.nullable(),
    /** The reason chips the requester picked with this answer, in the viewer's words (none for a comment). */
    reasons: z.array(z.string()),
    /** Those chips' ids, place by place. */
    reasonIds: z.array(z.string()),
    requestTypeId: z.string().nullable(),
    requestTypeName: z.string().nullable(),
  })
  .strict();
export type Verbatim = z.infer<typeof VerbatimSchema>;

/** How often one reason chip was picked, in the answers of a band. */
export const ReasonCountSchema = z
  .object({ chipId: z.string(), reason: z.string(), band: VerbatimBandSchema, count: Count })
  .strict();
export type ReasonCount = z.infer<typeof ReasonCountSchema>;

export const getVerbatims = resolverContract(
  'getVerbatims',
  z
    .object({
      ...scoped,
      band: VerbatimBandSchema.optional(),
      source: VerbatimSourceSchema.optional(),
      requestTypeId: z.string().min(1).max(64).optional(),
      /** From the previous page's `nextCursor`. */
      cursor: z.string().min(1).max(2000).optional(),
      limit: z.number().int().min(1).max(100).default(25),
      /** The page's locale (`view.getContext().locale`), for the chips' words only; absent: English. */
      locale: z.string().min(2).max(35).optional(),
    })
    .strict(),
  z
    .object({
      /** Newest first within the page; pages follow the tickets' latest activity. */
      verbatims: z.array(VerbatimSchema),
      nextCursor: z.string().nullable(),
      /**
       * The reason chips picked in the survey answers of the tickets this page read (in the window,
       * with the same tone and request type filters), with or without a comment; pages add up.
       */
      reasonCounts: z.array(ReasonCountSchema),
      /** Survey answers those counts come from. */
      answersRead: Count,
    })
    .strict(),
);

// getResponseStats ---------------------------------------------------------------------------

export const FatigueReasonSchema = z.enum(FATIGUE_REASONS);
export type FatigueReasonCode = z.infer<typeof FatigueReasonSchema>;

export const ResponseStatsSchema = z
  .object({
    range: DayRangeSchema,
    /** Asks created in the window, and what became of them so far. */
    sent: Count,
    answered: Count,
    expired: Count,
    /** answered / (answered + expired); null while none has closed. */
    responseRate: z.number().nullable(),
    /** Distinct requesters asked (a sketch estimate: exact for a handful, a few % off in the hundreds). */
    requestersAsked: Count,
    /** The estimate ran out of room: `requestersAsked` is a lower bound. */
    requestersSaturated: z.boolean(),
    meanAsksPerRequester: z.number().nullable(),
    /** Asks a plan wanted to send that a fatigue rule held back, by rule (every rule, zeros too). */
    suppressed: z.array(z.object({ reason: FatigueReasonSchema, count: Count }).strict()),
    /**
     * Requester comments written in the window (the latest 30 a ticket keeps), and how many the
     * English scorer could not read: marked "not scored (language)" and left out of tone.
     */
    requesterComments: Count,
    notScoredLanguage: Count,
  })
  .strict();
export type ResponseStats = z.infer<typeof ResponseStatsSchema>;

export const getResponseStats = resolverContract('getResponseStats', z.object(scoped).strict(), ResponseStatsSchema);

// exportCsv ----------------------------------------------------------------------------------

export const exportCsv = resolverContract(
  'exportCsv',
  z.object(scoped).strict(),
  z.object({ filename: z.string(), csv: z.string() }).strict(),
);

export const projectResolvers = {
  getScorecards,
  getGadgetProjects,
  getSeries,
  getWatermelon,
  getWatermelonTickets,
  getAtRiskTickets,
  getVerbatims,
  getResponseStats,
  exportCsv,
} as const;
