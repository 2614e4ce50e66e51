import { sentenceIsChaser } from './chaser.js';
import { looksEnglish } from './language.js';
import { prepareComment } from './prepare-comment.js';
import { getValenceTable } from './lexicon.js';
import { namesFault, punctuationEmphasis, sentenceValence, type ReportMode } from './sentence-valence.js';
import { isHelpQuestion, isReportSentence } from './report-context.js';
import { isLonePraise, mentionsMishap, sarcasticOpener } from './sarcasm.js';
import { matchServiceDeskPatterns, type FrustrationKind, type FrustrationReason } from './service-desk-patterns.js';
import { isShouted, splitSentences, tokenizeSentence, type Sentence } from './tokens.js';

/** The sentiment of one comment: s ∈ [−1, 1], or unscorable (missing, never neutral — SCORING.md §4). */
export type CommentScore =
  | {
      readonly kind: 'scored';
      readonly s: number;
      readonly negativeSentences: string[];
      readonly chaser: boolean;
      /** Why the comment reads frustrated, in the agent's words ("waiting for 3 days"); empty otherwise. */
      readonly reasons: string[];
    }
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

// Praise that opens a complaint is sarcasm: the praise is dropped and this is added.
const SARCASM_VALENCE = -1.8;
const MAX_REASONS = 3;
// In a sentence that complains, positive words count this much.
const PRAISE_IN_COMPLAINT = 0.25;
// …for the kinds that only complain (urgency and plain words can sit beside real praise).
const PRAISE_DAMPING_KINDS: ReadonlySet<FrustrationKind> = new Set(['waiting', 'repeated', 'nobody', 'disputed']);
// In a thank-you (thanks, no complaint, no "but"), negative words speak of the solved problem.
const GRATEFUL_NEGATIVE = 0.3;

interface ScoredSentence {
  readonly text: string;
  readonly valence: number;
  readonly courtesy: number;
  readonly complaint: boolean;
  readonly chaser: boolean;
  readonly reasons: readonly FrustrationReason[];
  /** The word that pulled the sentence down most, as the agent would read it. */
  readonly wordReason: FrustrationReason | null;
  /** Opens with "but" / "however". */
  readonly contrasts: boolean;
  readonly scoredTokens: number;
  readonly words: number;
}

function clip(text: string): string {
  const t = text.trim();
  return t.length <= MAX_SENTENCE_CHARS ? t : `${t.slice(0, MAX_SENTENCE_CHARS - 1)}…`;
}

/**
 * Why a comment reads frustrated, in words, when it does: each rule's reason once, the most telling
 * first; without any rule, the word that weighed most. Empty for a comment that does not.
 */
function reasonsFor(sentences: readonly ScoredSentence[], s: number, chaser: boolean): string[] {
  if (s > NEGATIVE_THRESHOLD && !chaser) return [];
  const out: string[] = [];
  const add = (text: string): void => {
    if (out.length < MAX_REASONS && !out.includes(text)) out.push(text);
  };
  for (const x of sentences) for (const r of x.reasons) add(r.text);
  if (out.length === 0) {
    const worst = [...sentences].filter((x) => x.wordReason !== null).sort((a, b) => a.valence - b.valence)[0];
    if (worst?.wordReason) add(worst.wordReason.text);
  }
  return out;
}

// A comment that turns against what it thanked for ("thanks, but …") is not a thank-you.
const TURNING_WORDS: ReadonlySet<string> = new Set([
  'but',
  'however',
  'unfortunately',
  'sadly',
  'although',
  'though',
  'yet',
]);
const turnsAgainst = (sentence: Sentence): boolean => sentence.tokens.some((t) => TURNING_WORDS.has(t.word));
// Thanks said outright: "thanks", "thank you", "appreciate it", "(very) grateful"; not "kindly".
const THANK_WORDS: ReadonlySet<string> = new Set(['thanks', 'thank', 'thx', 'ty', 'appreciate', 'appreciated']);
const GRATEFUL_AFTER: ReadonlySet<string> = new Set([
  'am',
  'very',
  'so',
  'really',
  'truly',
  'extremely',
  'most',
  'most',
  'are',
]);
function saysThankYou(sentence: Sentence): boolean {
  const { tokens } = sentence;
  return tokens.some(
    (t, i) =>
      THANK_WORDS.has(t.word) ||
      (t.word === 'grateful' && GRATEFUL_AFTER.has(tokens[i - 1]?.word ?? '')) ||
      (t.word === 'cheers' && i === 0),
  );
}
// A thank-you may name past trouble, but not more of it than this per unit of thanks.
const MAX_NEGATIVE_PER_THANKS = 1.5;

type Lexicon = ReadonlyMap<string, number>;

/** Nothing to read: no letters, digits or emoji, and no emoticon the lexicon knows (":)"). */
function isEmpty(text: string, lexicon: Lexicon): boolean {
  if (/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(text)) return false;
  return !text.split(/\s+/).some((chunk) => lexicon.has(chunk.toLowerCase()));
}

function restValence(sentence: Sentence, from: number, mode: ReportMode, lexicon: Lexicon): number {
  const tokens = sentence.tokens.slice(from);
  const rest: Sentence = { text: sentence.text, tokens, normalized: tokens.map((t) => t.word).join(' ') };
  const v = sentenceValence(rest, lexicon, mode);
  return v.lexical + v.courtesy;
}

function scoreSentences(text: string, lexicon: Lexicon): ScoredSentence[] {
  const shouted = isShouted(text);
  const sentences = splitSentences(text).map((raw) => tokenizeSentence(raw, lexicon, shouted));
  // Diagnostic detail anywhere makes the comment a report: fault words then carry no feeling.
  const first = scoreAll(sentences, sentences.some(isReportSentence), lexicon);
  // Thanks with no complaint and no "but": the fault words name the problem that was solved
  // ("thanks, the crash hasn't come back"), so they are read as in a report.
  // The feelings it still names are past ones ("I was dreading it", "the old one was useless"),
  // unless they outweigh the thanks ("thanks bitch!").
  const thanks = first.reduce((a, x) => a + x.courtesy, 0);
  const negative = first.reduce((a, x) => a + Math.min(0, x.valence), 0);
  if (
    sentences.some(saysThankYou) &&
    -negative <= thanks * MAX_NEGATIVE_PER_THANKS &&
    !first.some((x) => x.complaint) &&
    !sentences.some(turnsAgainst)
  )
    return scoreAll(sentences, true, lexicon, GRATEFUL_NEGATIVE);
  return first;
}

function scoreAll(
  sentences: readonly Sentence[],
  report: boolean,
  lexicon: Lexicon,
  negativeScale = 1,
): ScoredSentence[] {
  const scored = sentences.map((sentence) => scoreSentence(sentence, report, lexicon, negativeScale));
  markLonePraise(sentences, scored);
  return scored;
}

function scoreSentence(sentence: Sentence, report: boolean, lexicon: Lexicon, negativeScale: number): ScoredSentence {
  const raw = sentence.text;
  const question = raw.includes('?');
  // A calm question about a fault asks for help; the frustration rules still read exasperated ones.
  const reportContext: ReportMode = report ? 'report' : isHelpQuestion(sentence) ? 'faults' : 'none';
  const sv = sentenceValence(sentence, lexicon, reportContext);
  let { courtesy } = sv;
  let lexical = sv.lexical - sv.negative * (1 - negativeScale);
  const words = sentence.tokens.map((t) => t.word);
  const reasons: FrustrationReason[] = [];
  let complaint = false;
  const sarcasm = sarcasticOpener(sentence.tokens, (from) => restValence(sentence, from, reportContext, lexicon));
  if (sarcasm !== null) {
    lexical = Math.min(0, restValence(sentence, sarcasm.openerLength, reportContext, lexicon)) + SARCASM_VALENCE;
    courtesy = 0;
    complaint = true;
    reasons.push({ kind: 'sarcasm', text: 'sarcastic praise' });
  }
  const pattern = matchServiceDeskPatterns(
    sentence.normalized,
    lexical + courtesy,
    words,
    question,
    reportContext !== 'none' && namesFault(sentence),
  );
  // Praise words inside a complaint belong to it ("should have been fixed weeks ago").
  if (sarcasm === null && pattern.reasons.some((r) => PRAISE_DAMPING_KINDS.has(r.kind)))
    lexical -= Math.max(0, sv.lexical - sv.negative) * (1 - PRAISE_IN_COMPLAINT);
  const chaser = sentenceIsChaser(sentence.normalized, words);
  reasons.push(...pattern.reasons);
  if (chaser) reasons.push({ kind: 'chaser', text: 'asked for an update' });
  const valence = lexical + pattern.valence + (chaser ? CHASER_VALENCE : 0);
  const extra = (pattern.valence !== 0 ? 1 : 0) + (chaser ? 1 : 0);
  const first = words[0];
  const contrasts = first === 'but' || first === 'however';
  const wordReason: FrustrationReason | null =
    sv.mostNegative === null
      ? null
      : {
          kind: 'words',
          text: sv.mostNegativeIsFault ? 'says something is not working' : `negative words: "${sv.mostNegative}"`,
        };
  return {
    text: raw,
    valence,
    courtesy,
    complaint: complaint || pattern.complaint || chaser,
    chaser,
    reasons,
    wordReason,
    contrasts,
    scoredTokens: sv.scoredTokens + extra,
    words: sv.words,
  };
}

/** Rewrites, in place, lone praise followed by a complaint as sarcasm. */
function markLonePraise(sentences: readonly Sentence[], scored: ScoredSentence[]): void {
  // "Brilliant. The update deleted my bookmarks.": one word of praise, full stop, then a complaint.
  for (let i = 0; i + 1 < scored.length; i += 1) {
    const praise = scored[i];
    const next = scored[i + 1];
    const sentence = sentences[i];
    if (!praise || !next || !sentence || !isLonePraise(sentence)) continue;
    const nextWords = sentences[i + 1]?.tokens.map((t) => t.word) ?? [];
    if (!next.complaint && !(next.valence <= 0 && mentionsMishap(nextWords))) continue;
    scored[i] = {
      ...praise,
      valence: SARCASM_VALENCE,
      complaint: true,
      reasons: [{ kind: 'sarcasm', text: 'sarcastic praise' }],
    };
  }
}

function scoreText(input: string, lexicon: Lexicon): CommentScore {
  const text = input.length > MAX_SCORED_CHARS ? input.slice(0, MAX_SCORED_CHARS) : input;
  if (isEmpty(text, lexicon)) return { kind: 'unscorable', reason: 'empty' };
  if (!looksEnglish(text)) return { kind: 'unscorable', reason: 'non-english' };
  const sentences = scoreSentences(text, lexicon);
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
  const chaser = sentences.some((x) => x.chaser);
  return { kind: 'scored', s, negativeSentences, chaser, reasons: reasonsFor(sentences, s, chaser) };
}

export function createSentimentScorer(): SentimentScorer {
  const lexicon = getValenceTable();
  return { score: (input) => scoreText(input, lexicon) };
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
