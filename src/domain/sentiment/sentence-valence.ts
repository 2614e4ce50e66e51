import { findIdioms, IDIOM_FIRST_WORDS } from './idioms.js';
import { PROBLEM_WORDS } from './report-context.js';
import type { Sentence, Token } from './tokens.js';

/**
 * Lexical valence of one sentence, in the manner of VADER (Hutto & Gilbert 2014) but with our own
 * word lists: negation flips and damps a word within three words before it (stopping at a clause
 * break), intensifiers and shouting add emphasis, and "but" shifts the weight to what follows it.
 */

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'none',
  'nothing',
  'nobody',
  'neither',
  'nor',
  'without',
  'rarely',
  'seldom',
  'nowhere',
  'nope',
  'hardly',
  'barely',
  'scarcely',
]);

const BOOST = 0.293;
const INTENSIFIERS: ReadonlyMap<string, number> = new Map([
  ...[
    'absolutely',
    'amazingly',
    'awfully',
    'completely',
    'considerably',
    'deeply',
    'enormously',
    'entirely',
    'especially',
    'exceptionally',
    'extremely',
    'hugely',
    'incredibly',
    'intensely',
    'majorly',
    'most',
    'more',
    'particularly',
    'purely',
    'quite',
    'really',
    'remarkably',
    'so',
    'substantially',
    'thoroughly',
    'totally',
    'tremendously',
    'unbelievably',
    'unusually',
    'utterly',
    'very',
    'super',
    'too',
    'such',
    'seriously',
    'truly',
    'highly',
    'insanely',
    'ridiculously',
    'terribly',
    'horribly',
    'massively',
    'fully',
    'freaking',
    'frigging',
    'fricking',
    'effing',
    'hella',
    'fucking',
    'fuckin',
    'freakin',
    'bloody',
    'soo',
    'sooo',
    'soooo',
    'veryy',
    // Sincerity adverbs emphasise what follows; they are not praise ("frankly, this is absurd").
    'honestly',
    'frankly',
    'genuinely',
    'literally',
  ].map((w): [string, number] => [w, BOOST]),
  ...[
    'almost',
    'kinda',
    'sorta',
    'less',
    'little',
    'marginally',
    'occasionally',
    'partly',
    'slightly',
    'somewhat',
    'fairly',
    'mostly',
    'bit',
  ].map((w): [string, number] => [w, -BOOST]),
]);

// A negator flips the sign and damps the strength. VADER measured 74 %; on our lexicon blend 60 %
// fits better ("not great" is milder than "bad") — a dataset-level constant, see docs/sentiment.md.
const NEGATION_SCALAR = -0.6;
const SHOUT_BOOST = 0.733;
// A drawn-out word ("sooo good", "loooove") is emphasis too (Brody & Diakopoulos 2011): one booster step.
const STRETCH_BOOST = BOOST;
const SCOPE = 3;
// Words that do not use up the negation scope: "never been a fan" negates "fan".
const FILLERS = new Set([
  'a',
  'an',
  'the',
  'be',
  'been',
  'being',
  'is',
  'are',
  'was',
  'were',
  'my',
  'your',
  'our',
  'their',
  'its',
  'this',
  'that',
  'any',
  'very',
  'really',
  'so',
  'too',
  'all',
]);
// "like" is a feeling only as a verb ("I like it", "you'll really like it"), not in "looks like".
const LIKE_SUBJECTS = new Set([
  'i',
  'we',
  'you',
  'they',
  'he',
  'she',
  'really',
  'do',
  'did',
  'does',
  'would',
  'will',
  'also',
  'definitely',
  'still',
  'me',
  'actually',
  'truly',
  'totally',
  'not',
  'might',
  'may',
  'to',
  'people',
  'everyone',
  'kids',
]);
const EMOTICON = /^[^a-z]|^\p{Extended_Pictographic}/u;

/**
 * Verbs that say a thing does its job. Plain they carry little feeling ("it works"); negated they are
 * the commonest plain-fact complaint ("doesn't work", "not fixed", "never arrived"), stronger than a
 * flipped lexicon word.
 */
const NEGATED_FUNCTION_VERB: ReadonlyMap<string, number> = new Map(
  [
    'work',
    'works',
    'worked',
    'working',
    'function',
    'functions',
    'functioning',
    'load',
    'loads',
    'loading',
    'open',
    'opens',
    'opening',
    'start',
    'starts',
    'starting',
    'boot',
    'boots',
    'booting',
    'connect',
    'connects',
    'connecting',
    'sync',
    'syncs',
    'syncing',
    'print',
    'prints',
    'printing',
    'install',
    'installs',
    'charge',
    'charges',
    'charging',
    'fit',
    'fits',
    'respond',
    'responds',
    'responding',
    'responded',
    'reply',
    'replied',
    'replies',
    'answer',
    'answered',
    'arrive',
    'arrived',
    'receive',
    'received',
    'heard',
    'help',
    'helped',
    'helps',
    'resolve',
    'resolved',
    'solve',
    'solved',
    'fix',
    'fixed',
    'sort',
    'sorted',
    'last',
    'lasted',
    'hold',
    'holds',
    'recognize',
    'recognise',
    'detect',
    'detects',
    'login',
    'log',
    'access',
    'deliver',
    'delivered',
    'contacted',
    'acknowledged',
  ].map((w): [string, number] => [w, -1.8]),
);

/** Words whose positive feeling is politeness; damped when the same comment complains. */
export const COURTESY = new Set([
  'thanks',
  'thank',
  'thx',
  'ty',
  'appreciate',
  'appreciated',
  'cheers',
  'grateful',
  'kindly',
]);

export interface SentenceValence {
  /** Valence from non-courtesy words, emphasis and negation. */
  readonly lexical: number;
  /** The word (or idiom) that pulled the sentence down most, for the agent to see; null if none did. */
  readonly mostNegative: string | null;
  /** That word was a verb of something not working ("doesn't connect", "not fixed"). */
  readonly mostNegativeIsFault: boolean;
  /** The negative part of `lexical` (≤ 0). */
  readonly negative: number;
  /** Valence of courtesy words, kept apart so a complaining comment can discount it. */
  readonly courtesy: number;
  /** Tokens that carried valence, and all word tokens: for the mean-valence channel. */
  readonly scoredTokens: number;
  readonly words: number;
}

/** "least" negates ("the least helpful answer") except in "at least" and "the very least". */
function isLeastNegator(tokens: readonly Token[], j: number): boolean {
  if (tokens[j]?.word !== 'least') return false;
  const before = tokens[j - 1]?.word;
  return before !== 'at' && before !== 'very';
}

// Fillers do not use up the scope, but the look-back still ends after this many tokens, so a sentence
// of 10,000 fillers costs 10,000 short look-backs rather than 10,000 scans of the whole sentence.
const MAX_LOOK_BACK = SCOPE + 8;

function negatorBefore(tokens: readonly Token[], i: number): number {
  let counted = 0;
  for (let j = i - 1; j >= 0 && j >= i - MAX_LOOK_BACK && counted < SCOPE; j -= 1) {
    const t = tokens[j];
    if (!t || t.clauseEnd || t.word === 'but') return -1;
    // A verb of function takes the negation ("didn't receive the welcome email": the email is not
    // un-welcome), so the scope ends at it.
    if (NEGATED_FUNCTION_VERB.has(t.word)) return -1;
    if (NEGATORS.has(t.word) || isLeastNegator(tokens, j)) return j;
    if (!FILLERS.has(t.word)) counted += 1;
  }
  return -1;
}

/** "kind of" / "sort of" soften what follows; "kind" alone is a feeling word ("very kind of you" aside). */
function hedgeBoost(tokens: readonly Token[], j: number): number | undefined {
  const w = tokens[j]?.word;
  if ((w === 'kind' || w === 'sort') && tokens[j + 1]?.word === 'of' && tokens[j - 1]?.word !== 'very') return -BOOST;
  return undefined;
}

/** "never so happy", "never been this good": with "so"/"this" between them "never" praises (as VADER). */
function isEmphaticNever(tokens: readonly Token[], negator: number, i: number): boolean {
  if (tokens[negator]?.word !== 'never') return false;
  for (let k = negator + 1; k < i; k += 1) {
    const w = tokens[k]?.word;
    if (w === 'so' || w === 'this') return true;
  }
  return false;
}

function baseValence(tokens: readonly Token[], i: number, lexicon: ReadonlyMap<string, number>): number {
  const token = tokens[i];
  if (!token) return 0;
  if (token.word === 'like') return LIKE_SUBJECTS.has(tokens[i - 1]?.word ?? '') ? (lexicon.get('like') ?? 0) : 0;
  // A bare "No." is a refusal. "No" before a feeling word only negates it ("no problem"); before a
  // plain noun it reports something missing ("no signal", "no access"), a mild complaint.
  if (token.word === 'no') {
    // "No, I haven't changed anything": a "no" that opens a longer sentence answers a question.
    if (i === 0 && token.clauseEnd && tokens.length > 1) return 0;
    if (token.clauseEnd || i === tokens.length - 1) return -1.2;
    const next = tokens[i + 1]?.word ?? '';
    const after = tokens[i + 2]?.word ?? '';
    const negatesFeeling =
      (lexicon.get(next) ?? 0) !== 0 ||
      (lexicon.get(after) ?? 0) !== 0 ||
      NEGATED_FUNCTION_VERB.has(next) ||
      next === 'one' ||
      next === 'longer';
    return negatesFeeling ? 0 : -1.0;
  }
  return lexicon.get(token.word) ?? 0;
}

/** "could not be happier", "can not thank you enough": a negator that praises. */
function isPraisingNegation(tokens: readonly Token[], negator: number, i: number): boolean {
  const before = tokens[negator - 1]?.word;
  if (before !== 'could' && before !== 'can') return false;
  const word = tokens[i]?.word ?? '';
  if (/er$|est$/.test(word) && tokens[i - 1]?.word === 'be') return true;
  for (let k = i - 1; k <= i + 3; k += 1) {
    const w = tokens[k]?.word;
    if (w === 'more' || w === 'enough') return true;
  }
  return false;
}

// After these a negator does not pass judgement ("not sure", "not yet", "not only").
const NEUTRAL_AFTER_NEGATOR = new Set([
  'sure',
  'yet',
  'only',
  'just',
  'even',
  'that',
  'to',
  'until',
  'till',
  'if',
  'one',
  'matter',
  'longer',
  'much',
  'many',
  'more',
  'all',
  'hesitate',
  'a',
  'the',
  'i',
  'we',
  'you',
  'be',
  'been',
  'have',
  'had',
  'at',
  'in',
  'on',
  'for',
  'of',
  'with',
  'as',
  'about',
  'mind',
  'need',
]);
// Negating a word the lexicons do not rate ("not hot", "wasn't filling") is more often a let-down
// than praise, so it counts as a mild complaint.
const NEGATED_NEUTRAL = -0.7;

// In a report, negative words rated weaker than this are description, not feeling.
const MILD = 1.6;
const MILD_IN_REPORT = 0;
// What follows "despite" is conceded, not meant: "thanks for your help despite the chaos today".
const CONCEDED = 0.25;

/**
 * How much of a fault description counts as feeling: 'none' — all of it (general text); 'faults' —
 * words that only name a fault or a failed function carry none (a calm question about a fault);
 * 'report' — a service-desk report: those, a missing thing ("no signal") and mildly negative words
 * carry none, only words that judge or feel do (report-context.ts).
 */
export type ReportMode = 'none' | 'faults' | 'report';

// Acknowledgements answer a question ("ok", "sure", "yes"): no feeling unless said with emphasis.
const ACKNOWLEDGEMENTS: ReadonlySet<string> = new Set(['ok', 'okay', 'yes', 'yeah', 'yep', 'sure', 'alright']);

/** "not" before a word with no valence of its own ("not working"): the negation itself is the complaint. */
function negatesNeutralWord(tokens: readonly Token[], negatorAt: number): boolean {
  const next = tokens[negatorAt + 1];
  return (
    next !== undefined &&
    !next.clauseEnd &&
    !NEUTRAL_AFTER_NEGATOR.has(next.word) &&
    !NEGATORS.has(next.word) &&
    tokens[negatorAt]?.word === 'not'
  );
}

/** Where a word stands: before "but" it counts half, after it one and a half; a conceded clause counts less. */
function weighted(v: number, i: number, butAt: number, concededFrom: number): number {
  let w = v;
  if (butAt >= 0) w *= i < butAt ? 0.5 : 1.5;
  if (concededFrom >= 0) w *= CONCEDED;
  return w;
}

/** What a sentence's words add up to, and which one pulled it down most. */
class Tally {
  lexical = 0;
  courtesy = 0;
  scoredTokens = 0;
  negative = 0;
  mostNegative: string | null = null;
  mostNegativeValence = 0;
  mostNegativeIsFault = false;

  add(word: string, v: number, fault: boolean): void {
    this.lexical += v;
    if (v < 0) this.negative += v;
    if (v < this.mostNegativeValence) {
      this.mostNegativeValence = v;
      this.mostNegative = word;
      this.mostNegativeIsFault = fault;
    }
  }

  result(words: number): SentenceValence {
    const { lexical, courtesy, scoredTokens, mostNegative, mostNegativeIsFault, negative } = this;
    return { lexical, courtesy, scoredTokens, words, mostNegative, mostNegativeIsFault, negative };
  }
}

/** One word's valence in place: negation, report context, shouting, stretching and intensifiers; null when it carries none. */
function tokenValence(
  tokens: readonly Token[],
  i: number,
  lexicon: ReadonlyMap<string, number>,
  faults: boolean,
  report: boolean,
  emphatic: boolean,
): { v: number; negator: number; fault: boolean } | null {
  const token = tokens[i];
  if (token === undefined) return null;
  const emoticon = EMOTICON.test(token.word);
  // A negator is not negated by another: "no, no, no" insists, it does not flip back and forth.
  const negator = emoticon || token.word === 'no' ? -1 : negatorBefore(tokens, i);
  let v = baseValence(tokens, i, lexicon);
  const fault = negator >= 0 && NEGATED_FUNCTION_VERB.has(token.word);
  if (fault) {
    v = faults ? 0 : (NEGATED_FUNCTION_VERB.get(token.word) ?? 0);
  } else {
    if (ACKNOWLEDGEMENTS.has(token.word) && !emphatic && !token.shouted) v = 0;
    if (faults && v < 0 && PROBLEM_WORDS.has(token.word)) v = 0;
    else if (report && v < 0 && token.word === 'no') v = 0;
    // Mildly negative words describe an event ("a strange smell", "unfortunately I'm out"); only
    // the words that judge or feel — rated strongly — carry frustration in a report.
    else if (report && v < 0 && v > -MILD) v *= MILD_IN_REPORT;
    // "isn't accepting contactless", "not loading": in a report, a negated -ing verb is a fault.
    if (faults && negator >= 0 && v > 0 && token.word.endsWith('ing')) v = 0;
    if (v === 0) return null;
    const sign = Math.sign(v);
    if (token.shouted) v += sign * SHOUT_BOOST;
    if (token.stretched) v += sign * STRETCH_BOOST;
    for (let d = 1; d <= SCOPE; d += 1) {
      const prev = tokens[i - d];
      if (!prev || prev.clauseEnd) break;
      const boost = INTENSIFIERS.get(prev.word) ?? hedgeBoost(tokens, i - d);
      // A nearer intensifier counts more (VADER: 100 %, 95 %, 90 %).
      if (boost !== undefined) v += sign * boost * (1 - 0.05 * (d - 1)) * (prev.shouted ? 1.5 : 1);
    }
    if (negator >= 0)
      v *= isPraisingNegation(tokens, negator, i) || isEmphaticNever(tokens, negator, i) ? 1.25 : NEGATION_SCALAR;
  }
  return { v, negator, fault };
}

/** Lexical valence of one sentence, reading fault words as `mode` says. */
export function sentenceValence(
  sentence: Sentence,
  lexicon: ReadonlyMap<string, number>,
  mode: ReportMode = 'none',
): SentenceValence {
  const faults = mode !== 'none';
  const report = mode === 'report';
  const emphatic = sentence.text.includes('!');
  const { tokens } = sentence;
  const butAt = tokens.findLastIndex((t) => t.word === 'but' || t.word === 'however');
  const tally = new Tally();
  let concededFrom = -1;
  let openNegator = -1;
  let negatorUsed = true;
  const closeNegator = (): void => {
    if (openNegator >= 0 && !negatorUsed && negatesNeutralWord(tokens, openNegator)) {
      if (!faults) {
        const v = NEGATED_NEUTRAL * (butAt >= 0 ? (openNegator < butAt ? 0.5 : 1.5) : 1);
        tally.add(`not ${tokens[openNegator + 1]?.word ?? ''}`, v, true);
      }
      tally.scoredTokens += 1;
    }
    openNegator = -1;
  };
  const idioms = findIdioms(
    sentence.normalized,
    tokens.some((t) => IDIOM_FIRST_WORDS.has(t.word)),
  );
  let nextIdiom = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const idiom = idioms[nextIdiom];
    if (idiom && idiom.start === i) {
      // The idiom's valence replaces its words'; a negator before it flips it ("not a piece of cake").
      nextIdiom += 1;
      const negator = negatorBefore(tokens, i);
      if (negator >= 0 && negator === openNegator) negatorUsed = true;
      const v = weighted(negator >= 0 ? idiom.valence * NEGATION_SCALAR : idiom.valence, i, butAt, concededFrom);
      const words = tokens.slice(i, i + idiom.length).map((t) => t.word);
      tally.add(words.join(' '), v, false);
      tally.scoredTokens += 1;
      i += idiom.length - 1;
      continue;
    }
    const token = tokens[i];
    if (token?.word === 'despite' || (token?.word === 'spite' && tokens[i - 1]?.word === 'in')) concededFrom = i;
    else if (concededFrom >= 0 && tokens[i - 1]?.clauseEnd) concededFrom = -1;
    if (token && NEGATORS.has(token.word)) {
      closeNegator();
      openNegator = i;
      negatorUsed = false;
    } else if (token && (token.clauseEnd || token.word === 'but') && openNegator >= 0 && i - openNegator > SCOPE) {
      closeNegator();
    }
    if (
      !token ||
      INTENSIFIERS.has(token.word) ||
      (NEGATORS.has(token.word) && token.word !== 'no') ||
      hedgeBoost(tokens, i) !== undefined
    )
      continue;
    const scored = tokenValence(tokens, i, lexicon, faults, report, emphatic);
    if (scored === null) continue;
    const { negator, fault } = scored;
    if (negator >= 0 && negator === openNegator) negatorUsed = true;
    const v = weighted(scored.v, i, butAt, concededFrom);
    tally.scoredTokens += 1;
    if (COURTESY.has(token.word) && v > 0) tally.courtesy += v;
    else tally.add(fault ? `not ${token.word}` : token.word, v, fault);
  }
  closeNegator();
  return tally.result(tokens.length);
}

/** Emphasis from "!" and repeated "?", added in the direction the sentence already leans. */
export function punctuationEmphasis(text: string): number {
  let exclamations = 0;
  let questions = 0;
  for (const ch of text) {
    if (ch === '!') exclamations += 1;
    else if (ch === '?') questions += 1;
  }
  const bangs = Math.min(exclamations, 4) * 0.292;
  const asks = questions > 1 ? (questions <= 3 ? questions * 0.18 : 0.96) : 0;
  return bangs + asks;
}

/**
 * True when the sentence names a fault: a word that only names one ("broken", "error") or a verb of
 * function after a negator ("doesn't print", "not fixed"). In a report such words carry no feeling,
 * but "again", "still", "keeps" next to them still say the fault persists.
 */
export function namesFault(sentence: Sentence): boolean {
  const { tokens } = sentence;
  for (let i = 0; i < tokens.length; i += 1) {
    const w = tokens[i]?.word ?? '';
    if (PROBLEM_WORDS.has(w)) return true;
    if (NEGATED_FUNCTION_VERB.has(w) && negatorBefore(tokens, i) >= 0) return true;
  }
  return false;
}
