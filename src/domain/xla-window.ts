import { z } from 'zod';

// Apart from xla.ts so that a scorecard (and the views that parse one) can name an XLA's window
// and id without evaluating the XLA definition's schemas, which only the server and the editor use.
export const XlaWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rolling'), days: z.union([z.literal(7), z.literal(30), z.literal(90)]) }).strict(),
  z.object({ kind: z.literal('calendar-month') }).strict(),
]);
export type XlaWindow = z.infer<typeof XlaWindowSchema>;

export const XlaIdSchema = z
  .string()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes');
