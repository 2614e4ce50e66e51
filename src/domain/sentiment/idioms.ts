/**
 * Idioms of general English whose feeling is not the sum of their words: "a piece of cake" is easy
 * (no word of it is rated), "to die for" is praise ("die" is rated −2.9), "kiss of death" is bad
 * ("kiss" is rated +1.8). Written by us from general usage, in the spirit of VADER's idiom rule; none
 * comes from an evaluation file. An idiom replaces the valence of its words. Valences on the VADER
 * scale (−4..+4). Phrases are matched on the normalised sentence ("n't" expanded to "not").
 */
const IDIOMS: readonly (readonly [phrase: string, valence: number])[] = [
  // Praise and relief.
  ['over the moon', 3],
  ['on cloud nine', 3],
  ['to die for', 3],
  ['the bomb', 2.5],
  ['cut the mustard', 2],
  ['break a leg', 2],
  ['piece of cake', 2],
  ['like a charm', 2.5],
  ['hit the spot', 2],
  ['top notch', 2.5],
  ['second to none', 3],
  ['spot on', 2.3],
  ['blown away', 2.5],
  ['made my day', 2.8],
  ['breath of fresh air', 2.3],
  ['life saver', 2.5],
  ['out of this world', 2.5],
  ['worth every penny', 2.8],
  ['hats off', 2.2],
  ['above and beyond', 2.5],
  ['extra mile', 2.3],
  ['on the ball', 2],
  ['in good hands', 2],
  ['thumbs up', 2],
  ['no big deal', 0.5],
  // Complaint and exasperation.
  ['sick and tired', -2.8],
  ['last straw', -2.5],
  ['wits end', -2.5],
  ['wit end', -2.5],
  ['rip off', -2.5],
  ['waste of time', -2.5],
  ['waste of money', -2.8],
  ['pain in the neck', -2.2],
  ['pain in the ass', -2.5],
  ['down the drain', -2],
  ['hit or miss', -1],
  ['hit and miss', -1],
  ['fell short', -1.5],
  ['falls short', -1.5],
  ['fall short', -1.5],
  ['dropped the ball', -2],
  ['drop the ball', -2],
  ['thumbs down', -2],
  ['kiss of death', -2.5],
  ['to be desired', -2],
  ['cut corners', -1.5],
  ['cutting corners', -1.5],
  ['the runaround', -2],
  ['in circles', -1.8],
  ['on the fritz', -2],
  ['had enough', -2],
  ['yeah right', -2],
  ['hand to mouth', -2],
  ['up in the air', -0.8],
  // Running out of patience.
  ['fed up', -2.5],
  ['end of my patience', -2.5],
  ['end of my tether', -2.5],
  ['losing my patience', -2.2],
  ['lost my patience', -2.2],
  ['running out of patience', -2.2],
  ['out of patience', -2.2],
  ['losing my mind', -2.2],
  ['makes no sense', -2],
  ['make no sense', -2],
  ['is a joke', -2.2],
  ['what a joke', -2.2],
  ['beyond a joke', -2.5],
  ['thanks for nothing', -2.5],
  ['expected better', -2],
  ['expect better', -2],
  ['locked out', -1.5],
  // The requester's own apologies are courtesy, not distress.
  ['sorry for the trouble', 0],
  ['sorry for the hassle', 0],
  ['sorry for the confusion', 0],
  ['sorry for the inconvenience', 0],
  ['sorry for the delay', 0],
  ['sorry for the late reply', 0],
  ['sorry again', 0],
  ['sorry to bother you', 0],
  ['for the trouble', 0],
  ['for the hassle', 0],
  // Sincerity and courtesy formulas: no feeling of their own ("honest" alone is praise).
  ['to be honest', 0],
  ['in all honesty', 0],
  ['with respect', 0],
  ['with all due respect', 0],
  ['no offence', 0],
  ['no offense', 0],
];

const IDIOM_VALENCE: ReadonlyMap<string, number> = new Map(IDIOMS);
// One pass over the sentence for all idioms; the first words gate it cheaply.
const IDIOM_PATTERN = new RegExp(`(?:^| )(${IDIOMS.map(([p]) => p).join('|')})(?= |$)`, 'g');
export const IDIOM_FIRST_WORDS: ReadonlySet<string> = new Set(IDIOMS.map(([p]) => p.slice(0, p.indexOf(' '))));

export interface IdiomMatch {
  /** Index of the idiom's first token and the number of tokens it spans. */
  readonly start: number;
  readonly length: number;
  readonly valence: number;
}

/**
 * Idioms in a normalised sentence (tokens joined by single spaces), as token positions.
 * `mayContain` is false when no token starts an idiom; then the sentence is not scanned.
 */
export function findIdioms(normalized: string, mayContain: boolean): IdiomMatch[] {
  if (!mayContain) return [];
  const found: IdiomMatch[] = [];
  IDIOM_PATTERN.lastIndex = 0;
  // Token index of a match = spaces before it, counted on from the previous match (linear overall).
  let start = 0;
  let counted = 0;
  for (let m = IDIOM_PATTERN.exec(normalized); m; m = IDIOM_PATTERN.exec(normalized)) {
    const phrase = m[1] ?? '';
    const at = m.index + (normalized[m.index] === ' ' ? 1 : 0);
    for (; counted < at; counted += 1) if (normalized.charCodeAt(counted) === 32) start += 1;
    let length = 1;
    for (let i = 0; i < phrase.length; i += 1) if (phrase.charCodeAt(i) === 32) length += 1;
    found.push({ start, length, valence: IDIOM_VALENCE.get(phrase) ?? 0 });
    // Matches are separated by their leading space; step back so adjacent idioms are both found.
    IDIOM_PATTERN.lastIndex = m.index + m[0].length;
  }
  return found;
}
