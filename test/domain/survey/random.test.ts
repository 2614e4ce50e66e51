import { describe, expect, it } from 'vitest';
import { fnv1a32, fnv1a64Hex } from '../../../src/domain/survey/hash';
import { samplingDraw, seededRandom } from '../../../src/domain/survey';

describe('FNV-1a', () => {
  it('matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325');
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8');
  });
});

describe('seededRandom', () => {
  it('repeats the same stream for the same seed', () => {
    const a = seededRandom('site');
    const b = seededRandom('site');
    expect([a.next(), a.next(), a.next()]).toEqual([b.next(), b.next(), b.next()]);
  });

  it('draws in [0, 1)', () => {
    const r = seededRandom(7);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
    }
  });

  it('draws the same for a key however many draws came before', () => {
    const fresh = seededRandom('site');
    const used = seededRandom('site');
    for (let i = 0; i < 17; i++) used.next();
    expect(samplingDraw(used, 'plan|10001|created')).toBe(samplingDraw(fresh, 'plan|10001|created'));
  });

  it('draws differently for different keys and different seeds', () => {
    const r = seededRandom('site');
    expect(samplingDraw(r, 'k1')).not.toBe(samplingDraw(r, 'k2'));
    expect(samplingDraw(seededRandom('other'), 'k1')).not.toBe(samplingDraw(r, 'k1'));
  });
});
