import { fnv1a32 } from './hash';

/** The source of chance behind sampling: a port, so tests and replays can fix it. */
export interface Random {
  /** A uniform draw in [0, 1). */
  next(): number;
  /**
   * A stream fixed by `key`. When present, sampling draws from `forKey(samplingKey)`, so the same
   * (plan, ticket, waypoint occurrence) samples the same way when an event is delivered again.
   */
  forKey?(key: string): Random;
}

/** mulberry32: a tiny 32-bit generator, good enough for sampling and fully reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function seedOf(seed: string | number): number {
  return typeof seed === 'number' ? seed >>> 0 : fnv1a32(seed);
}

/**
 * A deterministic `Random`. `next()` walks one stream from `seed`; `forKey(key)` starts a fresh
 * stream from (seed, key), independent of how many draws came before. In production the seed can
 * be a per-site constant: sampling then stays reproducible per key and unpredictable across sites.
 */
export function seededRandom(seed: string | number): Random {
  const draw = mulberry32(seedOf(seed));
  const base = String(seed);
  return {
    next: draw,
    forKey: (key) => seededRandom(fnv1a32(`${base}\u001f${key}`)),
  };
}

/** One draw for a sampling decision: keyed when the port allows it. */
export function samplingDraw(random: Random, key: string): number {
  return random.forKey ? random.forKey(key).next() : random.next();
}
