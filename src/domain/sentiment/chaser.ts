import { tokenizeSentence, splitSentences } from './tokens.js';

/**
 * A chaser asks for progress (SCORING.md §4): "any update?", "still waiting", "please respond".
 * Patterns match the normalised sentence (lower case, "n't" expanded to "not", no punctuation).
 * Asking for news is the signal, whatever the wording's politeness.
 */
const CHASER_PATTERNS: readonly RegExp[] = [
  /\bany (update|updates|news|progress|feedback|word|eta|response|reply|answer|luck|movement|joy)\b|\bany chance (of|that)\b/,
  /\b(can|could|would|will) (you|someone|somebody|anyone|anybody) (please )?(give|send|provide|share|let)( me| us)? (an? |the |know the )?(eta|update|status|timeline|estimate)\b/,
  /\b(still|been|keep|kept|am|are|is|we are|i am) (waiting|chasing)\b/,
  /\bplease (respond|reply|answer|advise|get back|follow up|look into this|provide an? (update|eta|status)|update (me|us)\b|update$)/,
  /\b(is there|do you have|can (i|we|you) (get|have)|could (i|we|you) (get|have|give|provide)|please give( me| us)?) an? (update|eta|status|timeline)\b/,
  /\bwhat is the (status|eta|update|progress|timeline)\b/,
  // Not the agent's follow-up being thanked for ("thanks for chasing the supplier").
  /(?<!\b(for|you|you are|you were|were|was) )\b(following up|follow up on|checking in|chasing|bumping|bump)\b|\bjust checking( on (this|progress|the status|my request|the ticket|where))?$/,
  /\bhas (anyone|anybody|someone) (looked|had a chance|seen|picked)\b/,
  /\b(has there been|is there) any (progress|movement|update)\b/,
  /\b(no|not (had|received|got|heard)( a| any)?|never (got|received|heard)( a| any)?) (response|reply|update|answer|news|feedback)\b/,
  /\bwhen (will|can|could|do|should) (this|it|i|we|you|the \w+|my \w+) (be|get|hear|expect|receive)\b/,
  /\b(hear back|heard back|get back to (me|us))\b/,
  /^(hello|hi|anyone|anybody|ping)( there| again)?$/,
];

// Every chaser pattern above contains one of these words as a whole token; a sentence without any
// of them is not tested against the patterns at all.
const CHASER_TRIGGERS: ReadonlySet<string> = new Set([
  'any',
  'waiting',
  'chasing',
  'please',
  'update',
  'eta',
  'status',
  'timeline',
  'progress',
  'following',
  'follow',
  'checking',
  'bumping',
  'bump',
  'anyone',
  'anybody',
  'someone',
  'response',
  'reply',
  'answer',
  'news',
  'feedback',
  'when',
  'hear',
  'heard',
  'get',
  'hello',
  'hi',
  'ping',
  'movement',
  'joy',
  'estimate',
  'chance',
]);

/**
 * True when one normalised sentence asks for progress. `words` (its tokens) let a sentence with no
 * trigger word skip the patterns; omitted, every pattern is tried.
 */
export function sentenceIsChaser(normalized: string, words?: readonly string[]): boolean {
  if (words !== undefined && !words.some((w) => CHASER_TRIGGERS.has(w))) return false;
  return CHASER_PATTERNS.some((p) => p.test(normalized));
}

const EMPTY_LEXICON: ReadonlyMap<string, number> = new Map();

/** True when the (prepared) comment asks for progress anywhere in it. */
export function isChaser(text: string): boolean {
  return splitSentences(text).some((s) => sentenceIsChaser(tokenizeSentence(s, EMPTY_LEXICON, false).normalized));
}
