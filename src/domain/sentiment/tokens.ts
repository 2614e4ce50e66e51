/** A word (or emoticon / emoji) of one sentence, lower-cased, with contractions expanded. */
export interface Token {
  readonly word: string;
  /** Written in capitals while the text around it is not: shouting adds emphasis. */
  readonly shouted: boolean;
  /** Written with a letter drawn out ("sooo good", "loooove"): emphasis, as shouting is. */
  readonly stretched: boolean;
  /** A comma, semicolon, colon or dash follows: negation and intensifier scope stop here. */
  readonly clauseEnd: boolean;
}

export interface Sentence {
  /** The sentence as written, for explanations shown to the agent. */
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Tokens joined by single spaces; the phrase patterns match against this. */
  readonly normalized: string;
}

// "n't" forms are split into verb + "not", so one negation rule covers "doesn't", "does not", "doesnt".
// Maps, not object literals: a word such as "constructor" must not hit Object.prototype.
const CONTRACTED_NEGATIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    cant: ['can', 'not'],
    cannot: ['can', 'not'],
    wont: ['will', 'not'],
    dont: ['do', 'not'],
    doesnt: ['does', 'not'],
    didnt: ['did', 'not'],
    isnt: ['is', 'not'],
    arent: ['are', 'not'],
    wasnt: ['was', 'not'],
    werent: ['were', 'not'],
    havent: ['have', 'not'],
    hasnt: ['has', 'not'],
    hadnt: ['had', 'not'],
    couldnt: ['could', 'not'],
    wouldnt: ['would', 'not'],
    shouldnt: ['should', 'not'],
    aint: ['is', 'not'],
    mustnt: ['must', 'not'],
    neednt: ['need', 'not'],
  }),
);

const IRREGULAR_NT: ReadonlyMap<string, string> = new Map([
  ['wo', 'will'],
  ['ca', 'can'],
  ['ai', 'is'],
  ['sha', 'shall'],
]);

const PRONOUN_IS = new Set([
  'it',
  'that',
  'what',
  'there',
  'here',
  'he',
  'she',
  'who',
  'where',
  'everything',
  'nothing',
  'this',
  'something',
]);

const SUFFIXES: ReadonlyMap<string, string> = new Map([
  ['re', 'are'],
  ['m', 'am'],
  ['ve', 'have'],
  ['ll', 'will'],
  ['d', 'would'],
]);

const WORD = /[a-z0-9]+(?:'[a-z]+)*|\p{Extended_Pictographic}/gu;
const WHITESPACE = /\s+/;
const CLAUSE_END = /[,;:–—]$|\s-$/;
const ODD_APOSTROPHES = /[’‘`´]/g;
const NOT_LETTER = /[^\p{L}]/gu;
// An emoticon is a chunk of punctuation (maybe with a letter like D, P, o) found in the lexicon as is.
const EMOTICON_LIKE = /^[^a-z0-9\s]|[^a-z0-9\s'.,!?]$/;

function pushWord(out: Token[], raw: string, shouted: boolean, stretched: boolean, clauseEnd: boolean): void {
  const apostrophe = raw.indexOf("'");
  if (apostrophe < 0) {
    const split = CONTRACTED_NEGATIONS.get(raw);
    if (split) for (const w of split) out.push({ word: w, shouted, stretched, clauseEnd: false });
    else out.push({ word: raw, shouted, stretched, clauseEnd });
    if (split && clauseEnd) markClauseEnd(out);
    return;
  }
  const stem = raw.slice(0, apostrophe);
  const suffix = raw.slice(apostrophe + 1);
  if (suffix === 't' && stem.endsWith('n')) {
    const verb = stem.slice(0, -1);
    out.push({ word: IRREGULAR_NT.get(verb) ?? verb, shouted, stretched, clauseEnd: false });
    out.push({ word: 'not', shouted, stretched: false, clauseEnd: false });
  } else if (suffix === 's') {
    out.push({ word: stem, shouted, stretched, clauseEnd: false });
    if (PRONOUN_IS.has(stem)) out.push({ word: 'is', shouted: false, stretched: false, clauseEnd: false });
  } else {
    out.push({ word: stem, shouted, stretched, clauseEnd: false });
    const expanded = SUFFIXES.get(suffix);
    if (expanded) out.push({ word: expanded, shouted: false, stretched: false, clauseEnd: false });
  }
  if (clauseEnd) markClauseEnd(out);
}

function markClauseEnd(out: Token[]): void {
  const last = out.pop();
  if (last) out.push({ ...last, clauseEnd: true });
}

const LETTER = /\p{L}/u;

/**
 * True when three or more of one letter run together ("sooo"): one pass, and the letter test runs
 * once per run of three, never over the whole word again (a run of 20,000 digits stays linear).
 */
function hasLongRun(word: string): boolean {
  let run = 1;
  for (let i = 1; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    run = c === word.charCodeAt(i - 1) ? run + 1 : 1;
    if (run !== 3) continue;
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return true;
    if (c >= 128 && LETTER.test(word.charAt(i))) return true;
  }
  return false;
}
const LAUGHTER = /^(?:a?(?:ha){2,}h?|(?:he){2,}h?|lo+l|lo(?:l)+)$/;

/**
 * "sooo", "loooove", "hahaha": chat spellings mapped to the word the lexicon knows. Returns the word
 * unchanged when there is nothing to map.
 */
function canonicalWord(word: string, lexicon: ReadonlyMap<string, number>): string {
  if (word.length < 4 || lexicon.has(word)) return word;
  const first = word.charCodeAt(0);
  // a, h, l: the only letters laughter starts with.
  if ((first === 97 || first === 104 || first === 108) && LAUGHTER.test(word)) return first === 108 ? 'lol' : 'haha';
  if (!hasLongRun(word)) return word;
  const double = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  if (lexicon.has(double)) return double;
  const single = word.replace(/(\p{L})\1{2,}/gu, '$1');
  return lexicon.has(single) ? single : double;
}

/**
 * True when `text` has at least `minLetters` letters, all capitals (≥ 1 cased letter, none lower case).
 * ASCII is decided in one loop; any other character falls back to the exact \p{L} comparison.
 */
function allCapitals(text: string, minLetters: number): boolean {
  let upper = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper += 1;
    else if (c >= 128) return allCapitalsUnicode(text, minLetters);
  }
  return upper >= minLetters && upper > 0;
}

function allCapitalsUnicode(text: string, minLetters: number): boolean {
  const letters = text.replace(NOT_LETTER, '');
  return (
    letters.length >= minLetters &&
    letters.length > 0 &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

/** True when every character is [a-z0-9] (the common case: one plain word, no regex needed). */
function isSimpleWord(lower: string): boolean {
  for (let i = 0; i < lower.length; i += 1) {
    const c = lower.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return lower.length > 0;
}

/**
 * Tokenises one sentence. `lexicon` lets emoticons such as ":-(" survive as single tokens.
 * `textIsShouted` is true when the whole comment is in capitals; then capitals carry no emphasis.
 */
export function tokenizeSentence(text: string, lexicon: ReadonlyMap<string, number>, textIsShouted: boolean): Sentence {
  const tokens: Token[] = [];
  const chunks = text.split(WHITESPACE);
  for (let k = 0; k < chunks.length; k += 1) {
    const chunk = chunks[k] ?? '';
    if (chunk === '') continue;
    let lower = chunk.toLowerCase();
    const shouted = !textIsShouted && lower !== chunk && allCapitals(chunk, 2);
    if (isSimpleWord(lower)) {
      const word = canonicalWord(lower, lexicon);
      const split = CONTRACTED_NEGATIONS.get(word);
      if (split) for (const w of split) tokens.push({ word: w, shouted, stretched: false, clauseEnd: false });
      else tokens.push({ word, shouted, stretched: word !== lower && !LAUGHTER.test(lower), clauseEnd: false });
      continue;
    }
    lower = lower.replace(ODD_APOSTROPHES, "'");
    if (EMOTICON_LIKE.test(lower) && lexicon.has(lower)) {
      tokens.push({ word: lower, shouted: false, stretched: false, clauseEnd: false });
      continue;
    }
    const matched = lower.match(WORD);
    if (!matched) continue;
    const clauseEnd = CLAUSE_END.test(chunk);
    for (let i = 0; i < matched.length; i += 1) {
      const raw = matched[i] ?? '';
      const word = canonicalWord(raw, lexicon);
      pushWord(tokens, word, shouted, word !== raw && !LAUGHTER.test(raw), clauseEnd && i === matched.length - 1);
    }
  }
  let normalized = '';
  for (let i = 0; i < tokens.length; i += 1)
    normalized += i === 0 ? (tokens[i]?.word ?? '') : ` ${tokens[i]?.word ?? ''}`;
  return { text, tokens, normalized };
}

/** JavaScript's \s, as character codes. */
function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function endsSentence(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026; // . ! ? …
}

/**
 * Splits prepared comment text into sentences: at a run of whitespace that follows end punctuation
 * (. ! ? …) or holds a line break. One pass over the text (a regex split backtracks over every
 * whitespace run without a line break, quadratic on long runs of spaces).
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  let i = 0;
  while (i < text.length) {
    if (!isSpace(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const runStart = i;
    let newline = false;
    while (i < text.length && isSpace(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 10) newline = true;
      i += 1;
    }
    if (newline || (runStart > 0 && endsSentence(text.charCodeAt(runStart - 1)))) {
      out.push(text.slice(from, runStart));
      from = i;
    }
  }
  out.push(text.slice(from));
  return out.filter((s) => s.trim() !== '');
}

/** True when the comment is written entirely in capitals (then capitals are not emphasis). */
export function isShouted(text: string): boolean {
  return allCapitals(text, 1);
}
