import { Lozenge } from '../../ui/lozenge';
import { token } from '@atlaskit/tokens';
import type { TicketExperienceView } from '@contracts/agent';
import { Section } from '../../ui/section';
import { RISK_APPEARANCE, RISK_TEXT } from './mood';

const INDICATOR_NAMES = {
  csat: 'Satisfaction',
  sentiment: 'Tone',
  sla: 'SLA',
  reopen: 'Not reopened',
  reassign: 'Few reassignments',
  wait: 'Wait time',
  chaser: 'No chasers',
} as const;

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
            <li key={i.id} title={i.detail}>
              <Lozenge appearance={i.state === 'good' ? 'success' : i.state === 'bad' ? 'removed' : 'default'}>
                {INDICATOR_NAMES[i.id]}: {i.state === 'missing' ? 'n/a' : i.state}
              </Lozenge>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
