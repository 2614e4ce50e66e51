import type { RiskReasonView } from '@contracts/risk';
import type { Translator } from '@domain/i18n';
import { type QuestionKind, SCALES } from '@domain/question';
import { listFormat, numberFormat } from '@domain/i18n/formatters';
import { formatMood } from './format';

/**
 * Why a ticket is at risk, in the reader's language, from the codes and figures the server sends
 * (the agent panel and the project page's at-risk table say the same). Without the figures (an
 * older server) the server's English stands.
 */

/** "1 of 5", "thumbs down": the answer as the reasons and the timeline name it. */
export function answerText(m: Translator, kind: QuestionKind, score: number): string {
  const thumb = kind === 'thumbs' ? (score === 1 ? 'up' : 'down') : 'none';
  return m.t('ticket.reason.answer', { thumb, score, max: SCALES[kind].max });
}

/** A wait in hours, in days from two days on, with Intl's unit words ("30 hours", "3 Tage"). */
function hoursText(m: Translator, hours: number): string {
  const [n, unit] = hours < 48 ? [hours, 'hour'] : [Math.floor(hours / 24), 'day'];
  return numberFormat(m.locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n);
}

/** SLA names side by side as a list of items, not a sentence: "A, B" (Intl's unit list). */
function nameList(m: Translator, names: readonly string[]): string {
  return listFormat(m.locale, { style: 'short', type: 'unit' }).format(names);
}

export function reasonText(m: Translator, r: RiskReasonView): string {
  const f = r.facts;
  if (f === undefined) return r.text;
  switch (r.code) {
    case 'low-score-no-follow-up':
      return f.answer === undefined
        ? r.text
        : m.t('ticket.reason.low-score-no-follow-up', { answer: answerText(m, f.answer.kind, f.answer.score) });
    case 'sla-breached':
      return f.slas === undefined ? r.text : m.t('ticket.reason.sla-breached', { slas: nameList(m, f.slas) });
    case 'negative-mood':
      return f.mood === undefined
        ? r.text
        : m.t('ticket.reason.negative-mood', {
            mood: formatMood(m.locale, f.mood),
          });
    case 'chasers':
    case 'reopened':
    case 'reassigned':
      return f.count === undefined ? r.text : m.t(`ticket.reason.${r.code}`, { count: f.count });
    case 'long-wait':
      return f.waitedHours === undefined || f.limitHours === undefined
        ? r.text
        : m.t('ticket.reason.long-wait', {
            waited: hoursText(m, f.waitedHours),
            limit: hoursText(m, f.limitHours),
          });
    default:
      return r.text;
  }
}
