import { Lozenge } from '../../ui/lozenge';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { AskSummary, TicketExperienceView } from '@contracts/agent';
import { formatDateTime, formatRelative } from '../../ui/format';
import { scoreText } from '../../ui/score-text';
import { Muted, Section } from '../../ui/section';
import { refusalSentence } from './refusal-text';

const STATUS_APPEARANCE = {
  pending: 'inprogress',
  answered: 'success',
  expired: 'default',
  withdrawn: 'default',
} as const;

const STATUS_TEXT = { pending: 'Waiting', answered: 'Answered', expired: 'Expired', withdrawn: 'Withdrawn' } as const;

/** The moment an ask was sent, in the agent's words. */
export const WAYPOINT_TEXT: Readonly<Record<AskSummary['waypoint'], string>> = {
  created: 'when the request was raised',
  'first-response': 'after the first reply',
  'status-changed': 'when the status changed',
  reassigned: 'after a reassignment',
  idle: 'after a quiet spell',
  'long-running': 'as the request ran long',
  reopened: 'after it was reopened',
  resolved: 'after resolution',
  manual: 'by an agent',
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
  const skipped = view.planDecisions.filter((d) => !d.asked);
  return (
    <Section title="Feedback asks" actions={actions}>
      {intro}
      {view.asks.length === 0 ? <Muted>No survey has been sent on this ticket.</Muted> : null}
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
            {skipped.length === 1 ? '1 plan did not ask' : `${skipped.length} plans did not ask`}
          </summary>
          <ul style={{ margin: `${token('space.050')} 0 0`, paddingLeft: token('space.250') }}>
            {skipped.map((d) => (
              <li key={`${d.planId}-${d.at}`}>
                <strong>{d.planName}</strong>: {refusalSentence(d.reason, d.message)}{' '}
                <Muted>({formatRelative(d.at)})</Muted>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Section>
  );
}

function AskRow({ ask }: { ask: AskSummary }) {
  return (
    <li style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
      <span style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
        <Lozenge appearance={STATUS_APPEARANCE[ask.status]}>{STATUS_TEXT[ask.status]}</Lozenge>
        <strong>{ask.planName}</strong>
        <Muted>
          Sent {WAYPOINT_TEXT[ask.waypoint]}
          {ask.midFlight ? ', while the request was open' : ''}
        </Muted>
      </span>
      <span style={{ color: token('color.text.subtle') }}>
        “{ask.questionText}”{ask.score !== null ? <> — answered {scoreText(ask.questionKind, ask.score)}</> : null}
      </span>
      <Muted>
        {formatDateTime(ask.createdAt)}
        {ask.status === 'pending' ? `, expires ${formatRelative(ask.expiresAt)}` : ''}
      </Muted>
    </li>
  );
}
