/**
 * Request type names for the service owner's views. Rollups and ticket records keep request type
 * ids only; the names come from the admin's cached scope options (one KVS read, Jira at most every
 * few minutes), never one Jira call per row.
 */
import type { AppPorts } from '../ports';
import { listScopeOptions } from '../configuration/list-scope-options';

export type RequestTypeNames = ReadonlyMap<string, string>;

export async function requestTypeNames(ports: AppPorts): Promise<RequestTypeNames> {
  try {
    const options = await listScopeOptions(ports);
    return new Map(options.requestTypes.map((rt) => [rt.id, rt.name]));
  } catch {
    // Names are a convenience: when Jira cannot list request types (down, rate-limited, or an
    // answer the app cannot read), the views show ids rather than fail.
    return new Map();
  }
}

export function requestTypeNameOf(names: RequestTypeNames, requestTypeId: string | null): string | null {
  return requestTypeId === null ? null : (names.get(requestTypeId) ?? null);
}
