import { z } from 'zod';
import { INDICATOR_IDS, IndicatorSpecSchema, defaultIndicatorSpec, type IndicatorId } from './indicator';
import { ScopeSchema } from './scope';
import { WAYPOINT_KINDS } from './waypoint';
import { XlaIdSchema, XlaWindowSchema } from './xla-window';

export { XlaIdSchema, XlaWindowSchema, type XlaWindow } from './xla-window';

/** Which answers feed the csat indicator (SCORING.md §1: optionally a waypoint, or mid-flight only). */
export const CsatSourceSchema = z
  .object({
    waypoints: z.array(z.enum(WAYPOINT_KINDS)).max(WAYPOINT_KINDS.length).default([]),
    midFlightOnly: z.boolean().default(false),
  })
  .strict();
export type CsatSource = z.infer<typeof CsatSourceSchema>;

/** An Experience Level Agreement: a named outcome with weighted XIs and a target (DESIGN.md). */
export const XlaDefinitionSchema = z
  .object({
    id: XlaIdSchema,
    name: z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters'),
    description: z.string().max(1000, 'must be at most 1000 characters').default(''),
    enabled: z.boolean().default(true),
    scope: ScopeSchema.default({ projectIds: [], requestTypeIds: [], priorities: [] }),
    indicators: z
      .array(IndicatorSpecSchema)
      .min(1, 'needs at least one indicator')
      .max(INDICATOR_IDS.length, `at most ${INDICATOR_IDS.length} indicators`),
    targetScore: z.number().min(0, 'must be between 0 and 100').max(100, 'must be between 0 and 100').default(80),
    window: XlaWindowSchema.default({ kind: 'rolling', days: 30 }),
    minSample: z.number().min(0, 'must not be negative').max(10_000, 'must be at most 10000').default(5),
    halfLifeDays: z.number().gt(0, 'must be greater than 0').max(3650, 'must be at most 3650').default(30),
    /** Smoothing strength m; `empirical-bayes` estimates it across segments (SCORING.md §2). */
    smoothing: z
      .union([
        z
          .object({
            kind: z.literal('fixed'),
            strength: z.number().min(0, 'must not be negative').max(1000, 'must be at most 1000'),
          })
          .strict(),
        z.object({ kind: z.literal('empirical-bayes') }).strict(),
      ])
      .default({ kind: 'fixed', strength: 10 }),
    waitThresholdHours: z
      .number()
      .gt(0, 'must be greater than 0')
      .max(24 * 90, 'must be at most 2160')
      .default(24),
    csatSource: CsatSourceSchema.default({ waypoints: [], midFlightOnly: false }),
    /** Names of the SLAs (as JSM calls them) this XLA is compared with; empty = every SLA. */
    slaNames: z.array(z.string().min(1).max(120)).max(20).default([]),
  })
  .strict()
  .superRefine((xla, ctx) => {
    const seen = new Set<IndicatorId>();
    xla.indicators.forEach((spec, i) => {
      if (seen.has(spec.id)) {
        ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: `"${spec.id}" is listed twice` });
      }
      seen.add(spec.id);
    });
    if (!xla.indicators.some((spec) => spec.weight > 0)) {
      ctx.addIssue({ code: 'custom', path: ['indicators'], message: 'at least one indicator needs a weight above 0' });
    }
  });
export type XlaDefinition = z.infer<typeof XlaDefinitionSchema>;
export type XlaDefinitionInput = z.input<typeof XlaDefinitionSchema>;

/** The XLA a new site starts with: every indicator of SCORING.md §2 at its default. */
export function defaultXla(): XlaDefinition {
  return XlaDefinitionSchema.parse({
    id: 'experience',
    name: 'People get back to work fast',
    description: 'Requesters are satisfied with the help they get and the operations behind it are healthy.',
    indicators: INDICATOR_IDS.map(defaultIndicatorSpec),
  });
}
