/**
 * The dashboard gadget names its project and lets its editor pick one by name: the editor offers
 * the service projects the caller may browse, as Jira lists them for the caller; the title's name
 * comes from the scope-options cache when fresh.
 */
import { scopeOptionsCache } from '../configuration/list-scope-options';
import type { AppPorts, CallerJira, ScopeOptions } from '../ports';

type Project = ScopeOptions['projects'][number];

/** The service projects the caller may browse, as Jira lists them for the caller (2 round trips at any count). */
export async function gadgetProjects(caller: CallerJira): Promise<{ projects: Project[]; truncated: boolean }> {
  const { projects, total } = await caller.browsableServiceProjects();
  return { projects: [...projects], truncated: total > projects.length };
}

/**
 * The project's name for a title; null when Jira cannot say (the view then names no project). From
 * the fresh scope-options cache, else one call for this project: never the admin's four lists nor
 * the cache write on the gadget's critical path (2 round trips at most).
 */
export async function projectNameOf(ports: AppPorts, projectId: string): Promise<string | null> {
  try {
    const cached = await scopeOptionsCache(ports);
    if (cached.fresh !== null) return cached.fresh.projects.find((p) => p.id === projectId)?.name ?? null;
    return await ports.directory.projectName(projectId);
  } catch {
    return null;
  }
}
