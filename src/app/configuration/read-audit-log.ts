import type { AppPorts, AuditEntry } from '../ports';
import { withCallerCursor } from '../errors';
import { ERASED_ACCOUNT } from '../privacy/account-holdings';

export interface AuditEntryWithName extends AuditEntry {
  /** The actor's Jira display name, or their account id when Jira does not say. */
  readonly actorName: string;
}

/**
 * One page of the audit log with each actor's display name. Names are a courtesy: when Jira cannot
 * say (a closed account, Jira busy), the entry shows the account id rather than failing the page.
 */
export async function readAuditLog(
  ports: AppPorts,
  cursor: string | null,
  limit: number,
): Promise<{ entries: AuditEntryWithName[]; nextCursor: string | null }> {
  const page = await withCallerCursor(cursor, () => ports.audit.auditLog(cursor, limit));
  // An erased actor (src/app/privacy/erase-account.ts) is no account to look up.
  const actorIds = [...new Set(page.items.map((e) => e.actorId))].filter((id) => id !== ERASED_ACCOUNT);
  const names =
    actorIds.length === 0
      ? new Map<string, string>()
      : await ports.directory.displayNames(actorIds).catch(() => new Map<string, string>());
  return {
    entries: page.items.map((e) => ({ ...e, actorName: names.get(e.actorId) ?? e.actorId })),
    nextCursor: page.cursor,
  };
}
