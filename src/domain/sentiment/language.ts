/**
 * Can the English scorer read this comment? No model of our own: two word lists and, where they
 * disagree weakly, a second opinion from franc (trigram language identification). A comment counts
 * as non-English only on positive evidence — mostly non-Latin letters; more function words of
 * another common language than of English (three or more); or at least one foreign function word
 * and no more English ones, with franc agreeing it is not English — so short or jargon-heavy
 * English ("VPN down", "ok") is never thrown away. Measured on labelled sets in
 * test/domain/sentiment/language.test.ts.
 */
import { franc } from 'franc-min';

// franc asked only between English and the languages whose function words are listed below.
const FRANC_CANDIDATES = ['eng', 'deu', 'fra', 'spa', 'por', 'ita', 'nld'];

const ENGLISH_FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'to',
  'is',
  'it',
  'i',
  'you',
  'and',
  'of',
  'in',
  'for',
  'on',
  'this',
  'that',
  'not',
  'my',
  'me',
  'we',
  'be',
  'have',
  'was',
  'are',
  'with',
  'can',
  'please',
  'but',
  'or',
  'at',
  'from',
  'they',
  'our',
  'your',
  'will',
  'do',
  'does',
  'did',
  'has',
  'had',
  'been',
  'just',
  'so',
  'if',
  'there',
  'what',
  'when',
  'still',
  'any',
  'all',
  'no',
  'get',
  'got',
  'would',
  'could',
  'should',
  'thanks',
  'thank',
  'very',
  'after',
  'about',
  'again',
  'up',
  'out',
  'now',
  'here',
  "it's",
  "don't",
  "i'm",
  'him',
  'her',
  'she',
  'he',
  'them',
  'were',
  'which',
  'who',
  'how',
  'why',
  'than',
  'then',
  'too',
  'also',
  'only',
  'because',
  'by',
  'as',
]);

// Frequent function words of Spanish, French, German, Portuguese, Italian and Dutch that are not
// English words (so "a", "in", "no" and "die" are left out).
const OTHER_FUNCTION_WORDS = new Set([
  // es
  'el',
  'la',
  'los',
  'las',
  'que',
  'y',
  'es',
  'por',
  'para',
  'con',
  'una',
  'del',
  'se',
  'lo',
  'como',
  'pero',
  'muy',
  'está',
  'esta',
  'sí',
  'gracias',
  'hola',
  'mi',
  'su',
  'al',
  'ya',
  'todo',
  'porque',
  'cuando',
  'también',
  'tengo',
  'funciona',
  // fr
  'le',
  'les',
  'des',
  'et',
  'est',
  'pas',
  'je',
  'vous',
  'nous',
  'une',
  'du',
  'pour',
  'avec',
  'ce',
  'qui',
  'dans',
  'sur',
  'mais',
  'merci',
  'bonjour',
  'très',
  'toujours',
  'ne',
  'mon',
  'ma',
  'mes',
  'votre',
  'cette',
  'il',
  'elle',
  'sont',
  'ça',
  'fonctionne',
  // de
  'der',
  'das',
  'und',
  'ist',
  'nicht',
  'ich',
  'sie',
  'wir',
  'mit',
  'für',
  'auf',
  'ein',
  'eine',
  'den',
  'dem',
  'zu',
  'von',
  'es',
  'bitte',
  'danke',
  'noch',
  'immer',
  'auch',
  'aber',
  'wie',
  'habe',
  'haben',
  'kann',
  'wird',
  'funktioniert',
  'keine',
  'kein',
  'sehr',
  'schon',
  'hallo',
  // pt / it / nl
  'não',
  'obrigado',
  'obrigada',
  'você',
  'um',
  'uma',
  'isso',
  'ainda',
  'di',
  'che',
  'non',
  'per',
  'sono',
  'il',
  'gli',
  'della',
  'grazie',
  'ancora',
  'het',
  'een',
  'niet',
  'ik',
  'je',
  'wij',
  'met',
  'voor',
  'nog',
  'bedankt',
  'dank',
  'werkt',
  'maar',
  'ook',
  'van',
  'zijn',
  'wel',
]);

// Counted as the length of what is left after removing the rest: one string, not an array per match.
const NOT_LETTER = /\P{L}+/gu;
const NOT_LATIN = /\P{Script=Latin}+/gu;
const WORD = /[\p{L}']+/gu;

const NON_ASCII = /[^\t\n\r\x20-\x7e]/;
const ASCII_LETTER = /[a-z]/i;

export function looksEnglish(text: string): boolean {
  // Pure ASCII (most comments): every letter is a Latin letter, so only the word test remains.
  if (NON_ASCII.test(text)) {
    const letters = text.replace(NOT_LETTER, '').length;
    if (letters === 0) return true;
    const latin = text.replace(NOT_LATIN, '').length;
    if (latin < letters / 2) return false;
  } else if (!ASCII_LETTER.test(text)) {
    return true;
  }
  let english = 0;
  let other = 0;
  const lower = text.toLowerCase().replace(/[’‘]/g, "'");
  WORD.lastIndex = 0;
  for (let m = WORD.exec(lower); m; m = WORD.exec(lower)) {
    const w = m[0];
    if (ENGLISH_FUNCTION_WORDS.has(w)) english += 1;
    else if (OTHER_FUNCTION_WORDS.has(w)) other += 1;
  }
  // Three or more foreign function words outnumbering English ones: not English.
  if (other >= 3 && other > english) return false;
  // Weaker evidence ("Vielen Dank, jetzt klappt alles wieder!"): one or two foreign words and no
  // more English ones. A stray "merci" or "la casa" in English stays English unless franc agrees.
  if (other >= 1 && other > english) return franc(text, { only: FRANC_CANDIDATES, minLength: 3 }) === 'eng';
  return true;
}
