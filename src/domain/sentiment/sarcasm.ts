import { PROBLEM_WORDS } from './report-context.js';
import type { Sentence, Token } from './tokens.js';

/**
 * Sarcasm at the start of a sentence: praise that opens a sentence whose rest complains ("Oh
 * wonderful, the VPN is down again", "Great job closing it without fixing it"). The praise is then
 * not meant; the sentence counts as a complaint. Genuine praise ("Great, the VPN connects fine
 * now") has a rest that is neutral or positive, so it is left alone.
 */

// Openers, as token sequences; "oh", "ah", "well", "just", "wow" may come before them.
const OPENERS: readonly (readonly string[])[] = [
  ...[
    'great',
    'wonderful',
    'fantastic',
    'brilliant',
    'lovely',
    'awesome',
    'perfect',
    'excellent',
    'super',
    'superb',
    'marvellous',
    'marvelous',
    'terrific',
    'amazing',
    'good',
    'nice',
    'fab',
    'splendid',
    'cool',
    'outstanding',
    'impressive',
    'wow',
    'yay',
    'hooray',
    'joy',
    'fabulous',
    'delightful',
  ].map((w) => [w]),
  ['well', 'done'],
  ['great', 'job'],
  ['good', 'job'],
  ['nice', 'one'],
  ['nice', 'work'],
  ['great', 'work'],
  ['great', 'service'],
  ['amazing', 'service'],
  ['brilliant', 'service'],
  ['excellent', 'service'],
  ['super', 'helpful'],
  ['very', 'helpful'],
  ['really', 'helpful'],
  ['so', 'helpful'],
  ['great', 'timing'],
  ['perfect', 'timing'],
  ['what', 'a', 'surprise'],
  ['glad', 'to', 'see'],
  ['good', 'to', 'see'],
  ['nice', 'to', 'see'],
  ['great', 'to', 'see'],
  ['nice', 'to', 'know'],
  ['good', 'to', 'know'],
  ['great', 'to', 'know'],
  ['love', 'how'],
  ['love', 'that'],
  ['i', 'love', 'how'],
  ['i', 'love', 'that'],
  ['how', 'lovely'],
  ['how', 'nice'],
  ['how', 'wonderful'],
];
const LEADERS: ReadonlySet<string> = new Set(['oh', 'ah', 'well', 'just', 'wow', 'yeah', 'ooh']);
// "as always", "as usual" after the opener only sharpen it.
const AFTER_OPENER: ReadonlySet<string> = new Set(['as', 'always', 'usual', 'again', 'then', 'guys', 'team']);

// In the rest of the sentence these say something went wrong even with no rated word.
const MISHAP_WORDS: ReadonlySet<string> = new Set([
  'another',
  'wrong',
  'without',
  'locked',
  'blank',
  'deleted',
  'vanished',
  'disappeared',
  'dropped',
  'down',
  'broken',
  'broke',
  'leaking',
  'nothing',
  'closing',
  'closed',
  'automated',
  'template',
  'forever',
  'nobody',
]);
// Genuine praise goes on to say what now works ("Great, the VPN connects fine now").
const GOOD_NEWS: ReadonlySet<string> = new Set([
  'works',
  'working',
  'worked',
  'fixed',
  'resolved',
  'sorted',
  'solved',
  'gone',
  'fine',
  'ready',
  'thanks',
  'thank',
  'stopped',
  'back',
]);
// "only three weeks for a mouse": a span of time held up as an achievement.
const SPANS: ReadonlySet<string> = new Set(['days', 'weeks', 'months', 'week', 'month', 'hours']);

/** "Brilliant." — one word of praise ending in a full stop (not "!", which is more often sincere). */
export function isLonePraise(sentence: Sentence): boolean {
  const { tokens, text } = sentence;
  return tokens.length === 1 && matchOpener(tokens, 0) === 1 && text.trim().endsWith('.');
}

/** True when the words say something went wrong ("deleted", "locked", "another"). */
export function mentionsMishap(words: readonly string[]): boolean {
  return words.some((w) => MISHAP_WORDS.has(w));
}

/** The sarcastic "thanks": "thanks for nothing", "thanks a lot for closing my ticket". */
const SARCASTIC_THANKS = [
  'nothing',
  'closing',
  'ignoring',
  'wasting',
  'losing',
  'deleting',
  'breaking',
  'automated',
  'template',
  'canned',
  'runaround',
  'ruining',
  'wrecking',
  'spoiling',
  'messing',
];

export interface SarcasmReading {
  /** Number of opener tokens; the rest of the sentence is what is really said. */
  readonly openerLength: number;
}

function matchOpener(tokens: readonly Token[], from: number): number {
  let best = 0;
  for (const opener of OPENERS) {
    if (opener.length <= best) continue;
    let ok = true;
    for (let k = 0; k < opener.length && ok; k += 1) ok = tokens[from + k]?.word === opener[k];
    if (ok) best = opener.length;
  }
  return best;
}

/** "thanks (a lot | a bunch | so much | very much)? for <something an agent should not do>". */
function sarcasticThanks(words: readonly string[]): boolean {
  if (words[0] !== 'thanks' && words[0] !== 'cheers' && !(words[0] === 'thank' && words[1] === 'you')) return false;
  const forAt = words.indexOf('for');
  if (forAt < 0 || forAt > 4) return false;
  for (let k = forAt + 1; k <= forAt + 3 && k < words.length; k += 1)
    if (SARCASTIC_THANKS.includes(words[k] ?? '')) return true;
  return false;
}

/**
 * Reads the start of a sentence. `restValence(from)` gives the lexical valence of the tokens from
 * index `from` on. Returns where the sarcastic opener ends, or null when the sentence is not sarcastic.
 */
export function sarcasticOpener(
  tokens: readonly Token[],
  restValence: (from: number) => number,
): SarcasmReading | null {
  const words = tokens.map((t) => t.word);
  if (sarcasticThanks(words)) return { openerLength: words.indexOf('for') + 1 };
  // "just what I needed" is sarcastic on its own.
  if (words[0] === 'just' && words[1] === 'what' && (words[3] === 'needed' || words[3] === 'wanted'))
    return { openerLength: 4 };
  let start = 0;
  while (start < 2 && LEADERS.has(words[start] ?? '') && matchOpener(tokens, start + 1) > 0) start += 1;
  const length = matchOpener(tokens, start);
  if (length === 0) return null;
  let from = start + length;
  // The opener must stand apart ("Great, …", "Oh wonderful, …"): a comma, or a sentence that goes on.
  const openerEnd = tokens[from - 1];
  if (!openerEnd?.clauseEnd && words[from] !== 'as' && start === 0 && length === 1) return null;
  while (from < words.length && AFTER_OPENER.has(words[from] ?? '')) from += 1;
  if (from >= words.length) return null;
  const rest = words.slice(from);
  if (rest.some((w) => GOOD_NEWS.has(w))) return null;
  if (restValence(from) < 0) return { openerLength: from };
  if (rest.some((w) => MISHAP_WORDS.has(w) || PROBLEM_WORDS.has(w))) return { openerLength: from };
  if (rest.some((w) => SPANS.has(w)) && (rest.includes('only') || rest.includes('for'))) return { openerLength: from };
  return null;
}
