import type { SitePriors } from '../../domain/scoring';
import type { AppPorts } from '../ports';

/**
 * The finished priors per XLA id, or an empty map before the first run finished (every XI then
 * smooths toward its configured default). One document read. Priors of a day or two ago are
 * used as they are: they move slowly, and a missing day must not make the dashboard fail.
 */
export async function cachedSitePriors(ports: AppPorts): Promise<ReadonlyMap<string, SitePriors>> {
  const stored = await ports.documents.getDoc('site-priors');
  return new Map(Object.entries(stored?.value.byXla ?? {}));
}
