/** The admin page's views of the configuration, the recompute job and the scope options. */
import type { AuditEntryWithName } from '../../app/configuration/read-audit-log';
import type { RecomputeJob, ScopeOptions, StoredConfig } from '../../app/ports';
import {
  EXPORT_FORMAT_VERSION,
  type AuditEntryView,
  type ConfigView,
  type ExportedConfig,
  type RecomputeStatus,
} from '../../contracts/admin';
import type { SurveyPlan } from '../../domain/survey-plan';
import type { XlaDefinition } from '../../domain/xla';

export function configView(config: StoredConfig): ConfigView {
  return { xlas: [...config.xlas], plans: [...config.plans], version: config.version };
}

export function recomputeStatusView(job: RecomputeJob | null): RecomputeStatus | null {
  if (job === null) return null;
  const { jobId, state, processed, total, startedAt, finishedAt, message } = job;
  return { jobId, state, processed, total, startedAt, finishedAt, message };
}

export function exportedConfigFile(config: {
  readonly xlas: readonly XlaDefinition[];
  readonly plans: readonly SurveyPlan[];
}): ExportedConfig {
  return { format: 'sentio-config', version: EXPORT_FORMAT_VERSION, xlas: [...config.xlas], plans: [...config.plans] };
}

export function auditEntryView(entry: AuditEntryWithName): AuditEntryView {
  const { id, at, actorId, action, target, summary, actorName } = entry;
  return { id, at, actorId, action, target, summary, actorName };
}

export function scopeOptionsView(options: ScopeOptions): {
  projects: Array<{ id: string; key: string; name: string }>;
  requestTypes: Array<{ id: string; name: string; projectId: string }>;
  priorities: Array<{ id: string; name: string }>;
} {
  return {
    projects: options.projects.map((p) => ({ id: p.id, key: p.key, name: p.name })),
    requestTypes: options.requestTypes.map((r) => ({ id: r.id, name: r.name, projectId: r.projectId })),
    priorities: options.priorities.map((p) => ({ id: p.id, name: p.name })),
  };
}
