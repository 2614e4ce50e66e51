import { NotFoundError } from '../errors';
import type { AppPorts, StoredConfig } from '../ports';
import { changeConfig } from './change-config';

/** Removes a survey plan; asks it already made keep their snapshot of the question. */
export async function deletePlan(
  ports: AppPorts,
  actorId: string,
  id: string,
  expectedVersion?: number,
): Promise<StoredConfig> {
  return changeConfig(ports, actorId, expectedVersion, (c) => {
    if (!c.plans.some((p) => p.id === id)) throw new NotFoundError(`There is no survey plan "${id}".`);
    return {
      next: { ...c, plans: c.plans.filter((p) => p.id !== id) },
      action: 'plan-deleted',
      target: id,
      summary: `Plan ${id} deleted`,
    };
  });
}
