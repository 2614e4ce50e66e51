import { Lozenge } from '../../ui/lozenge';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { AtRiskTicket } from '@contracts/project';
import type { MessageKey, Translator } from '@domain/i18n';
import { normalisedScore } from '@domain/question';
import { answerWords } from '../../i18n/answer-words';
import { useMessages } from '../../i18n/messages';
import { IssueLink } from '../../ui/issue-link';
import { reasonText } from '../../ui/risk-reasons';
import { Muted } from '../../ui/section';
import { RISK_APPEARANCE, RISK_TEXT } from '../issue/mood';
import { requestTypeLabel } from './request-type-name';
import { numberFormat } from '@domain/i18n/formatters';
import { formatMood } from '../../ui/format';

type SortKey = 'risk' | 'ticket' | 'assignee' | 'age' | 'requestType' | 'answer' | 'mood';
interface Sort {
  readonly key: SortKey;
  readonly descending: boolean;
}

const COLUMNS: ReadonlyArray<{ key: SortKey; label: MessageKey }> = [
  { key: 'ticket', label: 'projectPage.atRisk.col.ticket' },
  { key: 'risk', label: 'projectPage.atRisk.col.risk' },
  { key: 'assignee', label: 'projectPage.atRisk.col.assignee' },
  { key: 'age', label: 'projectPage.atRisk.col.age' },
  { key: 'requestType', label: 'projectPage.atRisk.col.requestType' },
  { key: 'answer', label: 'projectPage.atRisk.col.answer' },
  { key: 'mood', label: 'projectPage.atRisk.col.mood' },
];

/** How long a ticket has been open, in the unit people use ("40 min", "5 hr", "3 days"), through Intl. */
function ageText(m: Translator, hours: number): string {
  const unit = (value: number, u: 'minute' | 'hour' | 'day') =>
    numberFormat(m.locale, { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (hours < 1) return unit(Math.max(1, Math.round(hours * 60)), 'minute');
  if (hours < 48) return unit(Math.floor(hours), 'hour');
  return unit(Math.floor(hours / 24), 'day');
}

/** A comment mood (−1..+1) in words with its value: "negative (−0.54)". */
function moodText(m: Translator, mood: number): string {
  const word = mood <= -0.05 ? 'negative' : mood >= 0.05 ? 'positive' : 'neutral';
  return m.t(`projectPage.atRisk.mood.${word}`, { value: formatMood(m.locale, mood) });
}

/** Missing values sort last whichever the direction. */
function compare(a: AtRiskTicket, b: AtRiskTicket, key: SortKey, descending: boolean, m: Translator): number {
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
        return requestTypeLabel(m, t.requestTypeId, t.requestTypeName);
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
      : String(x).localeCompare(String(y), m.locale, { numeric: true });
  return descending ? -c : c;
}

function assigneeText(m: Translator, assignee: AtRiskTicket['assignee']) {
  if (assignee === null) return <Muted>{m.t('projectPage.atRisk.unassigned')}</Muted>;
  // Jira did not say who it is (a closed account, Jira busy): never show the account id instead.
  return assignee.name ?? <Muted>{m.t('projectPage.atRisk.someone')}</Muted>;
}

/** Open tickets most likely to end badly: the ones an agent can still turn around. Sortable. */
export function AtRiskList({ tickets }: { tickets: readonly AtRiskTicket[] }) {
  const m = useMessages();
  const [sort, setSort] = useState<Sort>({ key: 'risk', descending: true });
  if (tickets.length === 0) return <Muted>{m.t('projectPage.atRisk.none')}</Muted>;
  const sorted = [...tickets].sort((a, b) => compare(a, b, sort.key, sort.descending, m));
  const sortedBy = COLUMNS.find((c) => c.key === sort.key)?.label;
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
          {m.t(sort.descending ? 'projectPage.atRisk.captionDown' : 'projectPage.atRisk.captionUp', {
            column: sortedBy !== undefined ? m.t(sortedBy) : '',
          })}
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
                  {m.t(c.label)}
                  <span aria-hidden style={{ opacity: sort.key === c.key ? 1 : 0.3 }}>
                    {sort.key === c.key && !sort.descending ? ' ▴' : ' ▾'}
                  </span>
                </button>
              </th>
            ))}
            <th scope="col">{m.t('projectPage.atRisk.col.why')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((t) => (
            <tr key={t.issueKey}>
              <th scope="row" style={{ fontWeight: 400 }}>
                <IssueLink issueKey={t.issueKey} newTab />
              </th>
              <td>
                <Lozenge appearance={RISK_APPEARANCE[t.riskLevel]}>{m.t(RISK_TEXT[t.riskLevel])}</Lozenge>
              </td>
              <td>{assigneeText(m, t.assignee)}</td>
              <td>
                {t.ageHours !== null ? (
                  <span title={m.t('projectPage.atRisk.raised', { age: ageText(m, t.ageHours) })}>
                    {ageText(m, t.ageHours)}
                  </span>
                ) : (
                  <Muted>{m.t('projectPage.atRisk.unknown')}</Muted>
                )}
              </td>
              <td>{requestTypeLabel(m, t.requestTypeId, t.requestTypeName)}</td>
              <td>
                {t.lastScore !== null ? (
                  answerWords(m, t.lastScore.kind, t.lastScore.score)
                ) : (
                  <Muted>{m.t('projectPage.atRisk.noAnswer')}</Muted>
                )}
              </td>
              <td>{t.mood !== null ? moodText(m, t.mood) : <Muted>{m.t('projectPage.atRisk.noComments')}</Muted>}</td>
              <td>
                <ul style={{ margin: 0, paddingInlineStart: token('space.200') }}>
                  {t.reasons.map((r) => (
                    <li key={r.code}>{reasonText(m, r)}</li>
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
