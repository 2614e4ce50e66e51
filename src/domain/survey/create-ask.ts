import type { Ask, QuestionSnapshot } from '../ask';
import type { TranslatedLocale } from '../i18n/locale';
import type { SurveyPlan, SurveyTranslations } from '../survey-plan';
import { HOUR_MS, type EpochMs } from '../time';
import type { StatusCategory } from '../waypoint';
import { fnv1a64Hex } from './hash';

/**
 * The ask id for one occurrence of a plan's waypoint on a ticket. Derived, not random, so an event
 * delivered twice names the same ask and storage can refuse the duplicate.
 */
export function askIdFor(ticketId: string, planId: string, occurrenceKey: string): string {
  return `ask-${ticketId}-${fnv1a64Hex(`${ticketId}\u001f${planId}\u001f${occurrenceKey}`)}`;
}

function copyTranslations(translations: SurveyTranslations): SurveyTranslations {
  const copy: SurveyTranslations = {};
  for (const locale of Object.keys(translations) as TranslatedLocale[]) {
    const t = translations[locale];
    if (t === undefined) continue;
    copy[locale] = {
      text: t.text,
      ...(t.outcomeText ? { outcomeText: t.outcomeText } : {}),
      reasonChips: { ...t.reasonChips },
    };
  }
  return copy;
}

/** Freezes what the plan asks today; later plan edits never reach this copy. */
export function snapshotQuestion(plan: SurveyPlan): QuestionSnapshot {
  const { reasonChips, comment, lostTime } = plan.followUps;
  return {
    kind: plan.question.kind,
    text: plan.question.text,
    ...(plan.question.outcomeText === undefined ? {} : { outcomeText: plan.question.outcomeText }),
    reasonChips: {
      negative: reasonChips.negative.map((c) => ({ ...c })),
      neutral: reasonChips.neutral.map((c) => ({ ...c })),
      positive: reasonChips.positive.map((c) => ({ ...c })),
    },
    comment: { enabled: comment.enabled, maxLength: comment.maxLength },
    lostTime: { enabled: lostTime.enabled, choices: lostTime.choices.map((c) => ({ ...c })) },
    // Only when the plan has wording per locale, so asks of English-only plans keep their old shape.
    ...(plan.translations && Object.keys(plan.translations).length > 0
      ? { translations: copyTranslations(plan.translations) }
      : {}),
  };
}

export interface NewAskInput {
  readonly plan: SurveyPlan;
  readonly ticketId: string;
  readonly issueKey: string;
  readonly projectId: string;
  readonly requesterId: string;
  readonly occurrenceKey: string;
  readonly statusCategoryAfter: StatusCategory;
  readonly requestedBy: string | null;
  readonly now: EpochMs;
}

// Ask times are whole milliseconds (the schema says int); fractional hours must not break that.
const afterHours = (now: EpochMs, h: number): EpochMs => now + Math.round(h * HOUR_MS);

export function newAsk(input: NewAskInput): Ask {
  const { plan, now } = input;
  const { expiryHours, reminder } = plan.fatigue;
  return {
    id: askIdFor(input.ticketId, plan.id, input.occurrenceKey),
    planId: plan.id,
    ticketId: input.ticketId,
    issueKey: input.issueKey,
    projectId: input.projectId,
    requesterId: input.requesterId,
    waypoint: plan.waypoint.kind,
    midFlight: input.statusCategoryAfter !== 'done',
    status: 'pending',
    createdAt: now,
    expiresAt: afterHours(now, expiryHours),
    reminderDueAt: reminder.enabled ? afterHours(now, reminder.afterHours) : null,
    remindedAt: null,
    question: snapshotQuestion(plan),
    answer: null,
    requestedBy: input.requestedBy,
  };
}
