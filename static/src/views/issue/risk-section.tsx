import { token } from '@atlaskit/tokens';
import type { TicketExperienceView } from '@contracts/agent';
import type { MessageKey } from '@domain/i18n';
import type { IndicatorId } from '@domain/indicator';
import { useMessages } from '../../i18n/messages';
import { Explain } from '../../ui/explain';
import { Lozenge } from '../../ui/lozenge';
import { Section } from '../../ui/section';
import { RISK_APPEARANCE, RISK_TEXT } from './mood';
import { SlaChip } from './sla-chip';
import { reasonText } from '../../ui/risk-reasons';

type IndicatorState = TicketExperienceView['indicators'][number]['state'];

/**
 * Each indicator of this ticket as a plain statement of what happened, never "name: bad" (a
 * double negative for the ones named after a good outcome, like "No chasers"). SLAs: Jira sends no
 * SLA events, so they are read at resolution, and "none" before then would contradict Jira.
 */
export function indicatorStateKey(id: IndicatorId, state: IndicatorState): MessageKey {
  return `issuePanel.indicator.${id}.${state}`;
}

/** What each indicator looks at, for the chip's explanation. */
function indicatorMeansKey(id: IndicatorId): MessageKey {
  return `issuePanel.indicator.${id}.means`;
}

const STATE_APPEARANCE = { good: 'success', bad: 'removed', missing: 'default' } as const;

/** Risk that this ticket ends as a bad experience, and why. */
export function RiskSection({ view }: { view: TicketExperienceView }) {
  const m = useMessages();
  const { risk } = view;
  return (
    <Section title={m.t('issuePanel.risk.title')}>
      <div>
        <Lozenge appearance={RISK_APPEARANCE[risk.level]} isBold={risk.level === 'high'}>
          {m.t(RISK_TEXT[risk.level])}
        </Lozenge>
      </div>
      {risk.reasons.length > 0 ? (
        <ul style={{ margin: 0, paddingInlineStart: token('space.250') }}>
          {risk.reasons.map((r) => (
            <li key={r.code}>{reasonText(m, r)}</li>
          ))}
        </ul>
      ) : null}
      {view.indicators.length > 0 ? (
        <ul
          aria-label={m.t('issuePanel.risk.indicators')}
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
              {i.id === 'sla' ? (
                <SlaChip reading={view.sla} />
              ) : (
                <Explain text={m.t(indicatorMeansKey(i.id))}>
                  <Lozenge appearance={STATE_APPEARANCE[i.state]}>{m.t(indicatorStateKey(i.id, i.state))}</Lozenge>
                </Explain>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}
