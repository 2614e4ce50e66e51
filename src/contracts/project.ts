import { z } from 'zod';
import { ScorecardSchema } from '../domain/scorecard';
import { resolverContract } from './resolver';

/** The dashboard window; the project itself comes from the Forge context, never the payload. */
export const DashboardWindowSchema = z.enum(['7d', '30d', '90d', 'month']);
export type DashboardWindow = z.infer<typeof DashboardWindowSchema>;

const windowPayload = z.object({ window: DashboardWindowSchema.default('30d') }).strict();

export const getScorecards = resolverContract('getScorecards', windowPayload, z.object({ scorecards: z.array(ScorecardSchema) }));

export const SeriesPointSchema = z.object({ day: z.string(), score: z.number().nullable(), n: z.number() });
export const getSeries = resolverContract(
  'getSeries',
  z.object({ window: DashboardWindowSchema.default('30d'), xlaId: z.string().min(1).max(64) }).strict(),
  z.object({ xlaId: z.string(), points: z.array(z.object({ day: z.string(), score: z.number().nullable() })) }),
);

export const WatermelonRowSchema = z.object({
  xlaId: z.string(),
  name: z.string(),
  operations: z.number().nullable(),
  experience: z.number().nullable(),
  flagged: z.boolean(),
});
export const getWatermelon = resolverContract('getWatermelon', windowPayload, z.object({ rows: z.array(WatermelonRowSchema) }));

export const AtRiskTicketSchema = z.object({
  issueKey: z.string(),
  riskScore: z.number().int(),
  mood: z.number().nullable(),
  lastScore: z.number().nullable(),
});
export const getAtRiskTickets = resolverContract(
  'getAtRiskTickets',
  z.object({ minRiskScore: z.number().int().min(0).max(100).default(25), limit: z.number().int().min(1).max(100).default(25) }).strict(),
  z.object({ tickets: z.array(AtRiskTicketSchema) }),
);

export const VerbatimSchema = z.object({ issueKey: z.string(), at: z.number().int(), score: z.number().int(), comment: z.string() });
export const getVerbatims = resolverContract(
  'getVerbatims',
  z.object({ limit: z.number().int().min(1).max(100).default(25) }).strict(),
  z.object({ verbatims: z.array(VerbatimSchema) }),
);

export const ResponseStatsSchema = z.object({ xlaId: z.string(), answers: z.number(), distribution: z.array(z.object({ kind: z.string(), counts: z.array(z.number()) })) });
export const getResponseStats = resolverContract('getResponseStats', windowPayload, z.object({ stats: z.array(ResponseStatsSchema) }));

export const exportCsv = resolverContract('exportCsv', windowPayload, z.object({ filename: z.string(), csv: z.string() }));

export const projectResolvers = { getScorecards, getSeries, getWatermelon, getAtRiskTickets, getVerbatims, getResponseStats, exportCsv } as const;
