import { z } from 'zod';
import { upgradeLegacyPlan } from '../domain/survey/chip-ids';
import { SurveyPlanIdSchema, SurveyPlanSchema } from '../domain/survey-plan';
import { XlaDefinitionSchema, XlaIdSchema } from '../domain/xla';
import { resolverContract } from './resolver';

export const RecomputeStatusSchema = z.object({
  jobId: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  processed: z.number().int(),
  total: z.number().int().nullable(),
  startedAt: z.number().int(),
  finishedAt: z.number().int().nullable(),
  message: z.string(),
});
export type RecomputeStatus = z.infer<typeof RecomputeStatusSchema>;

export const ConfigViewSchema = z.object({
  xlas: z.array(XlaDefinitionSchema),
  plans: z.array(SurveyPlanSchema),
  /** Bumps on every save; a save that names an older version is refused (two admins editing). */
  version: z.number().int(),
});
export type ConfigView = z.infer<typeof ConfigViewSchema>;

export const AuditEntrySchema = z.object({
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
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** An audit entry as the admin page shows it: the actor's Jira display name, or their id when Jira does not say. */
export const AuditEntryViewSchema = AuditEntrySchema.extend({ actorName: z.string() });
export type AuditEntryView = z.infer<typeof AuditEntryViewSchema>;

/** What the XLA and plan editors offer in their scope pickers, read from Jira as the app. */
export const ScopeOptionsSchema = z.object({
  projects: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() })),
  requestTypes: z.array(z.object({ id: z.string(), name: z.string(), projectId: z.string() })),
  priorities: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type ScopeOptions = z.infer<typeof ScopeOptionsSchema>;

const empty = z.object({}).strict();
const expectedVersion = z.number().int().min(0).optional();

export const getConfig = resolverContract('getConfig', empty, ConfigViewSchema);

/** The definition is validated again on the server with the same schema the UI used. */
export const saveXla = resolverContract(
  'saveXla',
  z.object({ xla: z.unknown(), expectedVersion }).strict(),
  z.object({ config: ConfigViewSchema, recompute: RecomputeStatusSchema.nullable() }),
);
export const deleteXla = resolverContract(
  'deleteXla',
  z.object({ id: XlaIdSchema, expectedVersion }).strict(),
  z.object({ config: ConfigViewSchema }),
);
/**
 * Plans decide when to ask, not how answers are counted: rollups hold outcomes per XLA, so saving
 * or deleting a plan never starts a recompute (`recompute` is always null, unlike `saveXla`).
 */
const PlanSaved = z.object({ config: ConfigViewSchema, recompute: z.null() });
export const savePlan = resolverContract(
  'savePlan',
  z.object({ plan: z.unknown(), expectedVersion }).strict(),
  PlanSaved,
);
export const deletePlan = resolverContract(
  'deletePlan',
  z.object({ id: SurveyPlanIdSchema, expectedVersion }).strict(),
  PlanSaved,
);

/**
 * The file's format version: 2 since reason chips carry ids (translations keyed by chip id); files
 * of version 1 (chips as English words, translated place by place) are read into version 2 with
 * the same ids the stored plans got (src/domain/survey/chip-ids.ts), so nothing is re-worded.
 */
export const EXPORT_FORMAT_VERSION = 2;

export const ExportedConfigSchema = z
  .object({
    format: z.literal('sentio-config'),
    version: z.union([z.literal(1), z.literal(EXPORT_FORMAT_VERSION)]),
    xlas: z.array(XlaDefinitionSchema).max(50),
    plans: z.array(z.preprocess(upgradeLegacyPlan, SurveyPlanSchema)).max(100),
  })
  .strict()
  .superRefine((config, ctx) => {
    // Two entries with one id would show as two cards and silently become one on the next save.
    for (const list of ['xlas', 'plans'] as const) {
      const seen = new Set<string>();
      config[list].forEach((entry, i) => {
        if (seen.has(entry.id))
          ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `"${entry.id}" is listed twice` });
        seen.add(entry.id);
      });
    }
  });
export type ExportedConfig = z.infer<typeof ExportedConfigSchema>;

export const exportConfig = resolverContract('exportConfig', empty, ExportedConfigSchema);
export const importConfig = resolverContract(
  'importConfig',
  z.object({ config: z.unknown(), mode: z.enum(['merge', 'replace']).default('merge'), expectedVersion }).strict(),
  z.object({ config: ConfigViewSchema, recompute: RecomputeStatusSchema.nullable() }),
);

export const getAuditLog = resolverContract(
  'getAuditLog',
  z.object({ cursor: z.string().max(1000).optional(), limit: z.number().int().min(1).max(100).default(25) }).strict(),
  z.object({ entries: z.array(AuditEntryViewSchema), nextCursor: z.string().nullable() }),
);

/** Loaded when an editor opens (not at page start), so the page still starts in one round. */
export const listScopeOptions = resolverContract('listScopeOptions', empty, ScopeOptionsSchema);

export const startRecompute = resolverContract('startRecompute', empty, RecomputeStatusSchema);
export const getRecomputeStatus = resolverContract(
  'getRecomputeStatus',
  empty,
  z.object({ status: RecomputeStatusSchema.nullable() }),
);

/** Replaces the one-click signing key; links signed with the previous key keep verifying. */
export const rotateSigningKey = resolverContract(
  'rotateSigningKey',
  empty,
  z.object({ keyId: z.string(), previousKeyId: z.string().nullable(), rotatedAt: z.number().int() }),
);

export const adminResolvers = {
  getConfig,
  saveXla,
  deleteXla,
  savePlan,
  deletePlan,
  exportConfig,
  importConfig,
  getAuditLog,
  listScopeOptions,
  startRecompute,
  getRecomputeStatus,
  rotateSigningKey,
} as const;
