/** Admin configuration: XLA definitions and survey plans, import/export, the audit log, recompute. */
import {
  ExportedConfigSchema,
  type AuditEntry,
  type AuditEntryView,
  type ConfigView,
  type ExportedConfig,
  type RecomputeStatus,
} from '../contracts/admin';
import { SurveyPlanSchema } from '../domain/survey-plan';
import { parseWith } from '../domain/validation';
import { XlaDefinitionSchema } from '../domain/xla';
import { effectiveConfig } from './load-config';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, WriteConflict } from './errors';
import type { AppPorts, CallerJira, StoredConfig } from './ports';
import { startRecompute } from './recompute-rollups';

export async function assertAdmin(caller: CallerJira): Promise<void> {
  if (!(await caller.isJiraAdmin())) throw new ForbiddenError('Only Jira administrators can change Sentio.');
}

export function viewOf(config: StoredConfig): ConfigView {
  return { xlas: [...config.xlas], plans: [...config.plans], version: config.version };
}

type Action = AuditEntry['action'];

/**
 * The configuration is one KVS value (≤ 240 KiB; the schemas alone allow far more): refuse a
 * configuration that would not fit, with a message the admin can act on, before writing anything.
 * https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/#kvs-and-custom-entity-store-quotas
 */
export const CONFIG_MAX_BYTES = 200 * 1024;

function assertStorable(config: StoredConfig): void {
  const bytes = new TextEncoder().encode(JSON.stringify(config)).length;
  if (bytes <= CONFIG_MAX_BYTES) return;
  const message = `The configuration is too large to store (${Math.ceil(bytes / 1024)} KiB of at most ${CONFIG_MAX_BYTES / 1024} KiB). Remove XLAs or plans, or shorten their texts and scope lists.`;
  throw new ValidationError(message, [{ field: 'config', message }]);
}

async function change(
  ports: AppPorts,
  actorId: string,
  expectedVersion: number | undefined,
  edit: (config: StoredConfig) => { next: StoredConfig; action: Action; target: string; summary: string },
): Promise<StoredConfig> {
  const current = await effectiveConfig(ports);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new ConflictError('Someone else changed the configuration; reload and try again.', 'stale-version');
  }
  const { next, action, target, summary } = edit(current);
  assertStorable(next);
  try {
    await ports.store.saveConfig({ ...next, version: current.version + 1 }, current.rev ?? current.version);
  } catch (e) {
    if (e instanceof WriteConflict)
      throw new ConflictError('Someone else changed the configuration; reload and try again.', 'stale-version');
    throw e;
  }
  const now = ports.clock.now();
  await ports.store.appendAudit({ id: `${now}-${ports.random.id()}`, at: now, actorId, action, target, summary });
  return { ...next, version: current.version + 1, rev: (current.rev ?? current.version) + 1 };
}

function describeDiff(before: unknown, after: unknown): string {
  if (before === undefined) return 'created';
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const changed = Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return changed.length === 0 ? 'no change' : `changed ${changed.join(', ')}`;
}

export async function saveXla(
  ports: AppPorts,
  actorId: string,
  input: unknown,
  expectedVersion?: number,
): Promise<{ config: ConfigView; recompute: RecomputeStatus | null }> {
  const parsed = parseWith(XlaDefinitionSchema, input);
  if (!parsed.ok)
    throw new ValidationError(
      'The XLA definition is not valid.',
      parsed.problems.map((p) => ({ field: `xla.${p.field}`, message: p.message })),
    );
  const xla = parsed.value;
  const saved = await change(ports, actorId, expectedVersion, (c) => {
    const before = c.xlas.find((x) => x.id === xla.id);
    return {
      next: { ...c, xlas: [...c.xlas.filter((x) => x.id !== xla.id), xla] },
      action: 'xla-saved',
      target: xla.id,
      summary: `XLA "${xla.name}" ${describeDiff(before, xla)}`,
    };
  });
  const recompute = await startRecompute(ports, actorId, { refuseIfRunning: false });
  return { config: viewOf(saved), recompute };
}

export async function deleteXla(
  ports: AppPorts,
  actorId: string,
  id: string,
  expectedVersion?: number,
): Promise<ConfigView> {
  const saved = await change(ports, actorId, expectedVersion, (c) => {
    if (!c.xlas.some((x) => x.id === id)) throw new NotFoundError(`There is no XLA "${id}".`);
    return {
      next: { ...c, xlas: c.xlas.filter((x) => x.id !== id) },
      action: 'xla-deleted',
      target: id,
      summary: `XLA ${id} deleted`,
    };
  });
  await startRecompute(ports, actorId, { refuseIfRunning: false });
  return viewOf(saved);
}

export async function savePlan(
  ports: AppPorts,
  actorId: string,
  input: unknown,
  expectedVersion?: number,
): Promise<ConfigView> {
  const parsed = parseWith(SurveyPlanSchema, input);
  if (!parsed.ok)
    throw new ValidationError(
      'The survey plan is not valid.',
      parsed.problems.map((p) => ({ field: `plan.${p.field}`, message: p.message })),
    );
  const plan = parsed.value;
  return viewOf(
    await change(ports, actorId, expectedVersion, (c) => {
      const before = c.plans.find((p) => p.id === plan.id);
      const plans = before === undefined ? [...c.plans, plan] : c.plans.map((p) => (p.id === plan.id ? plan : p));
      return {
        next: { ...c, plans },
        action: 'plan-saved',
        target: plan.id,
        summary: `Plan "${plan.name}" ${describeDiff(before, plan)}`,
      };
    }),
  );
}

export async function deletePlan(
  ports: AppPorts,
  actorId: string,
  id: string,
  expectedVersion?: number,
): Promise<ConfigView> {
  return viewOf(
    await change(ports, actorId, expectedVersion, (c) => {
      if (!c.plans.some((p) => p.id === id)) throw new NotFoundError(`There is no survey plan "${id}".`);
      return {
        next: { ...c, plans: c.plans.filter((p) => p.id !== id) },
        action: 'plan-deleted',
        target: id,
        summary: `Plan ${id} deleted`,
      };
    }),
  );
}

export async function exportConfig(ports: AppPorts): Promise<ExportedConfig> {
  const c = await effectiveConfig(ports);
  return { format: 'sentio-config', version: 1, xlas: [...c.xlas], plans: [...c.plans] };
}

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
  const saved = await change(ports, actorId, expectedVersion, (c) => {
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

/**
 * One page of the audit log with each actor's display name. Names are a courtesy: when Jira cannot
 * say (a closed account, Jira busy), the entry shows the account id rather than failing the page.
 */
export async function auditLogPage(
  ports: AppPorts,
  cursor: string | null,
  limit: number,
): Promise<{ entries: AuditEntryView[]; nextCursor: string | null }> {
  const page = await ports.store.auditLog(cursor, limit);
  const actorIds = [...new Set(page.items.map((e) => e.actorId))];
  const names =
    actorIds.length === 0
      ? new Map<string, string>()
      : await ports.jira.displayNames(actorIds).catch(() => new Map<string, string>());
  return {
    entries: page.items.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? e.actorId })),
    nextCursor: page.cursor,
  };
}
