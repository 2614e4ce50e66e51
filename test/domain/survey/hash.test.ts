import { describe, expect, it } from 'vitest';
import { fnv1a32, fnv1a64Hex } from '../../../src/domain/survey/hash';

describe('FNV-1a', () => {
  // Oracle: the published FNV test vectors (Fowler, Noll, Vo: "FNV hash" reference page).
  it('matches the published test vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325');
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8');
  });
});
