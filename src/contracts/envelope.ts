import { z } from 'zod';

/** Stable error codes every resolver answers with; the UI maps them to messages and flags. */
export const ERROR_CODES = [
  'validation', // the payload or a config field is wrong; `fields` says which
  'forbidden', // the caller may not do this (identity from the Forge context)
  'not-found',
  'conflict', // e.g. a recompute already running, an edit on a stale version
  'refused', // a business rule said no (an expired ask, a fatigue rule); `reason` is its code
  'unavailable', // storage or Jira is rate-limiting or down: try again
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldProblemSchema = z.object({ field: z.string(), message: z.string() });

export const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  fields: z.array(FieldProblemSchema).optional(),
  reason: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Every resolver answers `{ ok: true, data }` or `{ ok: false, error }` — never a raw exception. */
export function envelopeOf<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ErrorBodySchema }),
  ]);
}
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
