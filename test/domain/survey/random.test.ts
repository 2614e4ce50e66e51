import { describe, expect, it } from 'vitest';
import { samplingDraw, seededRandom } from '../../../src/domain/survey';

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
