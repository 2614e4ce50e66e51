import type { RecomputeStatus } from '../../contracts/admin';
import type { AppPorts } from '../ports';

/** Where the current (or last) recompute stands, for the admin page's progress. */
export async function recomputeStatus(ports: AppPorts): Promise<RecomputeStatus | null> {
  const stored = await ports.store.getRecompute();
  if (stored === null) return null;
  const { cursor: _c, configVersion: _v, ...status } = stored.value;
  return status;
}
