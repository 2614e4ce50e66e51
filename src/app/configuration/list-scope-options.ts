/** What the admin's scope pickers offer: the site's projects, JSM request types and priorities. */
import { WriteConflict } from '../errors';
import type { AppPorts, ScopeOptions } from '../ports';

/** Long enough to spare Jira while an admin edits, short enough that a new project shows up soon. */
export const SCOPE_OPTIONS_TTL_MS = 5 * 60_000;
/** A site with very many projects or request types is still served, just not cached (KVS value ≤ 240 KiB). */
const CACHE_MAX_BYTES = 100 * 1024;

const byName = <T extends { name: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));

export async function listScopeOptions(ports: AppPorts): Promise<ScopeOptions> {
  const now = ports.clock.now();
  const cached = await ports.documents.getDoc('scope-options');
  if (cached !== null && now - cached.value.at < SCOPE_OPTIONS_TTL_MS && cached.value.at <= now)
    return cached.value.options;
  const [projects, requestTypes, priorities] = await Promise.all([
    ports.directory.listProjects(),
    ports.directory.listRequestTypes(),
    ports.directory.listPriorities(),
  ]);
  // Priorities keep Jira's order (highest first): that is how admins read them.
  const options: ScopeOptions = {
    projects: byName(projects),
    requestTypes: byName(requestTypes),
    priorities: [...priorities],
  };
  const value = { at: now, options };
  if (new TextEncoder().encode(JSON.stringify(value)).length <= CACHE_MAX_BYTES) {
    try {
      await ports.documents.putDoc('scope-options', value, cached?.rev ?? 0);
    } catch (e) {
      // Another admin's page refreshed it at the same moment: their copy is as fresh as ours.
      if (!(e instanceof WriteConflict)) throw e;
    }
  }
  return options;
}
