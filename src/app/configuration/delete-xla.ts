import { NotFoundError } from '../errors';
import type { AppPorts, StoredConfig } from '../ports';
import { startRecompute } from '../recompute/start-recompute';
import { changeConfig } from './change-config';

/** Removes an XLA and rebuilds the rollups without it. */
export async function deleteXla(
  ports: AppPorts,
  actorId: string,
  id: string,
  expectedVersion?: number,
): Promise<StoredConfig> {
  const saved = await changeConfig(ports, actorId, expectedVersion, (c) => {
    if (!c.xlas.some((x) => x.id === id)) throw new NotFoundError(`There is no XLA "${id}".`);
    return {
      next: { ...c, xlas: c.xlas.filter((x) => x.id !== id) },
      action: 'xla-deleted',
      target: id,
      summary: `XLA ${id} deleted`,
    };
  });
  await startRecompute(ports, actorId, { refuseIfRunning: false });
  return saved;
}
