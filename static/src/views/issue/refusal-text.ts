import type { ManualPlanView } from '@contracts/agent';
import { formatRelative, type MessageKey, type Translator } from '@domain/i18n';
import type { TriggerKind, WaypointMissCode } from '@domain/survey/decision-summary';
import type { WaypointKind } from '@domain/waypoint';
import { numberFormat } from '@domain/i18n/formatters';

/** A refusal as the server sends it: its code, the English message, and its figures when it has any. */
type Refusal = NonNullable<ManualPlanView['refusal']>;

/**
 * Why a plan did not ask, in the agent's words, from the refusal's code (and its figures: asks so
 * far and the limit, the last ask and the wait, the sampling share; a waypoint the trigger did not
 * reach by its miss code). The server's message can name internal ids (an ask's or a plan's), so it
 * is never shown for the codes worded here; for refusals sent without their figures (an older
 * stored decision) the server's English sentence stands.
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

/** "24 hours", "24 Stunden", "24 時間": the plan's wait in Intl's unit words. */
function hoursText(m: Translator, hours: number): string {
  return numberFormat(m.locale, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 }).format(
    hours,
  );
}

/** The moment a plan's waypoint waits for, worded to fit `issuePanel.refusal.miss.wrong-trigger`. */
const WAITS_FOR: Readonly<Record<WaypointKind, MessageKey>> = {
  created: 'issuePanel.refusal.waitsFor.created',
  'first-response': 'issuePanel.refusal.waitsFor.first-response',
  'status-changed': 'issuePanel.refusal.waitsFor.status-changed',
  reassigned: 'issuePanel.refusal.waitsFor.reassigned',
  idle: 'issuePanel.refusal.waitsFor.idle',
  'long-running': 'issuePanel.refusal.waitsFor.long-running',
  reopened: 'issuePanel.refusal.waitsFor.reopened',
  resolved: 'issuePanel.refusal.waitsFor.resolved',
  manual: 'issuePanel.refusal.waitsFor.manual',
};

/** What happened instead, worded to fit the same sentence. */
const CAME: Readonly<Record<TriggerKind, MessageKey>> = {
  created: 'issuePanel.refusal.came.created',
  'status-changed': 'issuePanel.refusal.came.status-changed',
  reassigned: 'issuePanel.refusal.came.reassigned',
  resolved: 'issuePanel.refusal.came.resolved',
  reopened: 'issuePanel.refusal.came.reopened',
  'agent-comment': 'issuePanel.refusal.came.agent-comment',
  'requester-comment': 'issuePanel.refusal.came.requester-comment',
  deleted: 'issuePanel.refusal.came.deleted',
  tick: 'issuePanel.refusal.came.tick',
  manual: 'issuePanel.refusal.came.manual',
};

/** Misses whose sentence has no figures. */
const PLAIN_MISS: Readonly<Partial<Record<WaypointMissCode, MessageKey>>> = {
  'internal-comment': 'issuePanel.refusal.miss.internal-comment',
  'already-responded': 'issuePanel.refusal.miss.already-responded',
  'first-assignment': 'issuePanel.refusal.miss.first-assignment',
  unassigned: 'issuePanel.refusal.miss.unassigned',
};

/** A waypoint the trigger did not reach, from the miss's code and figures (null: a figure is missing). */
function missSentence(m: Translator, f: NonNullable<Refusal['facts']>): string | null {
  if (f.miss === undefined) return null;
  const plain = PLAIN_MISS[f.miss];
  if (plain !== undefined) return m.t(plain);
  switch (f.miss) {
    case 'wrong-trigger':
      return f.waypoint === undefined || f.trigger === undefined
        ? null
        : m.t('issuePanel.refusal.miss.wrong-trigger', {
            waitsFor: m.t(WAITS_FOR[f.waypoint]),
            came: m.t(CAME[f.trigger]),
          });
    case 'open-less-than':
    case 'agent-active-within':
      return f.hours === undefined
        ? null
        : m.t(
            f.miss === 'open-less-than'
              ? 'issuePanel.refusal.miss.open-less-than'
              : 'issuePanel.refusal.miss.agent-active-within',
            { hours: hoursText(m, f.hours) },
          );
    case 'status-not-listed':
      return f.status === undefined ? null : m.t('issuePanel.refusal.miss.status-not-listed', { status: f.status });
    case 'before-nth-reassignment':
      return f.nth === undefined || f.fromNth === undefined
        ? null
        : m.t('issuePanel.refusal.miss.before-nth-reassignment', { nth: f.nth, fromNth: f.fromNth });
    default:
      return null;
  }
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
    case 'waypoint-mismatch':
      return missSentence(m, f);
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
