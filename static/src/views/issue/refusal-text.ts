import type { ManualPlanView } from '@contracts/agent';
import { formatRelative, type MessageKey, type Translator } from '@domain/i18n';

/** A refusal as the server sends it: its code, the English message, and its figures when it has any. */
type Refusal = NonNullable<ManualPlanView['refusal']>;

/**
 * Why a plan did not ask, in the agent's words, from the refusal's code (and its figures: asks so
 * far and the limit, the last ask and the wait, the sampling share). The server's message can name
 * internal ids (an ask's or a plan's), so it is never shown for the codes worded here; for the
 * others (a waypoint the trigger did not reach) and refusals sent without their figures (an older
 * stored decision) the server's sentence stands.
 */
const BY_REASON: Readonly<Record<string, MessageKey>> = {
  'ask-pending': 'issuePanel.refusal.ask-pending',
  'already-asked-at-waypoint': 'issuePanel.refusal.already-asked-at-waypoint',
  'another-plan-asked': 'issuePanel.refusal.another-plan-asked',
  'plan-disabled': 'issuePanel.refusal.plan-disabled',
  'out-of-scope': 'issuePanel.refusal.out-of-scope',
  'no-requester': 'issuePanel.refusal.no-requester',
  'ticket-closed': 'issuePanel.refusal.ticket-closed',
};

const hourFormats = new Map<string, Intl.NumberFormat>();
/** "24 hours", "24 Stunden", "24 時間": the plan's wait in Intl's unit words. */
function hoursText(m: Translator, hours: number): string {
  let f = hourFormats.get(m.locale);
  if (f === undefined)
    hourFormats.set(
      m.locale,
      (f = new Intl.NumberFormat(m.locale, {
        style: 'unit',
        unit: 'hour',
        unitDisplay: 'long',
        maximumFractionDigits: 1,
      })),
    );
  return f.format(hours);
}

/** The sentence from the refusal's figures, or null when they did not come with it. */
function fromFacts(m: Translator, r: Refusal, now: number): string | null {
  const f = r.facts;
  if (f === undefined) return null;
  switch (r.reason) {
    case 'max-asks-reached':
      return f.asked === undefined || f.allowed === undefined
        ? null
        : m.t('issuePanel.refusal.max-asks-reached', { asked: f.asked, allowed: f.allowed });
    case 'cooldown':
      return f.lastAskedAt === undefined || f.cooldownHours === undefined
        ? null
        : m.t('issuePanel.refusal.cooldown', {
            ago: formatRelative(m.locale, f.lastAskedAt, now),
            wait: hoursText(m, f.cooldownHours),
          });
    case 'sampled-out':
      return f.samplingPercent === undefined
        ? null
        : m.t('issuePanel.refusal.sampled-out', { share: f.samplingPercent / 100 });
    default:
      return null;
  }
}

/** A sentence of its own: why the plan cannot ask. `now` places the last ask in time ("3 hours ago"). */
export function refusalSentence(m: Translator, refusal: Refusal, now: number = Date.now()): string {
  const key = BY_REASON[refusal.reason];
  if (key !== undefined) return m.t(key);
  const worded = fromFacts(m, refusal, now);
  if (worded !== null) return worded;
  const { message } = refusal;
  const sentence = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return /[.!?。]$/.test(sentence) ? sentence : `${sentence}.`;
}
