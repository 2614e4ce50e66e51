import type { AppPorts, RecomputeJob } from '../ports';

/** Where the current (or last) recompute stands, for the admin page's progress. */
export async function recomputeStatus(ports: AppPorts): Promise<RecomputeJob | null> {
  const stored = await ports.documents.getRecompute();
  if (stored === null) return null;
  const { cursor: _c, configVersion: _v, ...status } = stored.value;
  return status;
}
