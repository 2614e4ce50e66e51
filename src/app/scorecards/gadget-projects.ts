/**
 * The dashboard gadget names its project and lets its editor pick one by name. The site's service
 * projects come from the cached list the admin's scope pickers use (one storage read while fresh);
 * the editor offers only those the caller may browse, asked of Jira as the caller.
 */
import { fetchScopeOptions, scopeOptionsCache } from '../configuration/list-scope-options';
import type { AppPorts, CallerJira, ScopeOptions } from '../ports';

/** The editor checks at most this many projects (each one asUser call), a few at a time. */
export const GADGET_PROJECTS_CHECKED = 60;
const CHECKS_AT_ONCE = 10;

type Project = ScopeOptions['projects'][number];

export async function gadgetProjects(
  ports: AppPorts,
  caller: CallerJira,
): Promise<{ projects: Project[]; truncated: boolean }> {
  const { options, cached } = await fetchScopeOptions(ports);
  const all = options.projects;
  const checked = all.slice(0, GADGET_PROJECTS_CHECKED);
  // The permission checks overlap the cache write: one round trip less.
  const [projects] = await Promise.all([browsable(caller, checked), cached]);
  return { projects, truncated: all.length > checked.length };
}

async function browsable(caller: CallerJira, checked: readonly Project[]): Promise<Project[]> {
  const projects: Project[] = [];
  for (let i = 0; i < checked.length; i += CHECKS_AT_ONCE) {
    const batch = checked.slice(i, i + CHECKS_AT_ONCE);
    const allowed = await Promise.all(batch.map((p) => caller.canBrowseProject(p.id)));
    projects.push(...batch.filter((_, j) => allowed[j] === true));
  }
  return projects;
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
