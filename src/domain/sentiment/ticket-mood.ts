import type { CommentScore } from './scorer.js';

/**
 * Ticket mood (SCORING.md §4): Σ 2^(−k/2)·s_k / Σ 2^(−k/2), k = 0 for the newest comment, so each
 * older comment weighs 1/√2 of the next. Unscorable comments are missing, not zero: callers pass only
 * scored comments. No comment → null.
 */
export function ticketMood(scoresOldestFirst: readonly number[]): number | null {
  const n = scoresOldestFirst.length;
  if (n === 0) return null;
  let weighted = 0;
  let weights = 0;
  for (let i = 0; i < n; i += 1) {
    const k = n - 1 - i;
    const w = 2 ** (-k / 2);
    weighted += w * (scoresOldestFirst[i] ?? 0);
    weights += w;
  }
  return weighted / weights;
}

export type MoodLabel = 'negative' | 'neutral' | 'positive' | 'unknown';

/**
 * ±0.05 thresholds (SCORING.md §4). "positive" means the words lean positive; the UI must never
 * present it as "happy", because lexicons miss plain-fact complaints.
 */
export function moodLabel(mood: number | null): MoodLabel {
  if (mood === null || Number.isNaN(mood)) return 'unknown';
  if (mood <= -0.05) return 'negative';
  return mood >= 0.05 ? 'positive' : 'neutral';
}

export const NEGATIVE_TONE_LABEL = 'negative tone detected';

export interface NegativeTone {
  readonly mood: number | null;
  readonly label: MoodLabel;
  /** True when the mood is negative or the requester had to chase. */
  readonly detected: boolean;
  /** The sentences that drove it, newest comment first, for the agent to see why. */
  readonly sentences: readonly string[];
  /** Why, in words ("waiting for 3 days", "says it is not fixed"), newest comment first. */
  readonly reasons: readonly string[];
  readonly chased: boolean;
}

const MAX_SENTENCES = 3;

/** Mood, label and the explaining sentences for one ticket's requester comments, oldest first. */
export function explainNegativeTone(commentsOldestFirst: readonly CommentScore[]): NegativeTone {
  const scored = commentsOldestFirst.filter((c) => c.kind === 'scored');
  const mood = ticketMood(scored.map((c) => c.s));
  const label = moodLabel(mood);
  const chased = scored.some((c) => c.chaser);
  const detected = label === 'negative' || chased;
  const sentences: string[] = [];
  const reasons: string[] = [];
  if (detected) {
    for (const c of [...scored].reverse()) {
      for (const s of c.negativeSentences)
        if (sentences.length < MAX_SENTENCES && !sentences.includes(s)) sentences.push(s);
      for (const r of c.reasons) if (reasons.length < MAX_SENTENCES && !reasons.includes(r)) reasons.push(r);
    }
  }
  return { mood, label, detected, sentences, reasons, chased };
}
