import type { ScopeOptions } from '@contracts/admin';
import type { Scope } from '@domain/scope';
import type { AdminT } from './admin-messages';

/**
 * Names for the ids a scope holds, from the site's lists (listScopeOptions). Until they arrive, or
 * when Jira cannot list them, an id is shown with what it is ("project 10001") rather than alone.
 */
export interface ScopeNames {
  project(id: string): string;
  requestType(id: string): string;
  priority(id: string): string;
}

export function scopeNames(options: ScopeOptions | null, t: AdminT): ScopeNames {
  const projects = new Map(options?.projects.map((p) => [p.id, `${p.name} (${p.key})`]) ?? []);
  const requestTypes = new Map(options?.requestTypes.map((rt) => [rt.id, rt.name]) ?? []);
  const priorities = new Map(options?.priorities.map((p) => [p.id, p.name]) ?? []);
  return {
    project: (id) => projects.get(id) ?? t('scope.projectId', { id }),
    requestType: (id) => requestTypes.get(id) ?? t('scope.requestTypeId', { id }),
    priority: (id) => priorities.get(id) ?? t('scope.priorityId', { id }),
  };
}

/** Up to three names, then how many more: a list cell stays one or two lines. */
function some(names: readonly string[], t: AdminT): string {
  return names.length <= 3
    ? names.join(', ')
    : t('scope.andMore', { names: names.slice(0, 2).join(', '), n: names.length - 2 });
}

/** "IT Service Desk (IT) · Get IT help, Request access · High": what a plan or an XLA covers. */
export function scopeText(scope: Scope, names: ScopeNames, t: AdminT): string {
  const parts = [
    scope.projectIds.length > 0 ? some(scope.projectIds.map(names.project), t) : t('scope.everyProject'),
    scope.requestTypeIds.length > 0 ? some(scope.requestTypeIds.map(names.requestType), t) : null,
    scope.priorities.length > 0
      ? t('scope.priorities', { names: some(scope.priorities.map(names.priority), t) })
      : null,
  ];
  return parts.filter((p) => p !== null).join(' · ');
}
