import type { ConfigView, ExportedConfig } from '@contracts/admin';
import type { SurveyPlan } from '@domain/survey-plan';
import type { XlaDefinition } from '@domain/xla';
import { type Change, changesBetween } from './config-diff';
import type { ScopeNames } from './scope-names';
import type { AdminT } from './admin-messages';

type Item = XlaDefinition | SurveyPlan;

export interface ItemChange {
  readonly kind: 'XLA' | 'plan';
  readonly name: string;
  readonly changes: readonly Change[];
}

/** What an import would do to the configuration, before anything is written. */
export interface ImportPreview {
  readonly added: readonly ItemChange[];
  readonly changed: readonly ItemChange[];
  readonly unchanged: readonly ItemChange[];
  /** Items the file does not hold: kept by a merge, removed by a replace. */
  readonly notInFile: readonly ItemChange[];
  readonly removes: boolean;
}

function compare(
  kind: 'XLA' | 'plan',
  current: readonly Item[],
  incoming: readonly Item[],
  names: ScopeNames,
  t: AdminT,
): Omit<ImportPreview, 'removes'> {
  const added: ItemChange[] = [];
  const changed: ItemChange[] = [];
  const unchanged: ItemChange[] = [];
  for (const item of incoming) {
    const before = current.find((c) => c.id === item.id);
    if (before === undefined) {
      added.push({ kind, name: item.name, changes: [] });
      continue;
    }
    const changes = changesBetween(before, item, names, t);
    (changes.length === 0 ? unchanged : changed).push({ kind, name: item.name, changes });
  }
  const notInFile = current
    .filter((c) => !incoming.some((i) => i.id === c.id))
    .map((c) => ({ kind, name: c.name, changes: [] }));
  return { added, changed, unchanged, notInFile };
}

/** The same merge rule the server applies: by id, the file's version wins; replace drops the rest. */
export function previewImport(
  current: Pick<ConfigView, 'xlas' | 'plans'>,
  file: ExportedConfig,
  mode: 'merge' | 'replace',
  names: ScopeNames,
  t: AdminT,
): ImportPreview {
  const x = compare('XLA', current.xlas, file.xlas, names, t);
  const p = compare('plan', current.plans, file.plans, names, t);
  const notInFile = [...x.notInFile, ...p.notInFile];
  return {
    added: [...x.added, ...p.added],
    changed: [...x.changed, ...p.changed],
    unchanged: [...x.unchanged, ...p.unchanged],
    notInFile,
    removes: mode === 'replace' && notInFile.length > 0,
  };
}
