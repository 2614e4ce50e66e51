import { parseWith } from '../../domain/validation';
import { XlaDefinitionSchema } from '../../domain/xla';
import { ValidationError } from '../errors';
import type { AppPorts, RecomputeJob, StoredConfig } from '../ports';
import { startRecompute } from '../recompute/start-recompute';
import { changeConfig, describeDiff } from './change-config';

/** Creates or replaces an XLA; its outcomes count differently from now on, so the rollups are rebuilt. */
export async function saveXla(
  ports: AppPorts,
  actorId: string,
  input: unknown,
  expectedVersion?: number,
): Promise<{ config: StoredConfig; recompute: RecomputeJob | null }> {
  const parsed = parseWith(XlaDefinitionSchema, input);
  if (!parsed.ok)
    throw new ValidationError(
      'The XLA definition is not valid.',
      parsed.problems.map((p) => ({ field: `xla.${p.field}`, message: p.message })),
    );
  const xla = parsed.value;
  const saved = await changeConfig(ports, actorId, expectedVersion, (c) => {
    const before = c.xlas.find((x) => x.id === xla.id);
    return {
      next: { ...c, xlas: [...c.xlas.filter((x) => x.id !== xla.id), xla] },
      action: 'xla-saved',
      target: xla.id,
      summary: `XLA "${xla.name}" ${describeDiff(before, xla)}`,
    };
  });
  const recompute = await startRecompute(ports, actorId, { refuseIfRunning: false });
  return { config: saved, recompute };
}
