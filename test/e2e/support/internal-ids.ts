/**
 * What must never reach a person's screen: the app's internal identifiers and codes. The lists come
 * from the modules that define them (scale keys, indicator ids, refusal and error codes, waypoint
 * kinds) and from the site the view runs on (project and account ids, the configured plan and XLA
 * ids), so a new code is scanned for as soon as it exists.
 */
import { ERROR_CODES } from '../../../src/contracts/envelope';
import { INDICATOR_IDS } from '../../../src/domain/indicator';
import { QUESTION_KINDS } from '../../../src/domain/question';
import { ASK_REFUSAL_CODES, PLAN_REFUSAL_CODES } from '../../../src/domain/survey/reasons';
import { WAYPOINT_KINDS } from '../../../src/domain/waypoint';

export interface Finding {
  readonly what: string;
  readonly match: string;
  readonly near: string;
}

export interface SiteIds {
  readonly projectIds: readonly string[];
  readonly accountIds: readonly string[];
  /** Plan and XLA ids as configured (names are what people read). */
  readonly configIds: readonly string[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole token: not inside a longer word, id or number. */
const whole = (s: string, flags = '') => new RegExp(`(?<![\\w-])${escape(s)}(?![\\w-])`, flags);

/**
 * Indicator ids that are also everyday words ("wait", "reopen", "sentiment", "chaser") cannot be
 * told from prose; the ones that are not words are scanned for in lower case (CSAT and SLA in
 * capitals are the industry's words, not ids).
 */
const CODE_LIKE_INDICATORS = INDICATOR_IDS.filter((id) => ['csat', 'sla', 'reassign'].includes(id));

export function internalPatterns(site: SiteIds): ReadonlyArray<{ what: string; re: RegExp }> {
  const kebab = (list: readonly string[]) => list.filter((c) => c.includes('-'));
  return [
    // "thumbs" is a scale key; "Thumbs up" and "thumbs down" are how people say it.
    ...QUESTION_KINDS.map((k) =>
      k === 'thumbs'
        ? { what: 'scale key', re: /(?<![\w-])thumbs(?! up| down)(?![\w-])/ }
        : { what: 'scale key', re: whole(k, 'i') },
    ),
    ...CODE_LIKE_INDICATORS.map((id) => ({ what: 'indicator id', re: whole(id) })),
    ...kebab([...PLAN_REFUSAL_CODES, ...ASK_REFUSAL_CODES, ...ERROR_CODES]).map((c) => ({
      what: 'refusal or error code',
      re: whole(c),
    })),
    ...kebab(WAYPOINT_KINDS).map((k) => ({ what: 'waypoint kind', re: whole(k) })),
    { what: 'ask id', re: /(?<![\w-])ask-[0-9a-z]/i },
    { what: 'platform error code', re: /(?<![\w-])[A-Z]{2,}(?:_[A-Z0-9]+)+(?![\w-])/ },
    { what: 'uuid', re: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i },
    { what: 'account id', re: /(?<![\w-])[0-9a-f]{24}(?![\w-])|\bqm:[0-9a-f-]{8,}|\b\d{6}:[0-9a-f-]{8,}/i },
    ...site.accountIds.map((id) => ({ what: 'account id', re: new RegExp(escape(id)) })),
    ...site.projectIds.map((id) => ({ what: 'project id', re: whole(id) })),
    ...site.configIds.map((id) => ({ what: 'plan or XLA id', re: whole(id) })),
    { what: 'a value the code never filled in', re: /\bundefined\b|\bNaN\b|\[object Object\]|Invalid Date|\bnull\b/ },
    { what: 'emoji glyph', re: /\p{Extended_Pictographic}/u },
  ];
}

/** Every internal id or code in `text`, with a little of the text around it. */
export function findInternalIds(text: string, site: SiteIds): Finding[] {
  const found: Finding[] = [];
  for (const { what, re } of internalPatterns(site)) {
    const m = re.exec(text);
    if (m === null) continue;
    const near = text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30).replace(/\s+/g, ' ');
    found.push({ what, match: m[0], near });
  }
  return found;
}
