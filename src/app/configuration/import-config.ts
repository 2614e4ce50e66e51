import type { SurveyPlan } from '../../domain/survey-plan';
import type { XlaDefinition } from '../../domain/xla';
import type { AppPorts, RecomputeJob, StoredConfig } from '../ports';
import { startRecompute } from '../recompute/start-recompute';
import { changeConfig } from './change-config';

/** What an import brings: XLAs and plans, already validated (the handler parses the file). */
export interface ImportedConfig {
  readonly xlas: readonly XlaDefinition[];
  readonly plans: readonly SurveyPlan[];
}

/** Merges (by id) or replaces the XLAs and plans from an exported file, then rebuilds the rollups. */
export async function importConfig(
  ports: AppPorts,
  actorId: string,
  incoming: ImportedConfig,
  mode: 'merge' | 'replace',
  expectedVersion?: number,
): Promise<{ config: StoredConfig; recompute: RecomputeJob | null }> {
  const saved = await changeConfig(ports, actorId, expectedVersion, (c) => {
    const merge = <T extends { id: string }>(old: readonly T[], add: readonly T[]): T[] =>
      mode === 'replace' ? [...add] : [...old.filter((o) => !add.some((a) => a.id === o.id)), ...add];
    return {
      next: { ...c, xlas: merge(c.xlas, incoming.xlas), plans: merge(c.plans, incoming.plans) },
      action: 'config-imported',
      target: mode,
      summary: `Imported ${incoming.xlas.length} XLA(s) and ${incoming.plans.length} plan(s) (${mode})`,
    };
  });
  const recompute = await startRecompute(ports, actorId, { refuseIfRunning: false });
  return { config: saved, recompute };
}
