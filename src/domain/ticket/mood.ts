/**
 * Ticket mood (SCORING.md §4): Σ 2^(−k/2)·s_k / Σ 2^(−k/2), k = 0 for the newest comment, so the
 * requester's latest words count most and a comment two back counts half. `scores` run oldest
 * first; no scores → null (missing, never neutral).
 */
export function ticketMood(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    const k = scores.length - 1 - i;
    const w = 2 ** (-k / 2);
    weighted += w * (scores[i] ?? 0);
    total += w;
  }
  return weighted / total;
}

/** SCORING.md §4: s ≤ −0.05 is negative; the sentiment outcome is good above it. */
export const NEGATIVE_MOOD = -0.05;
