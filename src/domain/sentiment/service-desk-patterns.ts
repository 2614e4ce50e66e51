/**
 * What lexicons miss in service-desk comments: frustration said in facts ("a week on and nothing",
 * "closed as done but it still jams", "the warehouse can't print labels until this works"), and the
 * language of a fixed problem ("works now", "the crash hasn't come back"). Each complaint rule belongs
 * to one kind of frustration and says, in the agent's words, why the comment reads frustrated.
 *
 * Rules match the normalised sentence (lower case, "n't" expanded to "not", punctuation removed).
 * They are written for the kinds — waiting, repeated effort, nobody acting, disputed resolution,
 * impact and urgency, exasperated questions — from general service-desk usage, never from the lines
 * of an evaluation file. Valences are on the VADER scale (−4..+4).
 */

/** The kinds of frustration a rule recognises (the labels of the service-desk evaluation set). */
export type FrustrationKind =
  'waiting' | 'repeated' | 'nobody' | 'disputed' | 'impact' | 'rhetorical' | 'sarcasm' | 'chaser' | 'words' | 'leaving';

/** One reason a comment reads frustrated, as the agent sees it ("waiting for 3 days"). */
export interface FrustrationReason {
  readonly kind: FrustrationKind;
  readonly text: string;
}

export interface PatternSignal {
  /** Valence to add to the sentence. */
  readonly valence: number;
  /** The sentence complains: politeness in the same comment ("thanks") is not read as joy. */
  readonly complaint: boolean;
  /** Why, one per matching rule (a rule's reason at most once). */
  readonly reasons: readonly FrustrationReason[];
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
  /** Only fires in a question (the sentence as written holds a "?"). */
  readonly question?: boolean;
  readonly kind: FrustrationKind;
  /** The reason shown to the agent; a function builds it from the match ("waiting for 3 days"). */
  readonly reason: string | ((m: RegExpExecArray) => string);
}

// ---------------------------------------------------------------------------------------------
// Vocabulary shared by the rules.

const NUMBER =
  '\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|many|few|couple of|couple|half a|a few';
const UNIT =
  'min|mins|minute|minutes|hour|hours|hr|hrs|day|days|week|weeks|fortnight|fortnights|month|months|year|years|working day|working days';
const UNIT_WORDS = [
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
  'fortnight',
  'fortnights',
  'year',
  'years',
];
/** "three weeks", "over a month", "another 2 days"; group `dur` is the duration itself. */
const DURATION = `(?<dur>((over|more than|almost|nearly|about|at least|another|a good|the|going on|well over) )?(${NUMBER})\\s?(\\+ )?(more |full |whole |solid |entire )?(${UNIT}))\\b`;
const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december';
/** A named point in time a requester refers back to ("last tuesday", "end of day", "christmas"). */
const WHEN_NAMED = `(${WEEKDAY}|${MONTH}|today|tonight|tomorrow|yesterday|last (week|month|sprint|time|${WEEKDAY})|this (morning|afternoon|week|month)|end of (the )?(day|week|month)|eod|eow|cob|close of business|noon|lunchtime|christmas|the weekend|the move|new year)`;
/** Any point in time, numbers too ("the 3rd", "5pm", "5 working days"). */
const WHEN = `(${WHEN_NAMED}|the \\d+\\w*|\\d+(am|pm|st|nd|rd|th)?( working)?( days| weeks| hours)?)`;
/** Words for a resolution claim ("closed as done", "marked resolved", "the fix"). */
const RESOLVED = 'closed|resolved|fixed|done|completed|complete|solved|sorted';
const COMMUNICATE =
  'answered|sent|provided|gave|given|told|explained|replied|mentioned|said|submitted|attached|described|filled|reported|raised|asked|called|emailed|phoned|rang|chased|written|wrote|messaged|uploaded|shared|forwarded|tried|restarted|rebooted|reset|reinstalled|cleared';
// Telling or asking the desk something (not troubleshooting: "I restarted it twice" is a report).
const ASKED =
  'answered|sent|provided|gave|given|told|explained|replied|mentioned|said|submitted|attached|described|filled|reported|raised|asked|called|emailed|phoned|rang|chased|written|wrote|messaged|uploaded|shared|forwarded';
const PEOPLE =
  'people|users|staff|colleagues|agents|employees|customers|clients|patients|visitors|students|guests|members|engineers|drivers|nurses|teachers|of us';
const PEOPLE_WORDS = [...PEOPLE.split('|').filter((w) => !w.includes(' ')), 'us'];
const SOMEONE = 'anyone|anybody|someone|somebody|nobody|no one';

/** A duration in a reason, in the requester's words ("3 days", "over a month"). */
function durationReason(prefix: string): (m: RegExpExecArray) => string {
  return (m) => {
    const d = m.groups?.dur;
    return d === undefined ? `${prefix} a long time` : `${prefix} ${d}`;
  };
}

// ---------------------------------------------------------------------------------------------
// Complaint rules, by kind.

const COMPLAINT_RULES: readonly PhraseRule[] = [
  // --- Waiting and elapsed time ---------------------------------------------------------------
  {
    kind: 'waiting',
    pattern: new RegExp(
      `\\b(wait|waited|waiting|waits|on hold|holding|queue|queued|sat|sitting|stuck|pending|chasing|without|no)\\b.{0,40}\\b${DURATION}`,
    ),
    triggers: UNIT_WORDS,
    digits: true,
    valence: -1.5,
    reason: durationReason('waiting for'),
  },
  {
    kind: 'waiting',
    pattern: new RegExp(
      `\\b${DURATION}( \\w+){0,4} (later|on hold|and (still|nothing|no|not|counting)|now|so far|already|in total|of waiting|without|with no|with nothing|and nothing)\\b`,
    ),
    triggers: UNIT_WORDS,
    digits: true,
    valence: -1.5,
    reason: durationReason('waiting for'),
  },
  {
    kind: 'waiting',
    // "It has been nearly a fortnight", "raised this a month ago", "been going on for 3 weeks".
    // ("it's been" reads "it is been": the normaliser expands every "'s" after a pronoun to "is").
    pattern: new RegExp(`\\b(has|have|had|is) been (going on )?(for )?${DURATION}`),
    triggers: UNIT_WORDS,
    digits: true,
    valence: -1.5,
    reason: durationReason('waiting for'),
  },
  {
    kind: 'waiting',
    pattern: new RegExp(
      `\\b(raised|reported|logged|opened|submitted|requested|asked|emailed|sent|ordered|applied|chased|called)\\b.{0,40}\\b${DURATION} ago\\b`,
    ),
    triggers: UNIT_WORDS,
    digits: true,
    valence: -1.5,
    reason: (m) => `raised ${m.groups?.dur ?? 'long'} ago`,
  },
  {
    kind: 'waiting',
    // Time running on: "into the third week of this", "this is dragging on", "the promised call back
    // never happened", "my request went in on the 2nd of May", "should have been done weeks ago".
    pattern: new RegExp(
      `\\binto (the|our|a|my) (second|third|fourth|fifth|sixth|\\d+\\w*) (day|week|month)\\b|\\b(second|third|fourth|fifth|sixth) (week|month) (of|without|with no|running|in a row)\\b|\\b(dragging|dragged|drags|drag) on\\b|\\b(promised|scheduled|booked|arranged|agreed)\\b( \\w+){0,3} (never|did not|has not|have not) (happen|happened|come|came|arrive|arrived|materialise|materialised|materialize|materialized|show|showed|turned up)\\b|\\bnever (happened|materialised|materialized|arrived|came)\\b|\\b(went in|put in|was raised|was submitted|was logged|was sent|was opened|raised it|raised this|logged this|logged it) (back )?(on|in) (the \\d+\\w*|\\d+\\w*|${WEEKDAY}|${MONTH}|early|mid|late)\\b|\\bshould have been (\\w+ )?(done|fixed|sorted|resolved|delivered|completed|ready|here|installed|set up|arranged|approved|processed|paid) (by now|weeks ago|days ago|ages ago|already|long ago|last \\w+|yesterday|on \\w+day)\\b|\\b(i|we) (have )?been (very |more than |extremely |really |incredibly )?patient\\b|\\bpatience (is|has) (running|run|worn|wearing)\\b`,
    ),
    triggers: [
      'into',
      'second',
      'third',
      'fourth',
      'fifth',
      'sixth',
      'dragging',
      'dragged',
      'drags',
      'drag',
      'promised',
      'scheduled',
      'booked',
      'arranged',
      'agreed',
      'never',
      'went',
      'put',
      'was',
      'raised',
      'logged',
      'should',
      'patient',
      'patience',
    ],
    valence: -1.5,
    reason: 'says it has dragged on too long',
  },
  {
    kind: 'waiting',
    // "The last reply I got was two weeks ago."
    pattern: new RegExp(
      `\\blast (reply|response|update|contact|message|email|call|word)\\b.{0,30}\\b${DURATION} ago\\b`,
    ),
    triggers: UNIT_WORDS,
    digits: true,
    valence: -1.5,
    reason: (m) => `last heard ${m.groups?.dur ?? 'long'} ago`,
  },
  {
    kind: 'waiting',
    // A span of time as the topic: "Going on nine days with a laptop that…", "Three weeks and counting".
    pattern: new RegExp(
      `^(going on |coming up to |nearly |almost |over |more than |well over )?${DURATION} (with|without|and still|and no|and nothing|and counting|now|later|since|so far|already)\\b`,
    ),
    triggers: UNIT_WORDS,
    digits: true,
    valence: -1.5,
    reason: durationReason('waiting for'),
  },
  {
    kind: 'waiting',
    // "Day four with no heating", "week two without a laptop", "another day gone".
    pattern: new RegExp(
      `\\b(day|week|month) (${NUMBER}) (with no|without|and still|and no)\\b|\\banother (day|week|month|morning|afternoon)( \\w+)? (gone|lost|wasted|passed|without|with no)\\b`,
    ),
    triggers: ['day', 'week', 'month', 'another'],
    valence: -1.5,
    reason: 'waiting for days',
  },
  {
    kind: 'waiting',
    pattern:
      /\b(been|still|keep|kept|am|are|is) waiting\b|\bwaiting (for|on) (a |an |your |any |the |my )?(response|reply|answer|update|fix|callback|call back|someone|engineer|technician|resolution|approval|decision|correction)\b/,
    triggers: ['waiting'],
    valence: -1.5,
    reason: 'still waiting',
  },
  {
    kind: 'waiting',
    pattern: new RegExp(`\\b(took|takes|taking|take)\\b.{0,20}\\b${DURATION}`),
    triggers: UNIT_WORDS,
    digits: true,
    valence: -1.2,
    unlessPositive: true,
    reason: durationReason('has taken'),
  },
  {
    kind: 'waiting',
    pattern:
      /\bon hold\b|\b(open|opened|pending|outstanding|unresolved|waiting|sitting|stuck|broken|down|going on|dragged on|dragging on|dragging) (for )?(ages|forever|so long|too long|far too long|a long time|weeks|months|days on end)\b|\b(took|takes|take|taking) (far |way |much |a bit |so |rather |far too |way too )?(forever|ages|too long|so long|an age|a lifetime|this long)\b/,
    triggers: ['hold', 'forever', 'ages', 'long', 'weeks', 'months', 'end'],
    valence: -1.2,
    reason: 'says it is taking too long',
  },
  {
    kind: 'waiting',
    // "broken since Monday", "sitting in the queue since last Tuesday", "nothing since I raised it".
    pattern: new RegExp(
      `\\b(been|sitting|sat|still|stuck|nothing|nobody|no one|without|not|pending|flooded|broken|down|out)\\b.{0,60}\\bsince (?<since>${WHEN}|i \\w+|we \\w+|my \\w+|then)\\b`,
    ),
    triggers: ['since'],
    valence: -1.3,
    reason: (m) => `waiting since ${m.groups?.since ?? 'then'}`,
  },
  {
    kind: 'waiting',
    // A promise or a due date the requester quotes back: "you said end of day yesterday",
    // "we were promised a fix by Friday", "it was due on the 1st", "the ETA you gave me".
    pattern: new RegExp(
      `\\b((you|he|she|they|someone|somebody|support|it) (said|told (me|us)|promised|assured (me|us)|confirmed|committed)|(i|we) (was|were) (told|promised|assured)|(was|were) (promised|due|expected|meant|scheduled)|(eta|deadline|due date|target date|timeline)( (you|that|which) (gave|quoted|promised|set|agreed))?)\\b.{0,60}\\b((by|before|for|on|until|within|in|was|is) ${WHEN}|${WHEN_NAMED}|(\\d+|${NUMBER}) (working )?(hours|days|weeks))\\b|^(that|this) was (last|on|over|more than|nearly|almost|at least|\\d+|an?|two|three|four|five|six|ten|several) (\\w+ )?(${WEEKDAY}|week|weeks|month|months|days|ago|time)\\b`,
    ),
    triggers: [
      'that',
      'this',
      'said',
      'told',
      'promised',
      'assured',
      'confirmed',
      'committed',
      'due',
      'expected',
      'meant',
      'scheduled',
      'eta',
      'deadline',
      'date',
      'timeline',
    ],
    valence: -1.5,
    reason: 'says a promised date has passed',
  },
  {
    kind: 'waiting',
    pattern:
      /\b(came and went|come and gone|has passed|have passed|(well |long )?past the (agreed|promised|due|given|target|expected) (date|time|deadline|day)|(is|was|are|now) (overdue|late)|missed (the|your|its|their) (deadline|date|eta|slot|appointment))\b|\bsla\b/,
    triggers: ['came', 'come', 'passed', 'past', 'overdue', 'late', 'missed', 'sla'],
    valence: -1.5,
    reason: 'says a promised date has passed',
  },
  {
    kind: 'waiting',
    // "…and it's now the 17th", "we are now on Tuesday", "it is now lunchtime".
    pattern: new RegExp(
      `\\b(and|but|yet) (it is|its|it s|we are|we re|today is) now (on )?(the|past|over|nearly|almost|${WEEKDAY}|${MONTH}|lunchtime|afternoon|evening|midday|noon|day|week|\\d+\\w*)\\b`,
    ),
    triggers: ['now'],
    valence: -1.3,
    reason: 'says time has passed with no progress',
  },
  {
    kind: 'waiting',
    pattern: /\b(no sign|not a sign|no trace) of (it|them|the|my|a|any)\b/,
    triggers: ['sign', 'trace'],
    valence: -1.3,
    reason: 'says nothing has arrived',
  },

  // --- Repeated effort --------------------------------------------------------------------------
  {
    kind: 'repeated',
    pattern:
      /\b(second|third|fourth|fifth|sixth|seventh|2nd|3rd|[4-9]th|\d+th|umpteenth|nth|hundredth|millionth) (time|ticket|request|email|call|message|chase|reminder)\b/,
    triggers: ['time', 'ticket', 'request', 'email', 'call', 'message', 'chase', 'reminder'],
    valence: -1.4,
    unlessPositive: true,
    reason: 'has had to ask again and again',
  },
  {
    kind: 'repeated',
    pattern: new RegExp(
      `(?<!\\b(know|sorry|apologies|admit|realise|realize) (that )?(i|we) )\\b(${ASKED}|followed up|contacted)\\b.{0,40}\\b((\\d+|two|three|four|five|six|several|multiple|many|countless|numerous|so many) (times|different people|people|agents|tickets)|twice)\\b|\\b(again and again|over and over|time after time|every single time|yet again|once again|once more|repeating myself|i repeat|re (submit|explain|enter|raise|log|apply)|resubmit|re submitted)\\b`,
    ),
    triggers: [
      'times',
      'twice',
      'people',
      'agents',
      'tickets',
      'again',
      'over',
      'time',
      'once',
      'repeating',
      'repeat',
      're',
      'resubmit',
      'resend',
    ],
    valence: -1.4,
    unlessPositive: true,
    reason: 'has had to repeat themselves',
  },
  {
    kind: 'repeated',
    // "I already answered these questions", "as I said in my first message", "like I told your colleague".
    pattern: new RegExp(
      `\\balready (${COMMUNICATE}|done (that|this|it|so))\\b|\\b(as|like) (i|we) (have )?(already )?(said|mentioned|explained|stated|wrote|told|noted|pointed out|described|answered)\\b`,
    ),
    triggers: [
      'already',
      'said',
      'mentioned',
      'explained',
      'stated',
      'wrote',
      'told',
      'noted',
      'pointed',
      'described',
      'answered',
    ],
    valence: -1.4,
    reason: 'says they already gave this',
  },
  {
    kind: 'repeated',
    pattern:
      /\b(the )?same (question|questions|thing|things|form|screenshot|screenshots|information|info|details|answer|answers|link|steps|log|logs|checklist|request) (again|as (before|last time|last week|yesterday|in)|from scratch|over again|every time)\b|\bsame (answer|question|questions|thing|steps) as\b|(?<!\b(know|sorry|apologies|admit) (that )?(i|we) )\b(asked|asking|ask) (me )?(the same|again|for the same)\b|\b(keep|keeps|kept) (being asked|getting asked|asking me|asking us|being told|getting told)\b|\bevery (new )?(agent|person|reply|call|time i)\b.{0,30}\b(asks|ask|same|again|from scratch)\b/,
    triggers: ['same', 'asked', 'asking', 'ask', 'keep', 'keeps', 'kept', 'every'],
    valence: -1.4,
    reason: 'has had to repeat themselves',
  },
  {
    kind: 'repeated',
    // Pointing back to what was already said: "see my previous comment", "as mentioned", "Again, …".
    pattern:
      /\b(check|see|read|look at|refer to|scroll up to|in|per) (my |the |our )?(previous|earlier|prior|above|original|first|last) (comment|comments|message|messages|email|emails|reply|replies|post|note|notes|description|update|request|ticket|form)\b|\b(see|check|read) (above|below)\b|\b(provided|sent|gave|given|answered|submitted|attached|explained|uploaded|supplied|forwarded) (you )?(this|that|it|the|these|those|my|all)( \w+){0,2} (last week|yesterday|earlier|before|previously|already|twice|weeks ago|days ago|on \w+day)\b|\byet another\b|\bas (mentioned|stated|explained|noted|discussed|described|requested|advised)( (before|previously|earlier|above|already|twice))?\b|^(again|once again|once more)\b/,
    triggers: [
      'previous',
      'earlier',
      'prior',
      'above',
      'original',
      'first',
      'last',
      'below',
      'again',
      'once',
      'provided',
      'sent',
      'gave',
      'given',
      'answered',
      'submitted',
      'attached',
      'explained',
      'uploaded',
      'supplied',
      'forwarded',
      'another',
      'mentioned',
      'stated',
      'noted',
      'discussed',
      'described',
      'requested',
      'advised',
    ],
    valence: -1.4,
    reason: 'says they already gave this',
  },
  {
    kind: 'repeated',
    // The desk letting them down more than once: "the engineer has cancelled twice now".
    pattern:
      /\b(cancelled|canceled|postponed|rescheduled|rebooked|pushed back|moved|delayed|missed)\b.{0,30}\b(twice|again|(\d+|two|three|four|several|multiple) times)\b/,
    triggers: ['twice', 'again', 'times'],
    valence: -1.4,
    reason: 'says it was put off again',
  },
  {
    kind: 'repeated',
    // The same thing over and over: "every week it's the same story".
    pattern:
      /\b(same (old )?story|same thing every (day|week|month|time|morning)|every (day|week|month|time|morning) (it is|its|it s|there is|we get)? ?the same)\b/,
    triggers: ['same'],
    valence: -1.4,
    reason: 'says it keeps happening',
  },
  {
    kind: 'repeated',
    // Raising the same problem again: "the same problem I reported in October", "third ticket".
    pattern:
      /\bsame (problem|issue|fault|thing|error|leak|light|printer)( that| which)? (i|we|they) (reported|raised|logged|had|mentioned|flagged)\b|\b(reported|raised|logged|flagged) (this|it)( \w+){0,3} (before|previously|already|in the past|last (week|month|year|time))\b/,
    triggers: ['same', 'reported', 'raised', 'logged', 'flagged'],
    valence: -1.4,
    reason: 'says the same problem was reported before',
  },

  // --- Nobody acting ----------------------------------------------------------------------------
  {
    kind: 'nobody',
    pattern:
      /\b(no|without( a| any)?|never (got|had|received)( a| any)?|not (had|got|received|heard)( a| any)?)\s(response|reply|replies|answer|update|updates|feedback|news|callback|call back|follow up|acknowledgement|contact|help|support|solution|resolution|word|acknowledgment)\b/,
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
      'acknowledgment',
      'contact',
      'help',
      'support',
      'solution',
      'resolution',
      'word',
    ],
    valence: -2,
    reason: 'says nobody has replied',
  },
  {
    kind: 'nobody',
    pattern:
      /(?<!\b(thought|feared|worried|assumed|believed|guessed) )\b(nobody|no one|noone)\b(?! else)(?! other)( \w+)? (is |has |have |had |was |will |seems to |seem to |ever |even |actually |yet )*(respond|responded|replied|answered|called|contacted|helped|cares|bothered|got back|come|came|showed|turned up|been|looked|read|seen|touched|picked|taken|owns|own|knows|seems|was able|acknowledged|followed|updated|checked|assigned|dealt|fixed|reads|read|listens|answers|replies|responds|checks|looks|monitors|responding|replying|answering|helping|looking|reading|picking|dealing|handling|working on|listening|checking|fixing|calling|taking)\b|\bnever (heard|got) back\b|\b(unassigned|untouched|unanswered|ignored)\b|\bwho (is|s) (actually |even |supposed to be |meant to be |now )(handling|dealing with|looking at|working on|responsible for|in charge of|on) (this|it|my|the)\b/,
    triggers: ['nobody', 'one', 'noone', 'never', 'unassigned', 'untouched', 'unanswered', 'ignored', 'who'],
    valence: -1.8,
    reason: 'says nobody is acting on it',
  },
  {
    kind: 'nobody',
    // "Is anyone actually working on this?", "is there anyone who can make a decision?".
    pattern: new RegExp(
      `\\b((is|has|does|did|will|can|could|would) (${SOMEONE}|a human|a person|a real person)|is there (actually )?(${SOMEONE}))\\b.{0,30}\\b(actually|even|ever|there|out there|listening|reading|read|working on|looking at|looked at|dealing|handling|responsible|own|owns|ownership|take ownership|pick (this|it) up)\\b|\\b(not sure|doubt|wonder if|wondering if) (${SOMEONE}|anyone) (has|is|even|actually|ever)\\b|\\b(is|are) (${SOMEONE}) (going to|gonna|ever going to) (deal|look|fix|help|respond|reply|do|handle|call|pick|sort|answer)\\b|\\b(even|actually|ever) (been )?(assigned|allocated|looked at|opened|read|seen)\\b|\\b(assigned|allocated) to (anyone|anybody|someone|a person)\\b|\\bwhoever is (on|handling|dealing|looking)\\b|\\bmake yourself known\\b|\\btake ownership\\b`,
    ),
    triggers: [
      'anyone',
      'anybody',
      'someone',
      'somebody',
      'nobody',
      'one',
      'human',
      'person',
      'whoever',
      'yourself',
      'ownership',
      'even',
      'actually',
      'ever',
      'assigned',
      'allocated',
    ],
    valence: -1.6,
    reason: 'says nobody is acting on it',
  },
  {
    kind: 'nobody',
    pattern:
      /\b(someone|somebody|anyone|anybody|a person|people) who (actually|really|even|properly) (knows|understands|can|reads|cares|listens)\b/,
    triggers: ['someone', 'somebody', 'anyone', 'anybody', 'person', 'people'],
    valence: -1.6,
    reason: 'asks for someone who can actually help',
  },
  {
    kind: 'nobody',
    pattern:
      /\b(an? )?(actual|real)? ?(human|person|human being)\b.{0,20}\b(look|read|help|answer|reply|respond|call|please|need|speak|talk|here)\b|\b(need|want|get|talk to|speak to|speak with|talk with) (a|an actual|a real) (human|person|human being)\b|\b(talking|speaking|chatting) to (a |the )?(bot|machine|robot|wall|void)\b|\bbot\b|\b(automated|auto|template|templated|canned|generic|copy paste|copy and paste|scripted) (reply|replies|response|responses|email|emails|message|messages|answer|answers)\b|\b(reply|response|answer|email) is (a |just a )?(template|canned|generic|copy)\b/,
    triggers: [
      'human',
      'person',
      'bot',
      'machine',
      'robot',
      'wall',
      'void',
      'automated',
      'auto',
      'template',
      'templated',
      'canned',
      'generic',
      'copy',
      'scripted',
    ],
    valence: -1.6,
    reason: 'says they only get automated replies',
  },
  {
    kind: 'nobody',
    pattern:
      /\b(swallowed|forgotten about|fallen through|fell through|slipped through|black hole|lost in the (queue|system|void)|into the void)\b|\b(request|ticket|email|message|form|claim|case|application|booking|order|it|this|submission)( has| have| had)? (vanished|disappeared|gone missing)\b/,
    triggers: [
      'swallowed',
      'vanished',
      'disappeared',
      'forgotten',
      'fallen',
      'fell',
      'slipped',
      'black',
      'lost',
      'void',
      'missing',
    ],
    valence: -1.6,
    reason: 'says the request has been lost',
  },
  {
    kind: 'nobody',
    pattern:
      /\b(went|gone|go|going|has gone|have gone|been) (quiet|silent|dark|awol|missing)\b|\bradio silence\b|\b(heard|had) nothing (back|since|from)\b|\b(never|not|did not|didnt) (show|showed|turn|turned) up\b|\bno show\b|\bnever showed\b/,
    triggers: ['quiet', 'silent', 'dark', 'awol', 'missing', 'silence', 'nothing', 'show', 'showed', 'turn', 'turned'],
    valence: -1.6,
    reason: 'says nobody followed up',
  },
  {
    kind: 'nobody',
    pattern:
      /\bnothing (has |have |had |is |was )?(been )?(moved|changed|happened|progressed|been done|done)\b|\b(no|zero|not any) (movement|progress|action)\b|\bno (change|changes) (since|from you|on this|yet|in \w+)\b|\b(still |remains |is )(unassigned|untouched|unanswered|not assigned|not picked up)\b|\b(bounced|bouncing|passed|passing|pushed|pushing|shunted|shunting|ping ponged|thrown|sent|sending|handed|handing) (this |it |me |my ticket |the ticket )?(around|between|back and forth|from team to team|from one team to another)\b|\bback and forth\b|\b(keeps|keep|kept) (getting |being )?(reassigned|passed|moved|bounced|transferred)\b|\b(none|neither) of (them|you|the teams) (own|owns|will|wants|take|takes|seems)\b|\bclosed (automatically|itself|without (anyone|anybody|someone|a response|a reply|being|any))\b|\b(ticket|it|this|request) closed itself\b/,
    triggers: [
      'nothing',
      'movement',
      'progress',
      'action',
      'change',
      'changes',
      'unassigned',
      'untouched',
      'unanswered',
      'assigned',
      'picked',
      'bounced',
      'bouncing',
      'passed',
      'passing',
      'pushed',
      'pushing',
      'shunted',
      'shunting',
      'ponged',
      'thrown',
      'sent',
      'sending',
      'handed',
      'handing',
      'forth',
      'reassigned',
      'moved',
      'transferred',
      'none',
      'neither',
      'closed',
      'itself',
    ],
    valence: -1.6,
    reason: 'says nobody is acting on it',
  },

  // --- Disputed resolution ----------------------------------------------------------------------
  {
    kind: 'disputed',
    // A resolution claim, then a contradiction: "closed as done but the printer still jams",
    // "the plumber said it was fixed, but it is dripping again", "says fixed, the dashboard says otherwise".
    pattern: new RegExp(
      `\\b(closed|resolved|fixed|solved|sorted|marked)\\b.{0,80}\\b(still|again|otherwise|(but|however|yet)\\b.{0,50}\\b(not|no|never|nothing|still|again|same|broken|wrong|failing|fails|failed))\\b`,
    ),
    triggers: ['closed', 'resolved', 'fixed', 'done', 'completed', 'complete', 'solved', 'sorted', 'marked'],
    valence: -1.8,
    reason: 'says it is not fixed',
  },
  {
    kind: 'disputed',
    pattern: new RegExp(
      `\\b(not|never|no|nothing|hardly) (actually |really |been |yet |properly |ever )?(was |were |has been |got |is )?(closed|resolved|fixed|solved|sorted|a fix|a solution|a resolution)\\b|\\b(calling|marking|marked|closing|closed) (this|it|the ticket|my ticket|the request) (as )?(${RESOLVED})\\b|\\byou (marked|closed|resolved|set) (this|it|the ticket|my ticket|my request)\\b`,
    ),
    triggers: [
      'closed',
      'resolved',
      'fixed',
      'solved',
      'sorted',
      'fix',
      'solution',
      'resolution',
      'calling',
      'marking',
      'marked',
      'closing',
      'set',
    ],
    valence: -1.6,
    reason: 'says it is not fixed',
  },
  {
    kind: 'disputed',
    pattern:
      /\bnot what (i|we) (asked|wanted|requested|ordered|needed|meant|reported|raised)\b|\b(does|did) not (answer|address|solve|fix|help with) (my|the|our) (question|problem|issue|request)\b|\b(problem|issue|fault|error|it|this|everything|behaviour|behavior|result|situation)( is| are| remains| stays| looks)? (exactly|still|just|pretty much|basically|completely) the same\b|\bno (change|difference) (at all|whatsoever)\b/,
    triggers: [
      'same',
      'change',
      'difference',
      'asked',
      'wanted',
      'requested',
      'ordered',
      'needed',
      'meant',
      'reported',
      'raised',
      'answer',
      'address',
      'solve',
      'fix',
      'help',
    ],
    valence: -1.6,
    reason: 'says nothing has changed',
  },
  {
    kind: 'disputed',
    pattern:
      /\b(do not|dont|please do not|stop) clos(e|ing)\b|\b(why|how) (was|is|has|did) (this|it|my ticket|the ticket|my request)( been)? (closed|resolved|marked|close)\b|\b(and|but|then|now) (the ticket|it|this|the request|my ticket|the case) (was |got |has been |is )(closed|marked)\b|\bclosed (it |this |my ticket |the ticket )?(anyway|without (fixing|a fix|resolving|solving|checking|asking|confirming|a word|telling))\b|\bre ?open(ed|ing)?\b|\breopen(ed|ing)?\b/,
    triggers: [
      'close',
      'closing',
      'closed',
      'resolved',
      'marked',
      're',
      'reopen',
      'reopened',
      'reopening',
      'open',
      'opened',
      'opening',
    ],
    valence: -1.6,
    reason: 'says it was closed before it was fixed',
  },
  {
    kind: 'disputed',
    pattern:
      /\b(the|your|this|that|his|her|their|our) (fix|patch|workaround|solution|change|update|replacement|suggestion|repair|reset|reinstall|advice|article)( (you|they|he|she|we) \w+)?( \w+)? (did not|does not|has not|have not|never|made no|makes no) (hold|work|last|help|stick|difference|fix|solve|change)\w*\b|\b(made|makes) no difference\b|\bchanged nothing\b|\b(back|went back|gone back|returned) to (failing|broken|crashing|the same|square one|normal failing)\b|\b(worked|lasted|held|fine)( for)? (once|an hour|a day|a few \w+|two \w+|briefly|only \w+|a while|a bit)\b.{0,40}\b(then|but|and)\b.{0,20}\b(broke|broken|failed|failing|stopped|crashed|back|again|same)\b|\b(replacement|new one|new \w+)\b.{0,40}\bsame (fault|problem|issue|error|defect)\b|\b(that|this|it) is not (a |the )?(fix|solution|resolution|answer)\b/,
    triggers: [
      'fix',
      'patch',
      'workaround',
      'solution',
      'change',
      'update',
      'replacement',
      'suggestion',
      'repair',
      'reset',
      'reinstall',
      'advice',
      'article',
      'difference',
      'nothing',
      'failing',
      'broken',
      'crashing',
      'same',
      'square',
      'worked',
      'lasted',
      'held',
      'fine',
      'resolution',
      'answer',
    ],
    valence: -1.8,
    reason: 'says the fix did not work',
  },

  // --- Business impact and urgency ---------------------------------------------------------------
  {
    kind: 'impact',
    pattern:
      // Not "not urgent", and not a past or attributive use ("the urgent request was handled").
      /(?<!\b(not|no|nothing|non|isnt|is not|not that|not really|not too|the|an|my|your|our|their|was|were) )\b(urgent|urgently|asap|emergency|right away|immediately|as soon as possible|top priority|critical (issue|problem|incident|system|bug))\b/,
    triggers: ['urgent', 'urgently', 'asap', 'emergency', 'away', 'immediately', 'possible', 'priority', 'critical'],
    valence: -1,
    reason: 'says it is urgent',
  },
  {
    kind: 'impact',
    pattern:
      /(?<!\b(for|you|you have|you ve|they|having) )\bescalat(e|ed|es|ing|ion)\b|\b(manager|supervisor|director|head of)\b.{0,20}\b(speak|talk|contact|escalate|involve)\b|\b(speak|talk) to (a |your )?(manager|supervisor)\b/,
    triggers: [
      'escalate',
      'escalated',
      'escalates',
      'escalating',
      'escalation',
      'manager',
      'supervisor',
      'director',
      'head',
    ],
    valence: -1.5,
    reason: 'wants to escalate',
  },
  {
    kind: 'impact',
    pattern:
      /\b(blocking|blocker|(i am|we are|i m|we re|work is|everyone is|team is|this is blocking|it is blocking) blocked|at a standstill|ground to a halt|sitting idle|idle|(production|prod|business|line \d+|work) (is |are |has )?(down|impacted|affected|stopped|halted)|affecting (all|our|my|the whole|everyone|everybody)|can not (do my job|do our jobs|work|do any work|get any work done))\b/,
    triggers: [
      'blocking',
      'blocker',
      'blocked',
      'standstill',
      'halt',
      'idle',
      'production',
      'prod',
      'business',
      'line',
      'work',
      'affecting',
      'job',
      'jobs',
    ],
    valence: -1.3,
    reason: 'says work is blocked',
  },
  {
    kind: 'impact',
    // "I have payroll to run and can't get into the system."
    pattern:
      /\b(have|got|need) (\w+ ){0,3}to (run|do|finish|submit|deliver|send|process|file|pay|prepare|present|teach|print|ship|close) (and|but) (i |we )?(still )?(can not|cannot|unable|am unable|are unable)\b/,
    triggers: ['have', 'got', 'need'],
    valence: -1.4,
    reason: 'says work is blocked',
  },
  {
    kind: 'impact',
    // "The warehouse can't print labels until this works", "can't start without a laptop".
    pattern:
      /\b(can not|unable to|not able to|no way to|will not be able to|could not)\b(?! wait)( \w+){1,5} (until|till|unless|without)\b|\b(without|until)( \w+){1,4} (i|we|they|she|he) (can not|have to|must|will not)\b/,
    triggers: ['until', 'till', 'unless', 'without'],
    valence: -1.4,
    reason: 'says work is blocked until this is fixed',
  },
  {
    kind: 'impact',
    pattern: new RegExp(
      `\\b((whole|entire|all the|all our|all of the|every|everyone in the|the full) (team|teams|department|office|floor|building|site|company|staff|shift|ward|warehouse|\\w+ team)|(\\d+|twelve|twenty|thirty|forty|fifty|hundred|hundreds of|several|many|dozens of|all|most|half (of )?(the|our)) (${PEOPLE})|(${PEOPLE}) (on|in|at|from) (the|our) \\w+)\\b.{0,60}\\b(can not|cannot|unable|locked|waiting|without|affected|impacted|stuck|idle|down|dead|out|not|no)\\b`,
    ),
    triggers: ['whole', 'entire', 'all', 'every', 'everyone', 'full', ...PEOPLE_WORDS],
    valence: -1.4,
    reason: 'says many people are affected',
  },
  {
    kind: 'impact',
    pattern:
      /\b(clients|customers|patients|users|suppliers|candidates|visitors|students|guests|the business|the board|auditors|our customers|our clients)\b( \w+){0,2} (are |is |have been |keep |will be |were )?(waiting|complaining|chasing|asking|affected|impacted|stuck|unable|calling|walk away|leave|going elsewhere|cancelling|angry)\b|\b(will|might|could|may) (walk away|pull out|go elsewhere|lose (the|a|our) \w+|miss (the|a|my|our) \w+)\b/,
    triggers: [
      'clients',
      'customers',
      'patients',
      'users',
      'suppliers',
      'candidates',
      'visitors',
      'students',
      'guests',
      'business',
      'board',
      'auditors',
      'walk',
      'pull',
      'go',
      'lose',
      'miss',
    ],
    valence: -1.4,
    reason: 'says customers are affected',
  },
  {
    kind: 'impact',
    // A deadline next to something still not working: "payroll runs tomorrow morning and the
    // timesheets still aren't importing", "the audit is on Thursday and I can't pull the reports".
    pattern: new RegExp(
      `\\b(due|deadline|runs|run|starts|start|arriving|arrive|presentation|meeting|audit|flight|flying|interview|payroll|month end|quarter end|year end|go live|launch|release|appointment|visit|demo|shift)\\b.{0,40}\\b(today|tonight|tomorrow|this afternoon|this morning|in an hour|in (\\d+|a few|two|ten|twenty|thirty) (minutes|mins|hours)|at noon|by noon|at \\d+\\w*|by \\d+\\w*|on (${WEEKDAY})|this week)\\b.{0,60}\\b(still|without|can not|will not|is not|are not|do not|does not|did not|has not|have not|nothing|none|no access|down|dead|broken)\\b|\\b(need|needs|needed) (this|it|to be \\w+|them|one|a fix)( \\w+)? (today|now|before|by|urgently|asap|this (morning|afternoon|week))\\b`,
    ),
    triggers: [
      'due',
      'deadline',
      'runs',
      'run',
      'starts',
      'start',
      'arriving',
      'arrive',
      'presentation',
      'meeting',
      'audit',
      'flight',
      'flying',
      'interview',
      'payroll',
      'end',
      'live',
      'launch',
      'release',
      'appointment',
      'visit',
      'demo',
      'shift',
      'need',
      'needs',
      'needed',
    ],
    valence: -1.4,
    reason: 'says there is a deadline',
  },
  {
    kind: 'impact',
    pattern:
      /\b(missing|missed|miss|losing|lost|wasting|wasted) (deadlines|a deadline|the deadline|orders|sales|money|customers|business|work|time|hours|days|a day|half a day|(\w+ )?(hours|days|weeks|morning|afternoon) of (work|time))\b|\b(half a day|a day|days|hours|\d+ hours|a morning|the morning|my morning|a whole day|the whole day) (lost|wasted|gone)\b|\b(lost|losing|lose) (data|work|files|sales|business|my work|our work|the work)\b/,
    triggers: ['missing', 'missed', 'miss', 'losing', 'lost', 'lose', 'wasting', 'wasted', 'gone'],
    valence: -1.4,
    reason: 'says work is being lost',
  },
  {
    kind: 'impact',
    pattern:
      /\b(and|still|is|keeps) (rising|climbing|getting worse|spreading|growing)\b|\b(have|has|had|having) to .{0,40} every (morning|day|time|week|single)\b/,
    triggers: ['rising', 'climbing', 'worse', 'spreading', 'growing', 'every'],
    valence: -1.2,
    reason: 'says it is getting worse',
  },

  // --- Exasperated (rhetorical) questions --------------------------------------------------------
  {
    kind: 'rhetorical',
    question: true,
    pattern: new RegExp(
      `^(why|how come)\\b.{0,80}\\b(keep|keeps|always|still|again|never|nobody|no one|every|would you|would anyone|did nobody|did no one|do i have to|do we have to|does it take|am i|closed|close|so (hard|long|difficult))\\b|^how (hard|difficult|complicated|long does it take to|many (more )?times|many more \\w+ (do|will|must|are|should) (we|i)|much longer (do|will|must|are|should) (we|i)|is (this|it|that|a|an) (still|taking)|can (a|it|this|one|the|something) (\\w+ )?(take|be so)|on earth)\\b|^what (exactly|is the (hold up|holdup|delay|point)|s the (hold up|holdup|delay)|is taking|am i (meant|supposed|expected)|are we (meant|supposed|expected)|else (do|can|should) (you|i|we)|is going on with|on earth)\\b|^(is it|is that|was it|is this) (really|too|so|that|actually) (hard|difficult|much|complicated|unreasonable)\\b|^(does|do|did|has|is|can) (${SOMEONE}) (actually|even|ever) \\w+|^(am i|are we) (supposed|meant|expected) to\\b|^how (much )?longer\\b|^(are you|is this|is that|you are) (seriously|really|honestly|actually) (telling|saying|suggesting|expecting|asking)\\b|^is it (too much|asking too much) to\\b|^how long (am i|are we|do i have|do we have|must i|must we|should i|will i have|will we have) (supposed |expected |meant )?to wait\\b|^what (do|does|must|should) (i|we|one) (have|need) to do\\b|^(do|should|must) (i|we) (need|have) to (escalate|complain|chase|go to|call|beg|shout|ask)\\b|^(really|seriously|honestly|are you serious|are you kidding|you are kidding|is this a joke|another \\w+( \\w+)?)$|^who (decided|thought|approved|signed off|is responsible)\\b|^what is the (hold ?up|holdup)\\b`,
    ),
    triggers: [
      'why',
      'how',
      'come',
      'what',
      'is',
      'was',
      'does',
      'do',
      'did',
      'has',
      'can',
      'am',
      'are',
      'should',
      'must',
      'really',
      'seriously',
      'honestly',
      'you',
      'another',
      'who',
    ],
    valence: -1.5,
    reason: 'asks an exasperated question',
  },

  // --- Leaving: refund, cancel, never again --------------------------------------------------------
  {
    kind: 'leaving',
    pattern:
      /\b(refund|money back|(returned|return|returning|send|sent|sending) (it|this|them|the \w+) back|returned (it|this|them|the \w+)|cancel(l?ed|l?ing|s)? (my|the|our) (order|subscription|account|contract|service|plan))\b/,
    triggers: ['refund', 'back', 'returned', 'cancel', 'canceled', 'cancelled', 'cancels', 'canceling', 'cancelling'],
    valence: -1.5,
    reason: 'wants to cancel or get a refund',
  },
  {
    kind: 'leaving',
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
    reason: 'says they will not come back',
  },

  // --- Plain complaints the lexicons miss -----------------------------------------------------
  {
    kind: 'words',
    pattern:
      /\b(is|are|was|were|went|go|goes|going|been|be|still|keeps going|completely|totally|all) down\b|\bdown (again|since)\b|\blet (me|us) down\b/,
    triggers: ['down'],
    valence: -2,
    reason: 'says it is down',
  },
  {
    kind: 'words',
    pattern:
      /\bstill ((will|would|does|do|did|is|are|was|were|has|have|had|can|could) )?(not|no|nothing|never|down|broken|pending|open|stuck|failing|crashing|having|getting|seeing|happening|occurring|the same|same|an? (issue|problem|error)|unresolved|unable|can not|does not|is not|are not|do not|did not|have not|has not|no one|nobody|waiting|an issue|a problem|missing|wrong|locked|read only|unassigned)\b/,
    triggers: ['still'],
    valence: -1.5,
    reason: 'says it is still not working',
  },
  {
    kind: 'words',
    pattern: /\b(was|were|is|are) supposed to\b|\bnot as (described|advertised|expected|pictured|promised)\b/,
    triggers: ['supposed', 'described', 'advertised', 'expected', 'pictured', 'promised'],
    valence: -1,
    reason: 'says it is not what was promised',
  },
  {
    kind: 'words',
    pattern: /\b(should have|should not have|could have|would have liked)\b/,
    triggers: ['should', 'could', 'would'],
    valence: -0.8,
    unlessPositive: true,
    reason: 'says it should have been done',
  },
];

const RESOLUTION_RULES: readonly PhraseRule[] = [
  // Eagerness, unless the patience has run out ("can't wait any longer").
  {
    kind: 'words',
    pattern: /\b(can|could) not wait\b(?! (any ?longer|anymore|any more|forever|much longer|for ever))/,
    triggers: ['wait'],
    valence: 1.5,
    reason: '',
  },
  {
    kind: 'words',
    pattern:
      /(?<!\bnot )(?<!\bnever )\b(works|working|worked|functions|functioning) (now|again|fine|great|perfectly|well|properly|correctly|as expected|like a charm|flawlessly|wonderfully)\b/,
    triggers: ['works', 'working', 'worked', 'functions', 'functioning'],
    valence: 1.5,
    reason: '',
  },
  {
    kind: 'words',
    pattern:
      /\b((you|we) can close|please close|close (the|this|my) (ticket|request|case|issue)|all (good|set|sorted)|back (up|online|to normal)|up and running|no longer (an issue|a problem|needed|required|happening)|did the trick|that fixed it|problem gone|issue gone)\b/,
    triggers: ['close', 'good', 'set', 'sorted', 'back', 'running', 'longer', 'trick', 'fixed', 'gone'],
    valence: 1.5,
    reason: '',
  },
  {
    kind: 'words',
    // A problem that went away: "the crash hasn't come back", "no more errors", "the outage didn't last
    // long", "the noise has stopped", "I no longer get the warning".
    pattern:
      /\b(error|errors|crash|crashes|crashing|freezing|freezes|problem|problems|issue|issues|bug|bugs|fault|faults|leak|leaking|dripping|noise|warning|warnings|outage|lag|delay|glitch|glitches|flicker|flickering|loading|message|messages|drops|dropped calls)\b.{0,20}\b((has|have|had|did|does|do|is|are) not|never|no longer) (come back|came back|returned|return|happen|happened|recur|recurred|reappear|reappeared|last long|lasted long|been back|appear|appeared|show up)\b|\bno more (errors?|crashes|crash|problems?|issues?|bugs?|faults?|error messages?|warnings?|dropped calls|drops|outages?|freezes|glitches|complaints)\b|\b(error|errors|crash|crashes|crashing|freezing|problem|problems|issue|issues|bug|bugs|fault|leak|leaking|dripping|noise|warning|outage|lag|delay|glitch|flickering|loading|slowness)\b.{0,20}\b(is|are|has|have) (gone|stopped|disappeared|cleared|vanished)( away| completely)?\b|\bno longer (get|see|have|getting|seeing|having|happens|occurs)\b/,
    triggers: [
      'error',
      'errors',
      'crash',
      'crashes',
      'crashing',
      'freezing',
      'leaking',
      'dripping',
      'problem',
      'problems',
      'issue',
      'issues',
      'bug',
      'bugs',
      'fault',
      'faults',
      'leak',
      'noise',
      'warning',
      'warnings',
      'outage',
      'outages',
      'lag',
      'delay',
      'glitch',
      'glitches',
      'flicker',
      'flickering',
      'loading',
      'message',
      'messages',
      'drops',
      'dropped',
      'more',
      'slowness',
      'longer',
      'freezes',
      'complaints',
    ],
    valence: 2,
    reason: '',
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

// In a report, only a repetition right beside the fault complains ("broken again", "not working
// again", "fails every time"); "still works on the Mac" or "the code is still 0x…" do not.
const FAULT_AGAIN =
  /\b(again|yet again|once again|every time|all the time|constantly|repeatedly)\b( \w+){0,1} (broken|broke|failing|failed|fails|crashed|crashing|crashes|down|stuck|jammed|frozen|not)\b|\b(broken|broke|failing|failed|fails|crashed|crashing|crashes|down|stuck|jammed|frozen|leaking|dripping|working|work|works|printing|connecting|loading|syncing|starting|responding)( \w+){0,2} (again|every time|all the time|constantly|repeatedly)\b/;

/**
 * One pass over the tokens instead of a regex pass per rule: each trigger word maps to the rules it
 * can match, so a sentence tries only the few rules whose words it contains.
 */
const ALL_RULES: readonly PhraseRule[] = [...COMPLAINT_RULES, ...RESOLUTION_RULES];
const PERSISTENCE_RULE = ALL_RULES.length;
const DIGIT_RULES: readonly number[] = ALL_RULES.flatMap((rule, i) => (rule.digits ? [i] : []));
const TRIGGER_RULES: ReadonlyMap<string, readonly number[]> = (() => {
  const rules = new Map<string, number[]>();
  const add = (w: string, i: number): void => {
    const list = rules.get(w) ?? [];
    if (!list.includes(i)) list.push(i);
    rules.set(w, list);
  };
  ALL_RULES.forEach((rule, i) => {
    for (const w of rule.triggers) add(w, i);
  });
  for (const w of PERSISTENCE_TRIGGERS) add(w, PERSISTENCE_RULE);
  return rules;
})();

/** Every word that can make a rule worth trying (for tests of the prefilter). */
export const TRIGGER_WORDS: readonly string[] = [...TRIGGER_RULES.keys()];

/**
 * The rules a sentence may match, as indices into ALL_RULES (PERSISTENCE_RULE for the persistence
 * test), ascending. Most sentences hold no trigger word and get an empty list.
 */
export function candidateRules(words: readonly string[]): number[] {
  const found: number[] = [];
  const add = (i: number): void => {
    if (!found.includes(i)) found.push(i);
  };
  for (const word of words) {
    const rules = TRIGGER_RULES.get(word);
    if (rules) for (const i of rules) add(i);
    const c = word.charCodeAt(0);
    if (c >= 48 && c <= 57) for (const i of DIGIT_RULES) add(i);
  }
  return found.length > 1 ? found.sort((x, y) => x - y) : found;
}

const EVERY_RULE: readonly number[] = Array.from({ length: ALL_RULES.length + 1 }, (_, i) => i);
const NONE: PatternSignal = { valence: 0, complaint: false, reasons: [] };

function reasonOf(rule: PhraseRule, m: RegExpExecArray): FrustrationReason {
  return { kind: rule.kind, text: typeof rule.reason === 'string' ? rule.reason : rule.reason(m) };
}

/**
 * Applies the phrase rules to one sentence whose lexical valence is `lexical`. `words` are the
 * sentence's tokens (normalized is them joined by spaces); omitted, every rule is tried. `question`:
 * the sentence as written asks something (holds "?"). `fault`: it names a fault (namesFault), so
 * "again" or "still" beside it complain even where fault words carry no valence.
 */
export function matchServiceDeskPatterns(
  normalized: string,
  lexical: number,
  words?: readonly string[],
  question = false,
  fault = false,
): PatternSignal {
  const candidates = words === undefined ? EVERY_RULE : candidateRules(words);
  if (candidates.length === 0) return NONE;
  let valence = 0;
  let complaint = false;
  const reasons: FrustrationReason[] = [];
  // Complaint rules come first in ALL_RULES, then the resolution rules, then the persistence test.
  for (const i of candidates) {
    if (i >= COMPLAINT_RULES.length) break;
    const rule = COMPLAINT_RULES[i];
    if (!rule || (rule.unlessPositive && lexical > 0) || (rule.question && !question)) continue;
    const m = rule.pattern.exec(normalized);
    if (m) {
      valence += rule.valence;
      complaint = true;
      const reason = reasonOf(rule, m);
      if (!reasons.some((r) => r.text === reason.text)) reasons.push(reason);
    }
  }
  if (
    !complaint &&
    candidates.includes(PERSISTENCE_RULE) &&
    ((lexical < 0 && PERSISTENCE.test(normalized)) || (fault && FAULT_AGAIN.test(normalized)))
  ) {
    // Where the fault words carried no valence (a report), the repetition alone says it.
    valence -= lexical < 0 ? 0.8 : 1.5;
    complaint = true;
    reasons.push({ kind: 'words', text: 'says it keeps happening' });
  }
  for (const i of candidates) {
    if (i < COMPLAINT_RULES.length || i >= ALL_RULES.length) continue;
    if (RESOLUTION_RULES[i - COMPLAINT_RULES.length]?.pattern.test(normalized)) valence += ALL_RULES[i]?.valence ?? 0;
  }
  return { valence, complaint, reasons };
}
