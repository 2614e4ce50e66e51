/**
 * Phrase rules for what lexicons miss in service-desk comments: plain-fact complaints ("still down",
 * "on hold for 40 minutes", "third time I ask"), pressure ("urgent", "escalate") and the language of
 * a fixed problem ("works now", "you can close this"). They match the normalised sentence (lower
 * case, "n't" expanded to "not", punctuation removed). Valences are on the VADER scale (−4..+4).
 */

export interface PatternSignal {
  /** Valence to add to the sentence. */
  readonly valence: number;
  /** The sentence complains: politeness in the same comment ("thanks") is not read as joy. */
  readonly complaint: boolean;
}

interface PhraseRule {
  readonly pattern: RegExp;
  /**
   * Words of which every match contains at least one as a whole token; the rule is tried only when
   * the sentence has one (or, with `digits`, a token starting with a digit, e.g. "30min").
   */
  readonly triggers: readonly string[];
  readonly digits?: boolean;
  readonly valence: number;
  /** Only fires when the words around it are not already positive (e.g. "third time I order, love it"). */
  readonly unlessPositive?: boolean;
}

const DURATION =
  '((over|more than|almost|nearly|about|at least|another|a good|the) )?(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|several|many|few|couple of|couple)\\s?(\\+ )?(more )?(min|mins|minute|minutes|hour|hours|hr|hrs|day|days|week|weeks|month|months)\\b';

const COMPLAINT_RULES: readonly PhraseRule[] = [
  // Outages: "is down", "down again", "let me down".
  {
    pattern:
      /\b(is|are|was|were|went|go|goes|going|been|be|still|keeps going|completely|totally|all) down\b|\bdown (again|since)\b|\blet (me|us) down\b/,
    triggers: ['down'],
    valence: -2,
  },
  // Persisting state: "still not", "still broken", "still the same".
  {
    pattern:
      /\bstill (not|no|nothing|down|broken|pending|open|stuck|failing|crashing|having|getting|seeing|happening|occurring|the same|same|an? (issue|problem|error)|unresolved|unable|can not|does not|is not|are not|do not|did not|have not|has not|no one|nobody|waiting|an issue|a problem)\b/,
    triggers: ['still'],
    valence: -1.5,
  },
  // Waiting: "waited 30 minutes", "on hold for 40 minutes", "two hours later", "still waiting for a reply".
  {
    pattern: new RegExp(
      `\\b(wait|waited|waiting|waits|on hold|holding|queue|queued|sat|sitting|stuck)\\b.{0,40}\\b${DURATION}`,
    ),
    triggers: [
      'min',
      'mins',
      'minute',
      'minutes',
      'hour',
      'hours',
      'hr',
      'hrs',
      'day',
      'days',
      'week',
      'weeks',
      'month',
      'months',
    ],
    digits: true,
    valence: -1.5,
  },
  {
    pattern: new RegExp(`\\b${DURATION}.{0,20}\\b(later|on hold|and (still|nothing|no)|without)\\b`),
    triggers: [
      'min',
      'mins',
      'minute',
      'minutes',
      'hour',
      'hours',
      'hr',
      'hrs',
      'day',
      'days',
      'week',
      'weeks',
      'month',
      'months',
    ],
    digits: true,
    valence: -1.5,
  },
  {
    pattern:
      /\b(been|still|keep|kept|am|are|is) waiting\b|\bwaiting (for|on) (a |an |your |any |the )?(response|reply|answer|update|fix|callback|call back|someone|engineer|technician|resolution)\b/,
    triggers: ['waiting'],
    valence: -1.5,
  },
  {
    pattern: new RegExp(`\\b(took|takes|taking|take)\\b.{0,20}\\b${DURATION}`),
    triggers: [
      'min',
      'mins',
      'minute',
      'minutes',
      'hour',
      'hours',
      'hr',
      'hrs',
      'day',
      'days',
      'week',
      'weeks',
      'month',
      'months',
    ],
    digits: true,
    valence: -1.2,
    unlessPositive: true,
  },
  {
    pattern:
      /\bon hold\b|\btakes? (forever|ages)\b|\btook (forever|ages|too long)\b|\btaking (forever|ages|too long|so long)\b/,
    triggers: ['hold', 'forever', 'ages', 'long'],
    valence: -1.2,
  },
  // Nobody answers.
  {
    pattern:
      /\b(no|without( a| any)?|never (got|had|received)( a| any)?|not (had|got|received)( a| any)?)\s(response|reply|replies|answer|update|updates|feedback|news|callback|call back|follow up|acknowledgement|contact|help|support|solution|resolution)\b/,
    triggers: [
      'response',
      'reply',
      'replies',
      'answer',
      'update',
      'updates',
      'feedback',
      'news',
      'callback',
      'call',
      'follow',
      'acknowledgement',
      'contact',
      'help',
      'support',
      'solution',
      'resolution',
    ],
    valence: -2,
  },
  {
    pattern:
      /\b(nobody|no one|noone) (has |have |had |is |will )?(respond|responded|replied|answered|called|contacted|helped|cares|bothered|got back|came|showed|seems|knows|was able)\b|\bnever (heard|got) back\b/,
    triggers: ['nobody', 'one', 'noone', 'never'],
    valence: -1.8,
  },
  // Asking again and again: "third time I ask", "I have called four times".
  {
    pattern: /\b(second|third|fourth|fifth|sixth|2nd|3rd|[4-9]th|\d+th|umpteenth|nth|hundredth|millionth) time\b/,
    triggers: ['time'],
    valence: -1.2,
    unlessPositive: true,
  },
  {
    pattern:
      /\b(asked|called|emailed|contacted|chased|requested|reported|raised|tried|restarted|rebooted|reset|written|wrote|messaged|followed up|reinstalled|logged|opened)\b.{0,30}\b(\d+|two|three|four|five|six|several|multiple|many|countless|numerous|so many) times\b|\b(again and again|over and over|time after time|every single time|yet again|once again)\b/,
    triggers: ['times', 'again', 'over', 'time'],
    valence: -1.2,
    unlessPositive: true,
  },
  // Pressure: urgency and escalation.
  {
    pattern:
      /\bescalat(e|ed|es|ing|ion)\b|\b(manager|supervisor)\b.{0,20}\b(speak|talk|contact)\b|\b(speak|talk) to (a |your )?(manager|supervisor)\b/,
    triggers: ['escalate', 'escalated', 'escalates', 'escalating', 'escalation', 'manager', 'supervisor'],
    valence: -1.5,
  },
  {
    pattern:
      /\b(urgent|urgently|asap|emergency|right away|immediately|as soon as possible|top priority|critical (issue|problem|incident|system|bug))\b/,
    triggers: ['urgent', 'urgently', 'asap', 'emergency', 'away', 'immediately', 'possible', 'priority', 'critical'],
    valence: -1,
  },
  // Business impact.
  {
    pattern:
      /\b(blocking|blocker|losing (money|customers|business|time|data|sales)|lost (data|work|money|files|sales|business)|(production|prod|business) (is |are )?(down|impacted|affected|stopped)|affecting (all|our|my|the whole|everyone)|can not (do my job|work))\b/,
    triggers: ['blocking', 'blocker', 'losing', 'lost', 'production', 'prod', 'business', 'affecting', 'job', 'work'],
    valence: -1.2,
  },
  // Getting out: refund, return, cancel, never again.
  {
    pattern:
      /\b(refund|money back|(returned|return|returning|send|sent|sending) (it|this|them|the \w+) back|returned (it|this|them|the \w+)|cancel(l?ed|l?ing|s)? (my|the|our) (order|subscription|account|contract|service|plan))\b/,
    triggers: ['refund', 'back', 'returned', 'cancel', 'canceled', 'cancelled', 'cancels', 'canceling', 'cancelling'],
    valence: -1.5,
  },
  // Not coming back: "won't use this again", "will never go back", "we will not renew".
  {
    pattern:
      /\bnever( ever)? again\b|\b(will|would|am|are) (not|never)( ever)? (be )?(go|going|come|coming|return|returning|back|buy|buying|order|ordering|use|using|recommend|recommending|renew|renewing)\b|\bnever( ever)? (buy|order|use|go|come|return|recommend)\w*( back| again)?\b|\b(stay away|look elsewhere|save your money|do not (buy|bother|waste))\b/,
    triggers: [
      'never',
      'go',
      'going',
      'come',
      'coming',
      'return',
      'returning',
      'back',
      'buy',
      'buying',
      'order',
      'ordering',
      'use',
      'using',
      'recommend',
      'recommending',
      'renew',
      'renewing',
      'away',
      'elsewhere',
      'money',
      'bother',
      'waste',
    ],
    valence: -2,
  },
  // Broken expectations.
  {
    pattern: /\b(was|were|is|are) supposed to\b|\bnot as (described|advertised|expected|pictured|promised)\b/,
    triggers: ['supposed', 'described', 'advertised', 'expected', 'pictured', 'promised'],
    valence: -1,
  },
  {
    pattern: /\b(should have|should not have|could have|would have liked)\b/,
    triggers: ['should', 'could', 'would'],
    valence: -0.8,
    unlessPositive: true,
  },
];

const RESOLUTION_RULES: readonly PhraseRule[] = [
  // Eagerness, unless the patience has run out ("can't wait any longer").
  {
    pattern: /\b(can|could) not wait\b(?! (any ?longer|anymore|any more|forever|much longer|for ever))/,
    triggers: ['wait'],
    valence: 1.5,
  },
  {
    pattern:
      /(?<!\bnot )(?<!\bnever )\b(works|working|worked|functions|functioning) (now|again|fine|great|perfectly|well|properly|correctly|as expected|like a charm|flawlessly|wonderfully)\b/,
    triggers: ['works', 'working', 'worked', 'functions', 'functioning'],
    valence: 1.5,
  },
  {
    pattern:
      /\b((you|we) can close|please close|close (the|this|my) (ticket|request|case|issue)|all (good|set|sorted)|back (up|online|to normal)|up and running|no longer (an issue|a problem|needed|required|happening)|did the trick|that fixed it|problem gone|issue gone)\b/,
    triggers: ['close', 'good', 'set', 'sorted', 'back', 'running', 'longer', 'trick', 'fixed', 'gone'],
    valence: 1.5,
  },
];

// Repetition words make an existing complaint heavier ("again broken", "keeps failing").
const PERSISTENCE = /\b(still|again|keeps|kept|repeatedly|constantly|continues to|continually|every time|always)\b/;
const PERSISTENCE_TRIGGERS = [
  'still',
  'again',
  'keeps',
  'kept',
  'repeatedly',
  'constantly',
  'continues',
  'continually',
  'time',
  'always',
];

/**
 * One pass over the tokens instead of a regex pass per rule: each trigger word maps to the rules it
 * can match (a bit each), so a sentence tries only the few rules whose words it contains.
 */
const ALL_RULES: readonly PhraseRule[] = [...COMPLAINT_RULES, ...RESOLUTION_RULES];
// Bits of a 32-bit mask: one per rule, and one for the persistence test.
const PERSISTENCE_BIT = 1 << ALL_RULES.length;
if (ALL_RULES.length > 30) throw new Error('service-desk rules: too many for a 32-bit trigger mask');
const DIGIT_BITS = ALL_RULES.reduce((bits, rule, i) => (rule.digits ? bits | (1 << i) : bits), 0);
const TRIGGER_BITS: ReadonlyMap<string, number> = (() => {
  const bits = new Map<string, number>();
  ALL_RULES.forEach((rule, i) => {
    for (const w of rule.triggers) bits.set(w, (bits.get(w) ?? 0) | (1 << i));
  });
  for (const w of PERSISTENCE_TRIGGERS) bits.set(w, (bits.get(w) ?? 0) | PERSISTENCE_BIT);
  return bits;
})();

/** The rules a sentence may match: bit i for ALL_RULES[i], PERSISTENCE_BIT for the persistence test. */
export function candidateRules(words: readonly string[]): number {
  let mask = 0;
  for (const word of words) {
    mask |= TRIGGER_BITS.get(word) ?? 0;
    const c = word.charCodeAt(0);
    if (c >= 48 && c <= 57) mask |= DIGIT_BITS;
  }
  return mask;
}

const hasBit = (mask: number, index: number): boolean => (mask & (1 << index)) !== 0;

/**
 * Applies the phrase rules to one sentence whose lexical valence is `lexical`. `words` are the
 * sentence's tokens (normalized is them joined by spaces); omitted, every rule is tried.
 */
export function matchServiceDeskPatterns(
  normalized: string,
  lexical: number,
  words?: readonly string[],
): PatternSignal {
  const mask = words === undefined ? -1 : candidateRules(words);
  let valence = 0;
  let complaint = false;
  if (mask === 0) return { valence, complaint };
  for (let i = 0; i < COMPLAINT_RULES.length; i += 1) {
    const rule = COMPLAINT_RULES[i];
    if (!rule || !hasBit(mask, i) || (rule.unlessPositive && lexical > 0)) continue;
    if (rule.pattern.test(normalized)) {
      valence += rule.valence;
      complaint = true;
    }
  }
  if (!complaint && lexical < 0 && hasBit(mask, ALL_RULES.length) && PERSISTENCE.test(normalized)) {
    valence -= 0.8;
    complaint = true;
  }
  for (let i = 0; i < RESOLUTION_RULES.length; i += 1) {
    const rule = RESOLUTION_RULES[i];
    if (rule && hasBit(mask, COMPLAINT_RULES.length + i) && rule.pattern.test(normalized)) valence += rule.valence;
  }
  return { valence, complaint };
}
