/** The `sentio-recompute` queue consumer: one chunk of a rollup rebuild per message. */
import { z } from 'zod';
import { TransientError } from '../app/errors';
import { runRecomputeChunk } from '../app/recompute/run-recompute-chunk';
import { retryLater } from '../platform/forge-services';
import type { TriggerDeps } from './trigger-deps';

const JobBody = z.looseObject({ jobId: z.string().min(1).max(100) });
/** The consumer's payload is the pushed body; an AsyncEvent wrapper is accepted too. */
const QueueEventSchema = z.union([JobBody, z.looseObject({ body: JobBody }).transform((e) => e.body)]);

export function recomputeHandler(deps: TriggerDeps) {
  return async (event: unknown): Promise<unknown> => {
    const parsed = QueueEventSchema.safeParse(event);
    if (!parsed.success) return { ignored: true };
    try {
      return { queuedNext: await runRecomputeChunk(deps.ports(), parsed.data.jobId) };
    } catch (e) {
      if (e instanceof TransientError) return retryLater(e.retryAfterSeconds);
      throw e;
    }
  };
}
