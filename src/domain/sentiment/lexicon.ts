import { lexicon as vaderLexicon } from 'vader-sentiment/src/vader_lexicon.js';
import afinn from 'wink-sentiment/src/afinn-en-165.js';

/**
 * One valence table on the VADER scale (about −4..+4), merged from the two libraries' word lists.
 *
 * Both lists are human-rated; where both rate a word we take the mean (AFINN's −5..+5 integers scaled
 * by 0.8 onto VADER's range), because averaging two independent raters is what made the two
 * libraries' average beat either one. We reuse the word lists, not the libraries' scoring code: the
 * npm VADER port scores about 9,000 comments/s (below our 20,000/s budget) and ignores capitalised
 * negators, so the rules in score-sentence.ts are our own.
 */
const AFINN_TO_VADER = 0.8;
// A word only AFINN rates rests on one annotator (VADER's are means of ten), so it counts half.
const AFINN_ONLY_WEIGHT = 0.5;

/**
 * Service-desk corrections to the general-purpose lists. In a ticket these words are nouns or
 * politeness, not feelings: "support" is a team, "please help" is a plea, "working on it" is status.
 * Problem words that the lists miss are added (negative), because a requester reporting "VPN is
 * down, laptop frozen" is not neutral.
 */
const SERVICE_DESK_VALENCE: Readonly<Record<string, number>> = {
  // Politeness and service nouns: neutral here.
  please: 0,
  help: 0,
  helping: 0,
  support: 0,
  service: 0,
  want: 0,
  wants: 0,
  hope: 0.5,
  hopefully: 0.5,
  hand: 0,
  no: 0,
  ok: 0.6,
  okay: 0.6,
  well: 0.3,
  sure: 0.3,
  pretty: 0.3,
  // Handled by the function-verb rule (negated → complaint, plain → mildly good).
  work: 0,
  works: 0,
  worked: 0,
  working: 0,
  urgent: 0,
  urgently: 0,
  // Problem states that the lexicons do not rate.
  outage: -1.8,
  offline: -1.0,
  unresponsive: -1.6,
  unusable: -2.2,
  crashed: -1.8,
  crashing: -1.8,
  crashes: -1.7,
  frozen: -1.2,
  freezes: -1.5,
  freezing: -1.2,
  froze: -1.5,
  glitch: -1.3,
  glitches: -1.3,
  glitchy: -1.5,
  buggy: -1.6,
  bug: -1.0,
  bugs: -1.0,
  laggy: -1.4,
  lag: -1.0,
  slow: -1.0,
  slower: -1.0,
  sluggish: -1.3,
  timeout: -1.2,
  defective: -2.0,
  faulty: -1.8,
  malfunction: -1.8,
  malfunctioning: -1.8,
  unreliable: -1.7,
  flaky: -1.4,
  intermittent: -0.8,
  broke: -1.8,
  breaks: -1.4,
  died: -1.6,
  dead: -1.6,
  junk: -2.0,
  garbage: -2.2,
  unhelpful: -1.8,
  unanswered: -1.6,
  ignored: -1.6,
  ignoring: -1.6,
  overdue: -1.3,
  delayed: -1.0,
  delay: -0.9,
  delays: -1.0,
  nobody: -0.8,
  incorrect: -1.4,
  inaccurate: -1.4,
  wrongly: -1.6,
  mess: -1.5,
  useless: -2.0,
  pointless: -1.6,
  cheap: -0.6,
  flimsy: -1.6,
  mediocre: -1.4,
  lousy: -2.0,
  unfortunately: -1.0,
  sadly: -1.2,
  // General complaint words neither list rates.
  nightmare: -2.5,
  nightmares: -2.3,
  absurd: -2.0,
  excessive: -1.6,
  shambles: -2.4,
  laughable: -1.6,
  // "Annual leave" is a holiday; "respectfully" is courtesy, not praise.
  leave: 0,
  holiday: 0,
  holidays: 0,
  // "The shared drive", "the shared mailbox": a kind of folder, not generosity.
  shared: 0,
  respectfully: 0,
  fixed: 1.2,
  resolved: 1.2,
  solved: 1.2,
  sorted: 0.8,
  thanks: 1.9,
  thank: 1.7,
  thx: 1.5,
  appreciated: 1.8,
  appreciate: 1.7,
  grateful: 2.0,
  quick: 0.8,
  quickly: 0.8,
  prompt: 1.2,
  promptly: 1.2,
  fast: 0.8,
  speedy: 1.0,
  responsive: 1.5,
  smooth: 1.0,
  smoothly: 1.2,
  seamless: 1.6,
  easy: 1.4,
  easier: 1.2,
  handy: 1.2,
};

/**
 * A few emoji common in tickets, rated by us (wink-sentiment's emoji table is CC BY-SA data, which we
 * keep out of the bundle).
 */
const EMOJI_VALENCE: ReadonlyMap<string, number> = new Map([
  ['👍', 1.5],
  ['🙏', 1.2],
  ['🙂', 1.5],
  ['😀', 2],
  ['😃', 2],
  ['😄', 2],
  ['😊', 2],
  ['😁', 2],
  ['😍', 2.5],
  ['❤', 2.5],
  ['❤️', 2.5],
  ['🎉', 2],
  ['✅', 1],
  ['💯', 1.5],
  ['🥳', 2],
  ['😂', 1],
  ['🤣', 1],
  ['👎', -1.5],
  ['🙁', -1.5],
  ['☹', -1.5],
  ['😞', -1.8],
  ['😟', -1.5],
  ['😢', -2],
  ['😭', -1.5],
  ['😠', -2.2],
  ['😡', -2.5],
  ['🤬', -2.8],
  ['😤', -1.8],
  ['😩', -1.8],
  ['😫', -1.8],
  ['🙄', -1.2],
  ['😒', -1.5],
  ['💩', -2],
]);

// Object.keys with an indexed loop, not Object.entries: on the 7,500-key VADER object (a dictionary-mode
// object) entries() allocates a pair per key and cost 10–20 ms of a cold start; keys() costs ~2 ms.
function buildValenceTable(): ReadonlyMap<string, number> {
  const table = new Map<string, number>();
  const afinnWords = Object.keys(afinn);
  for (let i = 0; i < afinnWords.length; i += 1) {
    const word = afinnWords[i] ?? '';
    table.set(word, (afinn[word] ?? 0) * AFINN_TO_VADER * AFINN_ONLY_WEIGHT);
  }
  const vaderWords = Object.keys(vaderLexicon);
  for (let i = 0; i < vaderWords.length; i += 1) {
    const word = vaderWords[i] ?? '';
    const valence = vaderLexicon[word] ?? 0;
    const fromAfinn = table.get(word);
    table.set(word, fromAfinn === undefined ? valence : (valence + fromAfinn / AFINN_ONLY_WEIGHT) / 2);
  }
  for (const [emoji, valence] of EMOJI_VALENCE) table.set(emoji, valence);
  for (const word of Object.keys(SERVICE_DESK_VALENCE)) table.set(word, SERVICE_DESK_VALENCE[word] ?? 0);
  return table;
}

let valenceTable: ReadonlyMap<string, number> | undefined;

/** Built on first use, so importing the module stays cheap on a cold Forge start. */
export function getValenceTable(): ReadonlyMap<string, number> {
  valenceTable ??= buildValenceTable();
  return valenceTable;
}
