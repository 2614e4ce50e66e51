/**
 * FNV-1a hashes over UTF-16 code units: small, pure and stable across runtimes, so ids and sampling
 * draws derived from a natural key come out the same on every replay (no `node:crypto` in the domain).
 * Not for secrets: only for spreading keys.
 */

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

export function fnv1a32(text: string): number {
  let hash = FNV32_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV32_PRIME);
  }
  return hash >>> 0;
}

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

/** 64 bits, as 16 hex digits: wide enough that ask ids of one site never collide in practice. */
export function fnv1a64Hex(text: string): string {
  let hash = FNV64_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * FNV64_PRIME) & MASK64;
  }
  return hash.toString(16).padStart(16, '0');
}
