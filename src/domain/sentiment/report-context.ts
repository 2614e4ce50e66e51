import type { Sentence } from './tokens.js';

/**
 * A problem described as fact is information, not frustration: "log attached, the error code is
 * 0x80070005" names an error without feeling anything about it. A comment that gives diagnostic
 * detail — an attachment, steps, a version, an error code or the quoted text of a message — is in a
 * report context; there the words that only name a fault ("error", "crash", "fails", "doesn't
 * connect") carry no feeling, while words that judge ("useless", "ridiculous") and the frustration
 * rules still count.
 */

// Words that only appear when someone is describing a fault for diagnosis.
const REPORT_WORDS: ReadonlySet<string> = new Set([
  'attached',
  'attach',
  'attaching',
  'attachment',
  'attachments',
  'screenshot',
  'screenshots',
  'logs',
  'logfile',
  'har',
  'reproduce',
  'reproduced',
  'reproduces',
  'reproducible',
  'repro',
  'steps',
  'version',
  'build',
  'diagnostic',
  'diagnostics',
  'intermittent',
  'intermittently',
]);

// Word pairs that give a diagnosis: "error code", "the problem is", "not urgent".
const REPORT_PAIRS: ReadonlySet<string> = new Set([
  'error code',
  'error message',
  'error messages',
  'error text',
  'error says',
  'error appears',
  'error only',
  'message says',
  'log file',
  'crash log',
  'crash report',
  'event log',
  'not urgent',
  'no rush',
  'no hurry',
  'just flagging',
  'problem is',
  'issue is',
  'fault is',
  'error is',
  'problem seems',
  'issue seems',
  'fault seems',
  'problem started',
  'issue started',
  'error started',
  'problem only',
  'issue only',
  'issue affects',
  'problem affects',
]);
const CODE_NOUNS: ReadonlySet<string> = new Set(['error', 'code', 'status', 'http', 'exit', 'event']);
// Suffixes that make a number an ordinal, a time or an amount, not a code ("3rd", "5pm", "90s").
const NUMBER_SUFFIXES = /^\d+(st|nd|rd|th|am|pm|s|k|m|h|hr|hrs|min|mins|mb|gb|kb|px|x)$/;

/**
 * A token that looks like a code or an asset tag: "0x80070005", "14b", "7f3a", "lt08812", "22h2".
 * Ordinals, times and amounts ("3rd", "5pm", "16s", "10mb") are not codes.
 */
function isCodeLike(word: string): boolean {
  if (word.length < 3) return false;
  let digit = false;
  let letter = false;
  for (let i = 0; i < word.length && !(digit && letter); i += 1) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c >= 97 && c <= 122) letter = true;
  }
  return digit && letter && !NUMBER_SUFFIXES.test(word);
}

// A message quoted as the system shows it: 'shows "authentication failed"', '"license expired" warning'.
const QUOTED_MESSAGE =
  /\b(says|said|shows|showing|reads|displays|message|error|warning|text|prompt|popup|with|get|getting)\s*:?\s*["“][^"”\n]{1,160}["”]|["”]\s*(error|warning|message|prompt|popup|dialog)\b/i;

// Where, when and under which condition a fault shows ("on the 4th floor", "when I open the HR
// portal", "after the update", "only in Chrome, Edge works"), and the talk of a ticket ("could you
// reset…", "I tried restarting", "can we do Friday?"). Each pattern is tried only when the sentence
// holds one of its words (most sentences hold none).
const PLACE =
  'floor|level|desk|room|building|wing|bay|kitchen|entrance|reception|stairwell|lift|lifts|corridor|car park|toilet|toilets|meeting room|boardroom|canteen|cubicle|ceiling|hallway|turnstile|loading bay|office';
const UPDATE =
  'update|upgrade|patch|reboot|restart|reset|reinstall|repair|swap|install|installation|migration|reimage|outage|password change';
const ASK_VERBS =
  'send|resend|reset|update|check|confirm|advise|install|add|remove|delete|change|move|book|arrange|order|replace|fix|look|unlock|enable|disable|grant|restore|recover|give|set|create|extend|cancel|help';
const TROUBLESHOOT =
  'tried|restarted|rebooted|reinstalled|cleared|checked|unplugged|replugged|reset|updated|logged out|signed out';

interface ContextRule {
  readonly words: ReadonlySet<string>;
  readonly pattern: RegExp;
}
const words = (...lists: string[]): ReadonlySet<string> =>
  new Set(lists.flatMap((l) => l.split('|')).flatMap((w) => w.split(' ')));

const CONTEXT_RULES: readonly ContextRule[] = [
  {
    words: words(PLACE),
    pattern: new RegExp(
      `\\b(on|at|in|by|near|outside|next to|above|below|behind) (the )?(\\w+ ){0,2}(${PLACE})\\b|\\b(floor|level|desk|room|building|bay|wing) (\\d+\\w*|[a-z])\\b`,
    ),
  },
  {
    words: words('when'),
    pattern:
      /\bwhen (i|we|users|people|someone|anyone) (try to |attempt to )?(click|open|join|log in|log on|sign in|print|save|share|launch|dock|select|upload|submit|type|send|run|access|scan|swipe|load|search|tap|export|import|sync|install|start up|boot)\b/,
  },
  {
    words: words(UPDATE),
    pattern: new RegExp(
      `\\b(after|since|following) (the|an|a|last|this|yesterday s|the latest|last night s)? ?(\\w+ )?(${UPDATE})\\b`,
    ),
  },
  {
    words: words('only|just'),
    pattern: /\b(only|just) (on|in|for|with|when|happens|affects|appears|occurs) \w+/,
  },
  {
    words: words('works|fine|ok|working'),
    pattern:
      /\b(but|while|whereas|and) (the )?(\w+ ){0,2}(works|is fine|are fine|works fine|is ok|is working|are working|works normally)\b/,
  },
  {
    words: words('you'),
    pattern: new RegExp(`\\b(could|can|would|will) you (please )?(${ASK_VERBS})\\b`),
  },
  {
    words: words('can|could|may|possible|know'),
    pattern:
      /\b(can|could|may) (i|we) (get|have|move|book|change|borrow|collect|keep|request|swap|use|reschedule)\b|\bwould it be possible\b|\blet me know (when|if|what|how|which)\b/,
  },
  {
    words: words(TROUBLESHOOT, 'change'),
    pattern: new RegExp(
      `\\b(i|we) (have )?(${TROUBLESHOOT})\\b|\\b(have not|not yet|never) tried\\b|\\btried (another|a different|restarting|rebooting|reinstalling|clearing|unplugging|the steps|that|it)\\b|\\bno change\\b`,
    ),
  },
];

/**
 * Things a service desk looks after. A sentence about one of them that only names its fault ("the
 * printer is jammed", "my VPN password has expired") reports it; the same words about a product in a
 * review ("the battery died") judge it. The list leaves out what reviews talk about (phones,
 * batteries, chargers, headsets, screens).
 */
const ASSETS: ReadonlySet<string> = new Set([
  'vpn',
  'outlook',
  'printer',
  'printers',
  'laptop',
  'laptops',
  'monitor',
  'monitors',
  'workday',
  'portal',
  'intranet',
  'sharepoint',
  'onedrive',
  'heating',
  'radiator',
  'aircon',
  'fridge',
  'tap',
  'password',
  'login',
  'mailbox',
  'inbox',
  'badge',
  'desk',
  'projector',
  'keyboard',
  'trackpad',
  'dock',
  'docking',
  'payslip',
  'timesheet',
  'timesheets',
  'folder',
  'toner',
  'scanner',
  'webcam',
  'kiosk',
  'turnstile',
  'lift',
  'lifts',
  'elevator',
  'blinds',
  'locker',
  'rota',
  'crm',
  'mfa',
  'authenticator',
  'certificate',
  'licence',
  'license',
  'thermostat',
  'workstation',
  'dongle',
  'hotspot',
  'extension',
  'voicemail',
  'pension',
  'expenses',
  'machine',
  // Service-desk words that product reviews and tweets hardly use.
  'ticket',
  'request',
  'payroll',
  'overtime',
  'expense',
  'invoice',
  'hr',
  'sink',
  'parking',
  'directory',
  'admin',
  'wifi',
  'zoom',
  'engineer',
  'technician',
  'colleague',
  'colleagues',
  'department',
  'onboarding',
  'printer',
  'microwave',
  'barrier',
  'toilets',
  'p45',
  'p60',
  'timesheet',
]);

// One table for the token pass: what each word can tell (a bit per signal, one per context rule).
const REPORT_WORD = 1;
const ASSET = 2;
const PAIR_START = 4;
const CODE_NOUN = 8;
const RULE_SHIFT = 4;
const WORD_SIGNALS: ReadonlyMap<string, number> = (() => {
  const table = new Map<string, number>();
  const mark = (w: string, bit: number): void => {
    table.set(w, (table.get(w) ?? 0) | bit);
  };
  for (const w of REPORT_WORDS) mark(w, REPORT_WORD);
  for (const w of ASSETS) mark(w, ASSET);
  for (const pair of REPORT_PAIRS) mark(pair.slice(0, pair.indexOf(' ')), PAIR_START);
  for (const w of CODE_NOUNS) mark(w, CODE_NOUN);
  CONTEXT_RULES.forEach((rule, i) => {
    for (const w of rule.words) mark(w, 1 << (RULE_SHIFT + i));
  });
  return table;
})();
if (CONTEXT_RULES.length + RULE_SHIFT > 30) throw new Error('report-context: too many rules for the signal bits');

/**
 * True when the sentence gives diagnostic detail or is about a thing the desk looks after (see
 * above). One pass over the tokens; a context pattern runs only when one of its words is there.
 */
export function isReportSentence(sentence: Sentence): boolean {
  const { tokens } = sentence;
  let rules = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    const w = tokens[i]?.word ?? '';
    const signals = WORD_SIGNALS.get(w) ?? 0;
    if ((signals & (REPORT_WORD | ASSET)) !== 0) return true;
    if (isCodeLike(w)) return true;
    const next = tokens[i + 1]?.word;
    if (next !== undefined && (signals & PAIR_START) !== 0 && REPORT_PAIRS.has(`${w} ${next}`)) return true;
    if (next !== undefined && (signals & CODE_NOUN) !== 0) {
      const c = next.charCodeAt(0);
      if (c >= 48 && c <= 57) return true;
    }
    rules |= signals;
  }
  for (let i = 0; i < CONTEXT_RULES.length; i += 1)
    if ((rules & (1 << (RULE_SHIFT + i))) !== 0 && CONTEXT_RULES[i]?.pattern.test(sentence.normalized)) return true;
  const raw = sentence.text;
  return (raw.includes('"') || raw.includes('“')) && QUOTED_MESSAGE.test(raw);
}

// Questions that ask for help: they open with a question word and ask once, calmly ("?" once, no "!").
const HELP_QUESTION_OPENERS: ReadonlySet<string> = new Set([
  'is',
  'are',
  'can',
  'could',
  'should',
  'do',
  'does',
  'will',
  'would',
  'how',
  'what',
  'which',
  'where',
  'when',
  'who',
  'may',
]);

/**
 * A calm question asking for help ("Is the error something I can fix myself?", "I'm out on the 12th,
 * can I move it?"): the sentence or its last clause opens with a question word.
 */
export function isHelpQuestion(sentence: Sentence): boolean {
  const { tokens } = sentence;
  let clauseStart = 0;
  for (let i = 0; i < tokens.length - 1; i += 1) if (tokens[i]?.clauseEnd) clauseStart = i + 1;
  const opens = (i: number): boolean => HELP_QUESTION_OPENERS.has(tokens[i]?.word ?? '');
  if (!opens(0) && !opens(clauseStart)) return false;
  const raw = sentence.text;
  const q = raw.indexOf('?');
  return q >= 0 && raw.indexOf('?', q + 1) < 0 && !raw.includes('!');
}

/**
 * Words that name a fault or a state of a system and nothing more. In a report context their
 * valence is dropped; elsewhere they keep their lexicon valence.
 */
export const PROBLEM_WORDS: ReadonlySet<string> = new Set([
  'error',
  'errors',
  'problem',
  'problems',
  'issue',
  'issues',
  'bug',
  'bugs',
  'crash',
  'crashes',
  'crashed',
  'crashing',
  'fault',
  'faults',
  'faulty',
  'failure',
  'failures',
  'fail',
  'fails',
  'failed',
  'failing',
  'warning',
  'warnings',
  'leak',
  'leaks',
  'leaking',
  'jam',
  'jams',
  'jammed',
  'stuck',
  'broken',
  'broke',
  'slow',
  'slower',
  'freeze',
  'freezes',
  'frozen',
  'froze',
  'glitch',
  'glitches',
  'outage',
  'denied',
  'deny',
  'expired',
  'rejected',
  'rejects',
  'reject',
  'invalid',
  'missing',
  'flickering',
  'noisy',
  'noise',
  'dripping',
  'unable',
  'disconnected',
  'offline',
  'timeout',
  'persists',
  'persist',
  'lag',
  'intermittent',
  'unresponsive',
  'stopped',
  'stops',
  'lost',
  'blocked',
  'low',
  'wrong',
  'dead',
  'died',
  'dies',
  'unavailable',
  'blank',
  'faded',
  'corrupt',
  'corrupted',
  'damaged',
  'cracked',
  'bent',
]);
