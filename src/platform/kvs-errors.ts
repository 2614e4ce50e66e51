import { ForgeKvsAPIError } from '@forge/kvs';
import { TransientError, WriteConflict } from '../app/errors';

/**
 * Maps a KVS failure to the app's layer errors: a failed transaction condition is a lost race
 * (`WriteConflict`), 429 and 5xx are worth retrying (`TransientError`).
 * https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs/
 */
export function mapKvsError(e: unknown, key: string): unknown {
  if (e instanceof ForgeKvsAPIError) {
    const status = e.responseDetails.status;
    if (status === 409 || e.code === 'CONDITIONAL_CHECK_FAILED' || e.code === 'KEY_CONFLICT')
      return new WriteConflict(key);
    if (status === 429) return new TransientError('Storage is rate limiting the app.', 30);
    if (status >= 500) return new TransientError('Storage is unavailable.', 15);
  }
  return e;
}

export async function kvsCall<T>(key: string, op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw mapKvsError(e, key);
  }
}
