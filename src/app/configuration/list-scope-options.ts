/** What the admin's scope pickers offer: the site's projects, JSM request types and priorities. */
import type { AppPorts, ScopeOptions } from '../ports';

/** Long enough to spare Jira while an admin edits, short enough that a new project shows up soon. */
export const SCOPE_OPTIONS_TTL_MS = 5 * 60_000;
/** A site with very many projects or request types is still served, just not cached (KVS value ≤ 240 KiB). */
const CACHE_MAX_BYTES = 100 * 1024;

const byName = <T extends { name: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));

/** The cached options when still fresh, and the cache's revision (0: never written). */
export interface ScopeOptionsCache {
  readonly fresh: ScopeOptions | null;
  readonly rev: number;
}

/** One storage read: callers that must check who asks first run it beside that check. */
export async function scopeOptionsCache(ports: AppPorts): Promise<ScopeOptionsCache> {
  const now = ports.clock.now();
  const cached = await ports.documents.getDoc('scope-options');
  const fresh = cached !== null && now - cached.value.at < SCOPE_OPTIONS_TTL_MS && cached.value.at <= now;
  return { fresh: fresh ? cached.value.options : null, rev: cached?.rev ?? 0 };
}

/** From the cache when fresh (`cache`: already read), else from Jira, then cached again. */
export async function listScopeOptions(ports: AppPorts, cache?: ScopeOptionsCache): Promise<ScopeOptions> {
  const { options, cached } = await fetchScopeOptions(ports, cache);
  await cached;
  return options;
}

/**
 * The options as soon as they are known, and the cache write as a promise of its own, so a caller
 * can overlap its next calls with the write (and must await it before answering).
 */
export async function fetchScopeOptions(
  ports: AppPorts,
  cache?: ScopeOptionsCache,
): Promise<{ readonly options: ScopeOptions; readonly cached: Promise<void> }> {
  const cached = cache ?? (await scopeOptionsCache(ports));
  if (cached.fresh !== null) return { options: cached.fresh, cached: Promise.resolve() };
  const now = ports.clock.now();
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
  // Unchecked: views that refresh it at the same moment (the project page's sections do) each hold
  // a copy as fresh as the other's, and a checked write's conflict would cost a further round trip.
  const write =
    new TextEncoder().encode(JSON.stringify(value)).length <= CACHE_MAX_BYTES
      ? ports.documents.putCachedDoc('scope-options', value, cached.rev + 1)
      : Promise.resolve();
  return { options, cached: write };
}
