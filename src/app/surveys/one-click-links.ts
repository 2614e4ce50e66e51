import type { Ask } from '../../domain/ask';
import { SCALES } from '../../domain/question';
import type { AppPorts } from '../ports';
import { signToken } from './one-click-token';

/** One signed link per score of the ask's scale (the survey comment's one-click answers). */
export async function oneClickLinks(
  ports: AppPorts,
  ask: Ask,
): Promise<Array<{ label: string; url: string; score: number }>> {
  const keys = await ports.secrets.signingKeys();
  const base = await ports.links.oneClickUrl();
  const { min, max } = SCALES[ask.question.kind];
  const links: Array<{ label: string; url: string; score: number }> = [];
  for (let score = min; score <= max; score++) {
    const token = signToken(
      { a: ask.id, s: score, e: ask.expiresAt, n: ports.random.id().replace(/-/g, ''), c: 'public-comment' },
      keys.current,
    );
    const sep = base.includes('?') ? '&' : '?';
    links.push({ label: String(score), url: `${base}${sep}t=${encodeURIComponent(token)}`, score });
  }
  return links;
}
