import { z } from 'zod';

/** Lifecycle moments that can trigger a survey (DESIGN.md "Waypoint"). */
export const WAYPOINT_KINDS = [
  'created',
  'first-response',
  'status-changed',
  'reassigned',
  'idle',
  'long-running',
  'reopened',
  'resolved',
  'manual',
] as const;
export type WaypointKind = (typeof WAYPOINT_KINDS)[number];

export const STATUS_CATEGORIES = ['new', 'indeterminate', 'done'] as const;
export const StatusCategorySchema = z.enum(STATUS_CATEGORIES);
export type StatusCategory = z.infer<typeof StatusCategorySchema>;

const hours = z
  .number()
  .gt(0, 'must be greater than 0')
  .max(24 * 90, 'must be at most 2160 hours');

export const WaypointSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created') }).strict(),
  z.object({ kind: z.literal('first-response') }).strict(),
  z
    .object({
      kind: z.literal('status-changed'),
      /** Status ids (exact) or names (case-insensitive), e.g. "Waiting for customer". */
      toStatuses: z.array(z.string().min(1).max(120)).max(50).default([]),
      toCategories: z.array(StatusCategorySchema).max(3).default([]),
    })
    .strict()
    .refine((w) => w.toStatuses.length + w.toCategories.length > 0, {
      message: 'name at least one status or status category',
      path: ['toStatuses'],
    }),
  z
    .object({
      kind: z.literal('reassigned'),
      /** Ask only from the Nth reassignment on (1 = every reassignment). */
      fromNth: z
        .number()
        .int('must be a whole number')
        .min(1, 'must be at least 1')
        .max(50, 'must be at most 50')
        .default(1),
    })
    .strict(),
  z.object({ kind: z.literal('idle'), hours }).strict(),
  z.object({ kind: z.literal('long-running'), hours }).strict(),
  z.object({ kind: z.literal('reopened') }).strict(),
  z.object({ kind: z.literal('resolved') }).strict(),
  z.object({ kind: z.literal('manual') }).strict(),
]);
export type Waypoint = z.infer<typeof WaypointSchema>;
