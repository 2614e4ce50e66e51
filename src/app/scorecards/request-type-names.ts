/**
 * Request type names for the service owner's views. Rollups and ticket records keep request type
 * ids only; the names come from the admin's cached scope options (one KVS read) when fresh, else
 * from JSM's request type list alone (one call): never one Jira call per row, never the admin's
 * four lists nor the cache write on a view's critical path (2 round trips at most).
 */
import type { AppPorts } from '../ports';
import { scopeOptionsCache } from '../configuration/list-scope-options';

export type RequestTypeNames = ReadonlyMap<string, string>;

export async function requestTypeNames(ports: AppPorts): Promise<RequestTypeNames> {
  try {
    const cached = await scopeOptionsCache(ports);
    const types = cached.fresh?.requestTypes ?? (await ports.directory.listRequestTypeNames());
    return new Map(types.map((rt) => [rt.id, rt.name]));
  } catch {
    // Names are a convenience: when Jira cannot list request types (down, rate-limited, or an
    // answer the app cannot read), the views show ids rather than fail.
    return new Map();
  }
}

export function requestTypeNameOf(names: RequestTypeNames, requestTypeId: string | null): string | null {
  return requestTypeId === null ? null : (names.get(requestTypeId) ?? null);
}
