import { Lozenge } from '../../ui/lozenge';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { AskSummary, TicketExperienceView } from '@contracts/agent';
import { formatRelative, type MessageKey } from '@domain/i18n';
import { answerWords } from '../../i18n/answer-words';
import { useMessages } from '../../i18n/messages';
import { Muted, Section } from '../../ui/section';
import { refusalSentence } from './refusal-text';

const STATUS_APPEARANCE = {
  pending: 'inprogress',
  answered: 'success',
  expired: 'default',
  withdrawn: 'default',
} as const;

const STATUS_TEXT: Readonly<Record<AskSummary['status'], MessageKey>> = {
  pending: 'issuePanel.asks.status.pending',
  answered: 'issuePanel.asks.status.answered',
  expired: 'issuePanel.asks.status.expired',
  withdrawn: 'issuePanel.asks.status.withdrawn',
};

/** The moment an ask was sent, in the agent's words ("Sent after the first reply"). */
export const WAYPOINT_TEXT: Readonly<Record<AskSummary['waypoint'], MessageKey>> = {
  created: 'issuePanel.asks.sent.created',
  'first-response': 'issuePanel.asks.sent.first-response',
  'status-changed': 'issuePanel.asks.sent.status-changed',
  reassigned: 'issuePanel.asks.sent.reassigned',
  idle: 'issuePanel.asks.sent.idle',
  'long-running': 'issuePanel.asks.sent.long-running',
  reopened: 'issuePanel.asks.sent.reopened',
  resolved: 'issuePanel.asks.sent.resolved',
  manual: 'issuePanel.asks.sent.manual',
};

/** Surveys sent on this ticket, and the plans that decided not to ask (with their reason). */
export function AsksSection({
  view,
  actions,
  intro,
}: {
  view: TicketExperienceView;
  actions: ReactNode;
  intro?: ReactNode;
}) {
  const m = useMessages();
  const skipped = view.planDecisions.filter((d) => !d.asked);
  return (
    <Section title={m.t('issuePanel.asks.title')} actions={actions}>
      {intro}
      {view.asks.length === 0 ? <Muted>{m.t('issuePanel.asks.none')}</Muted> : null}
      {view.asks.length > 0 ? (
        <ul
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            display: 'flex',
            flexDirection: 'column',
            gap: token('space.100'),
          }}
        >
          {[...view.asks]
            .sort((a, b) => b.createdAt - a.createdAt)
            .map((ask) => (
              <AskRow key={ask.id} ask={ask} />
            ))}
        </ul>
      ) : null}
      {skipped.length > 0 ? (
        <details>
          <summary style={{ cursor: 'pointer', color: token('color.text.subtle') }}>
            {m.t('issuePanel.asks.skipped', { count: skipped.length })}
          </summary>
          <ul style={{ margin: `${token('space.050')} 0 0`, paddingInlineStart: token('space.250') }}>
            {skipped.map((d) => (
              <li key={`${d.planId}-${d.at}`}>
                {m.t('issuePanel.asks.skippedPlan', {
                  plan: d.planName,
                  reason: refusalSentence(m, d),
                  when: formatRelative(m.locale, d.at, Date.now()),
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Section>
  );
}

function AskRow({ ask }: { ask: AskSummary }) {
  const m = useMessages();
  return (
    <li style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
      <span style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <Lozenge appearance={STATUS_APPEARANCE[ask.status]}>{m.t(STATUS_TEXT[ask.status])}</Lozenge>
        <strong>{ask.planName}</strong>
        <Muted>
          {m.t(WAYPOINT_TEXT[ask.waypoint])}
          {ask.midFlight ? m.t('issuePanel.asks.midFlight') : null}
        </Muted>
      </span>
      <span style={{ color: token('color.text.subtle') }}>
        {ask.score !== null
          ? m.t('issuePanel.asks.questionAnswered', {
              question: ask.questionText,
              answer: answerWords(m, ask.questionKind, ask.score),
            })
          : m.t('issuePanel.asks.question', { question: ask.questionText })}
      </span>
      <Muted>
        {ask.status === 'pending'
          ? m.t('issuePanel.asks.sentAtExpires', {
              at: ask.createdAt,
              expires: formatRelative(m.locale, ask.expiresAt, Date.now()),
            })
          : m.t('issuePanel.asks.sentAt', { at: ask.createdAt })}
      </Muted>
    </li>
  );
}
