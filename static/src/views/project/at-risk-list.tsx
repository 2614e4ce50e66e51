import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { AtRiskTicket } from '@contracts/project';
import { IssueLink } from '../../ui/issue-link';
import { scoreText } from '../../ui/score-text';
import { Muted } from '../../ui/section';
import { RISK_APPEARANCE, RISK_TEXT } from '../issue/mood';
import { requestTypeLabel } from './request-type-name';

/** Open tickets most likely to end badly: the ones an agent can still turn around. */
export function AtRiskList({ tickets }: { tickets: readonly AtRiskTicket[] }) {
  if (tickets.length === 0) return <Muted>No open ticket is at risk right now.</Muted>;
  return (
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
      {tickets.map((t) => (
        <li key={t.issueKey} style={{ display: 'flex', flexDirection: 'column', gap: token('space.025') }}>
          <span style={{ display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
            <Lozenge appearance={RISK_APPEARANCE[t.riskLevel]}>{RISK_TEXT[t.riskLevel]}</Lozenge>
            <IssueLink issueKey={t.issueKey} />
            <Muted>{requestTypeLabel(t.requestTypeId, t.requestTypeName)}</Muted>
          </span>
          <Muted>
            {[
              ...t.reasons.map((r) => r.text),
              t.lastScore !== null ? `last answer ${scoreText(t.lastScore.kind, t.lastScore.score)}` : null,
              t.mood !== null ? `mood ${t.mood.toFixed(2)}` : null,
            ]
              .filter((x) => x !== null)
              .join(' · ')}
          </Muted>
        </li>
      ))}
    </ul>
  );
}
