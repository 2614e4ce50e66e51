import { sentenceIsChaser } from './chaser.js';
import { looksEnglish } from './language.js';
import { prepareComment } from './prepare-comment.js';
import { getValenceTable } from './lexicon.js';
import { punctuationEmphasis, sentenceValence } from './sentence-valence.js';
import { matchServiceDeskPatterns } from './service-desk-patterns.js';
import { isShouted, splitSentences, tokenizeSentence } from './tokens.js';

/** The sentiment of one comment: s ∈ [−1, 1], or unscorable (missing, never neutral — SCORING.md §4). */
export type CommentScore =
  | { readonly kind: 'scored'; readonly s: number; readonly negativeSentences: string[]; readonly chaser: boolean }
  | { readonly kind: 'unscorable'; readonly reason: 'empty' | 'non-english' };

export interface SentimentScorer {
  /** Scores a prepared comment (see prepareComment); does not strip quotes or signatures itself. */
  score(text: string): CommentScore;
}

/** SCORING.md §4: s ≤ −0.05 is negative, s ≥ 0.05 positive. */
export const NEGATIVE_THRESHOLD = -0.05;
export const POSITIVE_THRESHOLD = 0.05;

// Asking for progress is a frustration signal on its own (SCORING.md §4).
const CHASER_VALENCE = -1.2;
// "Thanks" in a comment that complains or chases is courtesy, not contentment.
const COURTESY_IN_COMPLAINT = 0.25;
// VADER's normalisation x / √(x² + α): a smooth map of a valence sum onto (−1, 1). VADER uses α = 15;
// 25 saturates less, so a comment with several strong words stays apart from one with a single one
// (a dataset-level choice on the VADER/UCI sets, recorded in docs/sentiment.md).
const ALPHA = 25;
// The mean channel is damped by √(words / MEAN_LENGTH): long texts dilute a mean less than a sum.
const MEAN_LENGTH = 5;
const MEAN_WEIGHT = 0.3;
const MEAN_SCALE = 3;
const CONTRAST_BEFORE = 0.5;
const MAX_EXPLAINING_SENTENCES = 3;
const MAX_SENTENCE_CHARS = 240;
const MAX_SCORED_CHARS = 20_000;

interface ScoredSentence {
  readonly text: string;
  readonly valence: number;
  readonly courtesy: number;
  readonly complaint: boolean;
  readonly chaser: boolean;
  /** Opens with "but" / "however". */
  readonly contrasts: boolean;
  readonly scoredTokens: number;
  readonly words: number;
}

function clip(text: string): string {
  const t = text.trim();
  return t.length <= MAX_SENTENCE_CHARS ? t : `${t.slice(0, MAX_SENTENCE_CHARS - 1)}…`;
}

export function createSentimentScorer(): SentimentScorer {
  const lexicon = getValenceTable();

  /** Nothing to read: no letters, digits or emoji, and no emoticon the lexicon knows (":)"). */
  function isEmpty(text: string): boolean {
    if (/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(text)) return false;
    return !text.split(/\s+/).some((chunk) => lexicon.has(chunk.toLowerCase()));
  }

  function scoreSentences(text: string): ScoredSentence[] {
    const shouted = isShouted(text);
    return splitSentences(text).map((raw) => {
      const sentence = tokenizeSentence(raw, lexicon, shouted);
      const { lexical, courtesy, scoredTokens, words: wordCount } = sentenceValence(sentence, lexicon);
      const words = sentence.tokens.map((t) => t.word);
      const pattern = matchServiceDeskPatterns(sentence.normalized, lexical + courtesy, words);
      const chaser = sentenceIsChaser(sentence.normalized, words);
      const valence = lexical + pattern.valence + (chaser ? CHASER_VALENCE : 0);
      const extra = (pattern.valence !== 0 ? 1 : 0) + (chaser ? 1 : 0);
      const first = sentence.tokens[0]?.word;
      const contrasts = first === 'but' || first === 'however';
      return {
        text: raw,
        valence,
        courtesy,
        complaint: pattern.complaint || chaser,
        chaser,
        contrasts,
        scoredTokens: scoredTokens + extra,
        words: wordCount,
      };
    });
  }

  return {
    score(input: string): CommentScore {
      const text = input.length > MAX_SCORED_CHARS ? input.slice(0, MAX_SCORED_CHARS) : input;
      if (isEmpty(text)) return { kind: 'unscorable', reason: 'empty' };
      if (!looksEnglish(text)) return { kind: 'unscorable', reason: 'non-english' };
      const sentences = scoreSentences(text);
      const complains = sentences.some((s) => s.complaint);
      const courtesyWeight = complains ? COURTESY_IN_COMPLAINT : 1;
      let total = 0;
      let scored = 0;
      let words = 0;
      for (const x of sentences) {
        // A sentence that opens with "But"/"However" turns against what came before: as within a
        // sentence, the earlier part counts half (its own words after the "but" already count 1.5×).
        if (x.contrasts) total *= CONTRAST_BEFORE;
        total += x.valence + courtesyWeight * x.courtesy;
        scored += x.scoredTokens;
        words += x.words;
      }
      // Emphasis ("!", "??") is counted once over the comment, as VADER does, in the direction it leans.
      if (total !== 0) total += Math.sign(total) * punctuationEmphasis(text);
      const summed = total / Math.sqrt(total * total + ALPHA);
      // wink-style channel: mean valence per scored word, damped for long texts. Blending a sum-based
      // and a mean-based reading is what made the two libraries' average beat either one.
      const mean = scored === 0 ? 0 : total / scored / Math.sqrt(Math.max(1, words / MEAN_LENGTH));
      const s = (1 - MEAN_WEIGHT) * summed + MEAN_WEIGHT * Math.tanh(mean / MEAN_SCALE);
      const negativeSentences =
        s <= NEGATIVE_THRESHOLD
          ? sentences
              .filter((x) => x.valence < 0)
              .sort((a, b) => a.valence - b.valence)
              .slice(0, MAX_EXPLAINING_SENTENCES)
              .map((x) => clip(x.text))
          : [];
      return { kind: 'scored', s, negativeSentences, chaser: sentences.some((x) => x.chaser) };
    },
  };
}

/**
 * What the app scores for a requester comment (its ADF already turned into text): the requester's
 * own words found by prepareComment — no quoted reply, signature, code or link — then scored. The
 * event handlers and `npm run eval:sentiment` both use this one function, so the evaluated path is the
 * production path.
 */
export function createCommentScorer(): (commentText: string) => CommentScore {
  const scorer = createSentimentScorer();
  return (commentText) => scorer.score(prepareComment(commentText));
}
