/**
 * Reason chips for tests, written as their English words: each gets a readable id (its words with
 * dashes for spaces, or `chip-<n>` for words that make no id), so a test can name the chip a
 * requester picks by id the way the portal does.
 */
import type { ReasonChip } from '../../src/domain/survey-plan';

export function chipId(words: string, n = 0): string {
  const id = words.trim().replace(/\s+/g, '-');
  return /^[A-Za-z0-9_-]{1,40}$/.test(id) ? id : `chip-${n}`;
}

export function chips(...words: string[]): ReasonChip[] {
  return words.map((label, i) => ({ id: chipId(label, i), label }));
}
