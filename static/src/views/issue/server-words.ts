import type { TimelineEntry } from '@contracts/agent';
import type { Translator } from '@domain/i18n';
import { answerText } from '../../ui/risk-reasons';

/**
 * The timeline titles the server sends as codes with their figures, worded in the agent's
 * language. Without the figures (an older server) the server's English stands.
 */
export function timelineTitle(m: Translator, e: TimelineEntry): string {
  const says = e.says;
  if (says === undefined) return e.title;
  switch (says.title) {
    case 'answer':
      return m.t('issuePanel.timeline.answer', { answer: answerText(m, says.questionKind, says.score) });
    case 'sla-breached':
      return m.t('issuePanel.timeline.sla-breached', { name: says.slaName });
    case 'reassigned':
      return m.t('issuePanel.timeline.reassigned', { count: says.count });
    default:
      return m.t(`issuePanel.timeline.${says.title}`);
  }
}
