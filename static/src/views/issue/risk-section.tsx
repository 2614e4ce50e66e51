import { token } from '@atlaskit/tokens';
import type { TicketExperienceView } from '@contracts/agent';
import type { IndicatorId } from '@domain/indicator';
import { Explain } from '../../ui/explain';
import { Lozenge } from '../../ui/lozenge';
import { Section } from '../../ui/section';
import { RISK_APPEARANCE, RISK_TEXT } from './mood';

type IndicatorState = TicketExperienceView['indicators'][number]['state'];

/**
 * Each indicator of this ticket as a plain statement of what happened, never "name: bad" (a
 * double negative for the ones named after a good outcome, like "No chasers").
 */
export const INDICATOR_STATE_TEXT: Readonly<Record<IndicatorId, Readonly<Record<IndicatorState, string>>>> = {
  csat: { good: 'Favourable answer', bad: 'Unfavourable answer', missing: 'No survey answer yet' },
  sentiment: { good: 'Comments not negative', bad: 'Negative comments', missing: 'No comments scored' },
  // Jira sends no SLA events: the SLAs are read at resolution, so "none" before then would contradict Jira.
  sla: { good: 'SLAs met', bad: 'SLA breached', missing: 'SLAs read at resolution' },
  reopen: { good: 'Not reopened', bad: 'Reopened', missing: 'Not resolved yet' },
  reassign: { good: 'At most one reassignment', bad: 'Reassigned more than once', missing: 'Not assigned yet' },
  wait: { good: 'Short waits for support', bad: 'Long wait for support', missing: 'Not in the queue yet' },
  chaser: { good: 'Requester has not chased', bad: 'Requester chased for an update', missing: 'No comments yet' },
};

/** What each indicator looks at, for the chip's explanation. */
const INDICATOR_MEANS: Readonly<Record<IndicatorId, string>> = {
  csat: 'The requester’s latest survey answer: favourable is 4–5 of 5, thumbs up, 1–3 of 7 on effort or 9–10 of 10.',
  sentiment: 'The tone of the requester’s public comments, newest weighing most.',
  sla: 'Whether any SLA cycle of this ticket, completed or ongoing, was breached. Jira sends no SLA events, so Sentio reads the SLAs when the ticket is resolved (or finds none); until then, Jira’s SLA panel shows where they stand.',
  reopen: 'Whether the ticket went from done back to open.',
  reassign: 'Whether the ticket changed assignee more than once after its first assignment.',
  wait: 'The total time the ticket waited for support, against the XLA’s threshold.',
  chaser: 'Whether the requester had to ask for an update (“any news?”, “still waiting”).',
};

const STATE_APPEARANCE = { good: 'success', bad: 'removed', missing: 'default' } as const;

/** Risk that this ticket ends as a bad experience, and why. */
export function RiskSection({ view }: { view: TicketExperienceView }) {
  const { risk } = view;
  return (
    <Section title="Risk">
      <div>
        <Lozenge appearance={RISK_APPEARANCE[risk.level]} isBold={risk.level === 'high'}>
          {RISK_TEXT[risk.level]}
        </Lozenge>
      </div>
      {risk.reasons.length > 0 ? (
        <ul style={{ margin: 0, paddingLeft: token('space.250') }}>
          {risk.reasons.map((r) => (
            <li key={r.code}>{r.text}</li>
          ))}
        </ul>
      ) : null}
      {view.indicators.length > 0 ? (
        <ul
          aria-label="Experience indicators"
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            display: 'flex',
            flexWrap: 'wrap',
            gap: token('space.075'),
          }}
        >
          {view.indicators.map((i) => (
            <li key={i.id}>
              <Explain text={INDICATOR_MEANS[i.id]}>
                <Lozenge appearance={STATE_APPEARANCE[i.state]}>{INDICATOR_STATE_TEXT[i.id][i.state]}</Lozenge>
              </Explain>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
