import { z } from 'zod';

/** Experience indicators (XI) of SCORING.md §1; X = experience, O = operations. */
export const INDICATOR_IDS = ['csat', 'sentiment', 'sla', 'reopen', 'reassign', 'wait', 'chaser'] as const;
export const IndicatorIdSchema = z.enum(INDICATOR_IDS);
export type IndicatorId = z.infer<typeof IndicatorIdSchema>;

export type IndicatorGroup = 'X' | 'O';

export interface IndicatorDefaults {
  readonly group: IndicatorGroup;
  readonly weight: number;
  readonly floor: number;
  readonly target: number;
  readonly prior: number;
}

/** SCORING.md §2 table: weights within the group, floor F, target T, default prior μ. */
export const INDICATOR_DEFAULTS: Readonly<Record<IndicatorId, IndicatorDefaults>> = {
  csat: { group: 'X', weight: 0.8, floor: 0.5, target: 0.9, prior: 0.8 },
  sentiment: { group: 'X', weight: 0.2, floor: 0.6, target: 0.9, prior: 0.85 },
  sla: { group: 'O', weight: 0.4, floor: 0.7, target: 0.95, prior: 0.9 },
  reopen: { group: 'O', weight: 0.2, floor: 0.8, target: 0.97, prior: 0.95 },
  reassign: { group: 'O', weight: 0.2, floor: 0.6, target: 0.9, prior: 0.9 },
  wait: { group: 'O', weight: 0.2, floor: 0.5, target: 0.9, prior: 0.85 },
  chaser: { group: 'O', weight: 0, floor: 0.7, target: 0.95, prior: 0.9 },
};

export function groupOf(id: IndicatorId): IndicatorGroup {
  return INDICATOR_DEFAULTS[id].group;
}

const unitRate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/** One XI inside an XLA: its weight in its group, floor and target rates, prior. */
export const IndicatorSpecSchema = z
  .object({
    id: IndicatorIdSchema,
    /** 0 keeps the indicator visible on the scorecard without counting it in the score. */
    weight: z.number().min(0, 'must not be negative').max(100, 'must be at most 100'),
    floor: unitRate,
    target: unitRate,
    prior: unitRate,
  })
  .strict()
  .superRefine((spec, ctx) => {
    if (spec.floor >= spec.target) {
      ctx.addIssue({ code: 'custom', path: ['floor'], message: `must be below the target (${spec.target})` });
    }
  });
export type IndicatorSpec = z.infer<typeof IndicatorSpecSchema>;

export function defaultIndicatorSpec(id: IndicatorId): IndicatorSpec {
  const d = INDICATOR_DEFAULTS[id];
  return { id, weight: d.weight, floor: d.floor, target: d.target, prior: d.prior };
}
