/**
 * The one way an admin edit reaches the configuration document: refused on a stale version,
 * refused when it would not fit in storage, written checked on the document's revision, audited.
 */
import { ConflictError, TransientError, ValidationError } from '../errors';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import type { AppPorts, AuditEntry, StoredConfig } from '../ports';
import { effectiveConfig } from './effective-config';

type Action = AuditEntry['action'];

export interface ConfigEdit {
  readonly next: StoredConfig;
  readonly action: Action;
  readonly target: string;
  readonly summary: string;
}

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

export async function changeConfig(
  ports: AppPorts,
  actorId: string,
  expectedVersion: number | undefined,
  edit: (config: StoredConfig) => ConfigEdit,
): Promise<StoredConfig> {
  // System writes (recompute generations, the hourly clean-up) move the document revision but not
  // the edit version: an admin edit that lost the race to one of those is re-applied on the fresh
  // document; only another admin's edit (a new version) is a conflict the admin must see.
  const saved = await withOptimisticRetry(ports, async () => {
    const current = await effectiveConfig(ports);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new ConflictError('Someone else changed the configuration; reload and try again.', 'stale-version');
    }
    const change = edit(current);
    assertStorable(change.next);
    const rev = current.rev ?? current.version;
    await ports.config.saveConfig({ ...change.next, version: current.version + 1 }, rev);
    return { change, config: { ...change.next, version: current.version + 1, rev: rev + 1 } };
  }).catch((e: unknown) => {
    if (e instanceof TransientError)
      throw new ConflictError('Someone else changed the configuration; reload and try again.', 'stale-version');
    throw e;
  });
  const { action, target, summary } = saved.change;
  const now = ports.clock.now();
  await ports.audit.appendAudit({ id: `${now}-${ports.random.id()}`, at: now, actorId, action, target, summary });
  return saved.config;
}

/** The audit summary of an edit: which top-level fields changed. */
export function describeDiff(before: unknown, after: unknown): string {
  if (before === undefined) return 'created';
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const changed = Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
  return changed.length === 0 ? 'no change' : `changed ${changed.join(', ')}`;
}
