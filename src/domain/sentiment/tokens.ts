/** A word (or emoticon / emoji) of one sentence, lower-cased, with contractions expanded. */
export interface Token {
  readonly word: string;
  /** Written in capitals while the text around it is not: shouting adds emphasis. */
  readonly shouted: boolean;
  /** A comma, semicolon, colon or dash follows: negation and intensifier scope stop here. */
  readonly clauseEnd: boolean;
}

export interface Sentence {
  /** The sentence as written, for explanations shown to the agent. */
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Tokens joined by single spaces; the phrase patterns match against this. */
  readonly normalized: string;
  readonly exclamations: number;
  readonly questions: number;
}

// "n't" forms are split into verb + "not", so one negation rule covers "doesn't", "does not", "doesnt".
// Maps, not object literals: a word such as "constructor" must not hit Object.prototype.
const CONTRACTED_NEGATIONS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries({
  cant: ['can', 'not'], cannot: ['can', 'not'], wont: ['will', 'not'], dont: ['do', 'not'],
  doesnt: ['does', 'not'], didnt: ['did', 'not'], isnt: ['is', 'not'], arent: ['are', 'not'],
  wasnt: ['was', 'not'], werent: ['were', 'not'], havent: ['have', 'not'], hasnt: ['has', 'not'],
  hadnt: ['had', 'not'], couldnt: ['could', 'not'], wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'], aint: ['is', 'not'], mustnt: ['must', 'not'], neednt: ['need', 'not'],
}));

const IRREGULAR_NT: ReadonlyMap<string, string> = new Map([['wo', 'will'], ['ca', 'can'], ['ai', 'is'], ['sha', 'shall']]);

const PRONOUN_IS = new Set([
  'it', 'that', 'what', 'there', 'here', 'he', 'she', 'who', 'where', 'everything', 'nothing', 'this', 'something',
]);

const SUFFIXES: ReadonlyMap<string, string> = new Map([['re', 'are'], ['m', 'am'], ['ve', 'have'], ['ll', 'will'], ['d', 'would']]);

const WORD = /[a-z0-9]+(?:'[a-z]+)*|\p{Extended_Pictographic}/gu;
const SENTENCE_BREAK = /(?<=[.!?…])\s+|\s*\n+\s*/;
// An emoticon is a chunk of punctuation (maybe with a letter like D, P, o) found in the lexicon as is.
const EMOTICON_LIKE = /^[^a-z0-9\s]|[^a-z0-9\s'.,!?]$/;

function pushWord(out: Token[], raw: string, shouted: boolean, clauseEnd: boolean): void {
  const apostrophe = raw.indexOf("'");
  if (apostrophe < 0) {
    const split = CONTRACTED_NEGATIONS.get(raw);
    if (split) for (const w of split) out.push({ word: w, shouted, clauseEnd: false });
    else out.push({ word: raw, shouted, clauseEnd: false });
  } else {
    const stem = raw.slice(0, apostrophe);
    const suffix = raw.slice(apostrophe + 1);
    if (suffix === 't' && stem.endsWith('n')) {
      const verb = stem.slice(0, -1);
      out.push({ word: IRREGULAR_NT.get(verb) ?? verb, shouted, clauseEnd: false });
      out.push({ word: 'not', shouted, clauseEnd: false });
    } else if (suffix === 's') {
      out.push({ word: stem, shouted, clauseEnd: false });
      if (PRONOUN_IS.has(stem)) out.push({ word: 'is', shouted: false, clauseEnd: false });
    } else {
      out.push({ word: stem, shouted, clauseEnd: false });
      const expanded = SUFFIXES.get(suffix);
      if (expanded) out.push({ word: expanded, shouted: false, clauseEnd: false });
    }
  }
  if (clauseEnd) {
    const last = out.pop();
    if (last) out.push({ ...last, clauseEnd: true });
  }
}

const ELONGATED = /(\p{L})\1{2,}/u;
const LAUGHTER = /^(?:a?(?:ha){2,}h?|(?:he){2,}h?|lo+l|lo(?:l)+)$/;

/** "sooo", "loooove", "hahaha": chat spellings mapped to the word the lexicon knows. */
function canonicalWord(word: string, lexicon: ReadonlyMap<string, number>): string {
  if (lexicon.has(word) || word.length < 4) return word;
  if (LAUGHTER.test(word)) return word.startsWith('l') ? 'lol' : 'haha';
  if (!ELONGATED.test(word)) return word;
  const double = word.replace(/(\p{L})\1{2,}/gu, '$1$1');
  if (lexicon.has(double)) return double;
  const single = word.replace(/(\p{L})\1{2,}/gu, '$1');
  return lexicon.has(single) ? single : double;
}

/**
 * Tokenises one sentence. `lexicon` lets emoticons such as ":-(" survive as single tokens.
 * `textIsShouted` is true when the whole comment is in capitals; then capitals carry no emphasis.
 */
export function tokenizeSentence(
  text: string,
  lexicon: ReadonlyMap<string, number>,
  textIsShouted: boolean,
): Sentence {
  const tokens: Token[] = [];
  let exclamations = 0;
  let questions = 0;
  for (const chunk of text.split(/\s+/)) {
    if (chunk === '') continue;
    for (const ch of chunk) {
      if (ch === '!') exclamations += 1;
      else if (ch === '?') questions += 1;
    }
    const lower = chunk.toLowerCase().replace(/[’‘`´]/g, "'");
    if (EMOTICON_LIKE.test(lower) && lexicon.has(lower)) {
      tokens.push({ word: lower, shouted: false, clauseEnd: false });
      continue;
    }
    const matched = lower.match(WORD);
    if (!matched) continue;
    const words = matched.map((w) => canonicalWord(w, lexicon));
    const letters = chunk.replace(/[^\p{L}]/gu, '');
    const shouted = !textIsShouted && letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    const clauseEnd = /[,;:–—]$|\s-$/.test(chunk);
    words.forEach((w, i) => pushWord(tokens, w, shouted, clauseEnd && i === words.length - 1));
  }
  return {
    text,
    tokens,
    normalized: tokens.map((t) => t.word).join(' '),
    exclamations,
    questions,
  };
}

/** Splits prepared comment text into sentences (end punctuation or line breaks). */
export function splitSentences(text: string): string[] {
  return text.split(SENTENCE_BREAK).filter((s) => s.trim() !== '');
}

/** True when the comment is written entirely in capitals (then capitals are not emphasis). */
export function isShouted(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}
