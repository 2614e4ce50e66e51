import { Lozenge } from '../../ui/lozenge';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { AtRiskTicket } from '@contracts/project';
import { normalisedScore } from '@domain/question';
import { IssueLink } from '../../ui/issue-link';
import { formatAge } from '../../ui/format';
import { formatMood, scoreText } from '../../ui/score-text';
import { Muted } from '../../ui/section';
import { RISK_APPEARANCE, RISK_TEXT } from '../issue/mood';
import { requestTypeLabel } from './request-type-name';

type SortKey = 'risk' | 'ticket' | 'assignee' | 'age' | 'requestType' | 'answer' | 'mood';
interface Sort {
  readonly key: SortKey;
  readonly descending: boolean;
}

const COLUMNS: ReadonlyArray<{ key: SortKey; label: string }> = [
  { key: 'ticket', label: 'Ticket' },
  { key: 'risk', label: 'Risk' },
  { key: 'assignee', label: 'Assignee' },
  { key: 'age', label: 'Age' },
  { key: 'requestType', label: 'Request type' },
  { key: 'answer', label: 'Last answer' },
  { key: 'mood', label: 'Comment mood' },
];

/** Missing values sort last whichever the direction. */
function compare(a: AtRiskTicket, b: AtRiskTicket, key: SortKey, descending: boolean): number {
  const pick = (t: AtRiskTicket): number | string | null => {
    switch (key) {
      case 'risk':
        return t.riskScore;
      case 'ticket':
        return t.issueKey;
      case 'assignee':
        return t.assignee?.name ?? null;
      case 'age':
        return t.ageHours;
      case 'requestType':
        return requestTypeLabel(t.requestTypeId, t.requestTypeName);
      case 'answer':
        return t.lastScore === null ? null : normalisedScore(t.lastScore.kind, t.lastScore.score);
      case 'mood':
        return t.mood;
    }
  };
  const x = pick(a);
  const y = pick(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  const c =
    typeof x === 'number' && typeof y === 'number'
      ? x - y
      : String(x).localeCompare(String(y), undefined, { numeric: true });
  return descending ? -c : c;
}

function assigneeText(assignee: AtRiskTicket['assignee']) {
  if (assignee === null) return <Muted>Unassigned</Muted>;
  // Jira did not say who it is (a closed account, Jira busy): never show the account id instead.
  return assignee.name ?? <Muted>Someone (name not available)</Muted>;
}

/** Open tickets most likely to end badly: the ones an agent can still turn around. Sortable. */
export function AtRiskList({ tickets }: { tickets: readonly AtRiskTicket[] }) {
  const [sort, setSort] = useState<Sort>({ key: 'risk', descending: true });
  if (tickets.length === 0) return <Muted>No open ticket is at risk right now.</Muted>;
  const sorted = [...tickets].sort((a, b) => compare(a, b, sort.key, sort.descending));
  function by(key: SortKey) {
    // Riskiest and oldest first; names and keys A to Z.
    setSort((s) =>
      s.key === key ? { key, descending: !s.descending } : { key, descending: key === 'risk' || key === 'age' },
    );
  }
  return (
    <div className="sentio-table-scroll">
      <table className="sentio-table">
        <caption className="sentio-visually-hidden">
          Open tickets at risk, sorted by {COLUMNS.find((c) => c.key === sort.key)?.label.toLowerCase()}{' '}
          {sort.descending ? 'descending' : 'ascending'}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th
                key={c.key}
                scope="col"
                aria-sort={sort.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button type="button" className="sentio-sort" onClick={() => by(c.key)}>
                  {c.label}
                  <span aria-hidden style={{ opacity: sort.key === c.key ? 1 : 0.3 }}>
                    {sort.key === c.key && !sort.descending ? ' ▴' : ' ▾'}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((t) => (
            <tr key={t.issueKey}>
              <th scope="row" style={{ fontWeight: 400 }}>
                <IssueLink issueKey={t.issueKey} newTab />
              </th>
              <td>
                <Lozenge appearance={RISK_APPEARANCE[t.riskLevel]}>{RISK_TEXT[t.riskLevel]}</Lozenge>
              </td>
              <td>{assigneeText(t.assignee)}</td>
              <td>
                {t.ageHours !== null ? (
                  <span title={`Raised ${formatAge(t.ageHours)} ago`}>{formatAge(t.ageHours)}</span>
                ) : (
                  <Muted>Unknown</Muted>
                )}
              </td>
              <td>{requestTypeLabel(t.requestTypeId, t.requestTypeName)}</td>
              <td>{t.lastScore !== null ? scoreText(t.lastScore.kind, t.lastScore.score) : <Muted>None</Muted>}</td>
              <td>{t.mood !== null ? formatMood(t.mood) : <Muted>No comments</Muted>}</td>
              <td>
                <ul style={{ margin: 0, paddingLeft: token('space.200') }}>
                  {t.reasons.map((r) => (
                    <li key={r.code}>{r.text}</li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
