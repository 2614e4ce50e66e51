import { TransientError, WriteConflict } from '../errors';
import type { Random } from '../ports';

const MAX_ATTEMPTS = 8;

/**
 * Runs read → decide → commit until it commits. Many events on one project race for the same
 * buckets; a randomised backoff spreads the retries. After MAX_ATTEMPTS the platform retries the
 * whole invocation (TransientError → InvocationError).
 */
export async function withOptimisticRetry<T>(
  ports: { readonly random: Random },
  attempt: () => Promise<T>,
): Promise<T> {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof WriteConflict)) throw e;
      const ceiling = Math.min(400, 10 * 2 ** i);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(ports.random.next() * ceiling)));
    }
  }
  throw new TransientError('Too many concurrent updates of the same records.', 5);
}
