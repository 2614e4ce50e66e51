/**
 * TEMPORARY: the project/dashboard resolver contracts as the UI needs them, written while the
 * backend's `src/contracts/project.ts` is being added (see static/CONTRACT-REQUESTS.md). When it
 * lands, views import from there and this file is deleted; it uses the domain's schemas only, so
 * nothing here is a hand copy of a backend type.
 */
import { z } from 'zod';
import { resolverContract } from '../../../src/contracts/resolver';
import { QuestionKindSchema } from '../../../src/domain/question';
import { ScorecardSchema } from '../../../src/domain/scorecard';
import { XlaWindowSchema } from '../../../src/domain/xla';

const AnswerRefSchema = z.object({ kind: QuestionKindSchema, score: z.number().int() });

export const WatermelonRowSchema = z.object({
  requestTypeId: z.string(),
  requestTypeName: z.string(),
  /** Share of tickets with no SLA breached; null when no SLA applies. */
  slaMetRate: z.number().nullable(),
  /** The XLA score of that request type; null when not enough data. */
  xlaScore: z.number().nullable(),
  sampleSize: z.number(),
  flagged: z.boolean(),
});
export type WatermelonRow = z.infer<typeof WatermelonRowSchema>;

export const AtRiskTicketSchema = z.object({
  issueKey: z.string(),
  summary: z.string(),
  riskLevel: z.enum(['low', 'medium', 'high']),
  reasons: z.array(z.string()),
  mood: z.number().nullable(),
  lastScore: AnswerRefSchema.nullable(),
});
export type AtRiskTicket = z.infer<typeof AtRiskTicketSchema>;

export const VerbatimSchema = z.object({
  id: z.string(),
  issueKey: z.string(),
  at: z.number().int(),
  source: z.enum(['answer', 'comment']),
  text: z.string(),
  band: z.enum(['negative', 'neutral', 'positive']),
  score: AnswerRefSchema.nullable(),
  requestTypeName: z.string().nullable(),
});
export type Verbatim = z.infer<typeof VerbatimSchema>;

export const ResponseFiguresSchema = z.object({
  sent: z.number().int(),
  answered: z.number().int(),
  expired: z.number().int(),
  /** answered / (answered + expired); null when nothing has closed yet. */
  responseRate: z.number().nullable(),
  requestersAsked: z.number().int(),
  /** Asks a plan wanted to send but a fatigue rule held back, by rule. */
  suppressed: z.array(z.object({ reason: z.string(), label: z.string(), count: z.number().int() })),
  meanAsksPerRequester: z.number().nullable(),
});
export type ResponseFigures = z.infer<typeof ResponseFiguresSchema>;

export const ProjectDashboardSchema = z.object({
  projectKey: z.string(),
  scorecards: z.array(ScorecardSchema),
  watermelon: z.array(WatermelonRowSchema),
  atRisk: z.array(AtRiskTicketSchema),
  verbatims: z.array(VerbatimSchema),
  response: ResponseFiguresSchema,
});
export type ProjectDashboard = z.infer<typeof ProjectDashboardSchema>;

/**
 * The project comes from the Forge context on the project page; a dashboard gadget has no project
 * context, so it names one from its configuration (the resolver checks the caller may browse it).
 */
export const getProjectDashboard = resolverContract(
  'getProjectDashboard',
  z.object({ window: XlaWindowSchema.optional(), projectId: z.string().min(1).max(32).optional() }).strict(),
  ProjectDashboardSchema,
);

export const WatermelonTicketSchema = z.object({
  issueKey: z.string(),
  summary: z.string(),
  slaMet: z.boolean(),
  lastScore: AnswerRefSchema.nullable(),
  mood: z.number().nullable(),
});
export type WatermelonTicket = z.infer<typeof WatermelonTicketSchema>;

export const getWatermelonTickets = resolverContract(
  'getWatermelonTickets',
  z.object({ requestTypeId: z.string().min(1).max(64), window: XlaWindowSchema.optional(), projectId: z.string().min(1).max(32).optional() }).strict(),
  z.object({ tickets: z.array(WatermelonTicketSchema) }),
);
