import { ExportedConfigSchema, type ConfigView, type RecomputeStatus } from '../../contracts/admin';
import { parseWith } from '../../domain/validation';
import { ValidationError } from '../errors';
import type { AppPorts } from '../ports';
import { startRecompute } from '../recompute/start-recompute';
import { changeConfig, viewOf } from './change-config';

/** Merges (by id) or replaces the XLAs and plans from an exported file, then rebuilds the rollups. */
export async function importConfig(
  ports: AppPorts,
  actorId: string,
  input: unknown,
  mode: 'merge' | 'replace',
  expectedVersion?: number,
): Promise<{ config: ConfigView; recompute: RecomputeStatus | null }> {
  const parsed = parseWith(ExportedConfigSchema, input);
  if (!parsed.ok)
    throw new ValidationError(
      'The file is not a Sentio configuration.',
      parsed.problems.map((p) => ({ field: `config.${p.field}`, message: p.message })),
    );
  const incoming = parsed.value;
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
  return { config: viewOf(saved), recompute };
}
