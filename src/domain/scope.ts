import { z } from 'zod';

const idList = z.array(z.string().min(1).max(64)).max(200);

/** Which tickets a plan or an XLA covers; an empty list means "any". */
export const ScopeSchema = z
  .object({
    projectIds: idList.default([]),
    requestTypeIds: idList.default([]),
    priorities: idList.default([]),
  })
  .strict();
export type Scope = z.infer<typeof ScopeSchema>;

export interface ScopedTicket {
  readonly projectId: string;
  readonly requestTypeId: string | null;
  readonly priority: string | null;
}

function allows(list: readonly string[], value: string | null): boolean {
  return list.length === 0 || (value !== null && list.includes(value));
}

export function scopeMatches(scope: Scope, ticket: ScopedTicket): boolean {
  return (
    allows(scope.projectIds, ticket.projectId) &&
    allows(scope.requestTypeIds, ticket.requestTypeId) &&
    allows(scope.priorities, ticket.priority)
  );
}
