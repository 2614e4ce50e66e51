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
  readonly valence: number;
  /** Only fires when the words around it are not already positive (e.g. "third time I order, love it"). */
  readonly unlessPositive?: boolean;
}

const DURATION =
  '((over|more than|almost|nearly|about|at least|another|a good|the) )?(\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|thirty|forty|fifty|several|many|few|couple of|couple)\\s?(\\+ )?(more )?(min|mins|minute|minutes|hour|hours|hr|hrs|day|days|week|weeks|month|months)\\b';

const COMPLAINT_RULES: readonly PhraseRule[] = [
  // Outages: "is down", "down again", "let me down".
  { pattern: /\b(is|are|was|were|went|go|goes|going|been|be|still|keeps going|completely|totally|all) down\b|\bdown (again|since)\b|\blet (me|us) down\b/, valence: -2 },
  // Persisting state: "still not", "still broken", "still the same".
  { pattern: /\bstill (not|no|nothing|down|broken|pending|open|stuck|failing|crashing|having|getting|seeing|happening|occurring|the same|same|an? (issue|problem|error)|unresolved|unable|can not|does not|is not|are not|do not|did not|have not|has not|no one|nobody|waiting|an issue|a problem)\b/, valence: -1.5 },
  // Waiting: "waited 30 minutes", "on hold for 40 minutes", "two hours later", "still waiting for a reply".
  { pattern: new RegExp(`\\b(wait|waited|waiting|waits|on hold|holding|queue|queued|sat|sitting|stuck)\\b.{0,40}\\b${DURATION}`), valence: -1.5 },
  { pattern: new RegExp(`\\b${DURATION}.{0,20}\\b(later|on hold|and (still|nothing|no)|without)\\b`), valence: -1.5 },
  { pattern: /\b(been|still|keep|kept|am|are|is) waiting\b|\bwaiting (for|on) (a |an |your |any |the )?(response|reply|answer|update|fix|callback|call back|someone|engineer|technician|resolution)\b/, valence: -1.5 },
  { pattern: new RegExp(`\\b(took|takes|taking|take)\\b.{0,20}\\b${DURATION}`), valence: -1.2, unlessPositive: true },
  { pattern: /\bon hold\b|\btakes? (forever|ages)\b|\btook (forever|ages|too long)\b|\btaking (forever|ages|too long|so long)\b/, valence: -1.2 },
  // Nobody answers.
  { pattern: /\b(no|without( a| any)?|never (got|had|received)( a| any)?|not (had|got|received)( a| any)?)\s(response|reply|replies|answer|update|updates|feedback|news|callback|call back|follow up|acknowledgement|contact|help|support|solution|resolution)\b/, valence: -2 },
  { pattern: /\b(nobody|no one|noone) (has |have |had |is |will )?(respond|responded|replied|answered|called|contacted|helped|cares|bothered|got back|came|showed|seems|knows|was able)\b|\bnever (heard|got) back\b/, valence: -1.8 },
  // Asking again and again: "third time I ask", "I have called four times".
  { pattern: /\b(second|third|fourth|fifth|sixth|2nd|3rd|[4-9]th|\d+th|umpteenth|nth|hundredth|millionth) time\b/, valence: -1.2, unlessPositive: true },
  { pattern: /\b(asked|called|emailed|contacted|chased|requested|reported|raised|tried|restarted|rebooted|reset|written|wrote|messaged|followed up|reinstalled|logged|opened)\b.{0,30}\b(\d+|two|three|four|five|six|several|multiple|many|countless|numerous|so many) times\b|\b(again and again|over and over|time after time|every single time|yet again|once again)\b/, valence: -1.2, unlessPositive: true },
  // Pressure: urgency and escalation.
  { pattern: /\bescalat(e|ed|es|ing|ion)\b|\b(manager|supervisor)\b.{0,20}\b(speak|talk|contact)\b|\b(speak|talk) to (a |your )?(manager|supervisor)\b/, valence: -1.5 },
  { pattern: /\b(urgent|urgently|asap|emergency|right away|immediately|as soon as possible|top priority|critical (issue|problem|incident|system|bug))\b/, valence: -1 },
  // Business impact.
  { pattern: /\b(blocking|blocker|losing (money|customers|business|time|data|sales)|lost (data|work|money|files|sales|business)|(production|prod|business) (is |are )?(down|impacted|affected|stopped)|affecting (all|our|my|the whole|everyone)|can not (do my job|work))\b/, valence: -1.2 },
  // Getting out: refund, return, cancel, never again.
  { pattern: /\b(refund|money back|(returned|return|returning|send|sent|sending) (it|this|them|the \w+) back|returned (it|this|them|the \w+)|cancel(l?ed|l?ing|s)? (my|the|our) (order|subscription|account|contract|service|plan))\b/, valence: -1.5 },
  // Not coming back: "won't use this again", "will never go back", "we will not renew".
  { pattern: /\bnever( ever)? again\b|\b(will|would|am|are) (not|never)( ever)? (be )?(go|going|come|coming|return|returning|back|buy|buying|order|ordering|use|using|recommend|recommending|renew|renewing)\b|\bnever( ever)? (buy|order|use|go|come|return|recommend)\w*( back| again)?\b|\b(stay away|look elsewhere|save your money|do not (buy|bother|waste))\b/, valence: -2 },
  // Broken expectations.
  { pattern: /\b(was|were|is|are) supposed to\b|\bnot as (described|advertised|expected|pictured|promised)\b/, valence: -1 },
  { pattern: /\b(should have|should not have|could have|would have liked)\b/, valence: -0.8, unlessPositive: true },
];

const RESOLUTION_RULES: readonly PhraseRule[] = [
  // Eagerness, unless the patience has run out ("can't wait any longer").
  { pattern: /\b(can|could) not wait\b(?! (any ?longer|anymore|any more|forever|much longer|for ever))/, valence: 1.5 },
  { pattern: /(?<!\bnot )(?<!\bnever )\b(works|working|worked|functions|functioning) (now|again|fine|great|perfectly|well|properly|correctly|as expected|like a charm|flawlessly|wonderfully)\b/, valence: 1.5 },
  { pattern: /\b((you|we) can close|please close|close (the|this|my) (ticket|request|case|issue)|all (good|set|sorted)|back (up|online|to normal)|up and running|no longer (an issue|a problem|needed|required|happening)|did the trick|that fixed it|problem gone|issue gone)\b/, valence: 1.5 },
];

// Repetition words make an existing complaint heavier ("again broken", "keeps failing").
const PERSISTENCE = /\b(still|again|keeps|kept|repeatedly|constantly|continues to|continually|every time|always)\b/;

/**
 * Applies the phrase rules to one sentence whose lexical valence is `lexical`.
 */
export function matchServiceDeskPatterns(normalized: string, lexical: number): PatternSignal {
  let valence = 0;
  let complaint = false;
  for (const rule of COMPLAINT_RULES) {
    if (rule.unlessPositive && lexical > 0) continue;
    if (rule.pattern.test(normalized)) {
      valence += rule.valence;
      complaint = true;
    }
  }
  if (!complaint && lexical < 0 && PERSISTENCE.test(normalized)) {
    valence -= 0.8;
    complaint = true;
  }
  for (const rule of RESOLUTION_RULES) {
    if (rule.pattern.test(normalized)) valence += rule.valence;
  }
  return { valence, complaint };
}
