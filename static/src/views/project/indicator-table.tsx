import { token } from '@atlaskit/tokens';
import type { Scorecard } from '@domain/scorecard';
import { Explain } from '../../ui/explain';
import { formatPercent } from '@domain/i18n/format';
import { formatPercentRange, formatScore } from '../../ui/format';
import { useMessages } from '../../i18n/messages';
import { contributionText, indicatorName, indicatorScoreText, pointsText } from './scorecard-words';

/** Each indicator's rate with its interval and sample, and the points it adds to the score. */
export function IndicatorTable({ card }: { card: Scorecard }) {
  const m = useMessages();
  const total = card.indicators.reduce((sum, i) => sum + (i.contribution ?? 0), 0);
  return (
    <div className="sentio-table-scroll">
      <table className="sentio-table">
        <caption className="sentio-visually-hidden">
          {m.t('projectPage.indicatorTable.caption', { name: card.name })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{m.t('projectPage.indicatorTable.indicator')}</th>
            <th scope="col">{m.t('projectPage.indicatorTable.rate')}</th>
            <th scope="col">{m.t('projectPage.indicatorTable.interval')}</th>
            <th scope="col">{m.t('projectPage.indicatorTable.tickets')}</th>
            <th scope="col">{m.t('projectPage.indicatorTable.score')}</th>
            <th scope="col">
              <Explain text={m.t('projectPage.indicatorTable.shareExplain')}>
                {m.t('projectPage.indicatorTable.share')}
              </Explain>
            </th>
            <th scope="col">
              <Explain text={m.t('projectPage.indicatorTable.pointsExplain')}>
                {m.t('projectPage.indicatorTable.points')}
              </Explain>
            </th>
          </tr>
        </thead>
        <tbody>
          {card.indicators.map((i) => (
            <tr key={i.id}>
              <th scope="row" style={{ fontWeight: 400 }}>
                {indicatorName(m, i.id)}{' '}
                {/* Subtle by colour token, not by opacity: the token keeps 4.5:1 contrast in both themes (axe). */}
                <span style={{ color: token('color.text.subtle') }}>
                  {m.t('projectPage.indicatorTable.group', { group: i.group })}
                </span>
              </th>
              <td>{i.rate !== null ? formatPercent(m.locale, i.rate) : m.t('projectPage.indicatorTable.noData')}</td>
              <td>{i.interval !== null ? formatPercentRange(m.locale, i.interval.lower, i.interval.upper) : '—'}</td>
              <td>{m.t('projectPage.indicatorTable.goodOf', { good: i.good, n: i.n })}</td>
              <td>
                {i.score !== null ? <Explain text={indicatorScoreText(m, i)}>{formatScore(i.score)}</Explain> : '—'}
              </td>
              <td>
                {i.weightShare !== null
                  ? formatPercent(m.locale, i.weightShare)
                  : i.weight === 0
                    ? m.t('projectPage.indicatorTable.notCounted')
                    : '—'}
              </td>
              <td>
                {i.contribution !== null ? (
                  <Explain text={contributionText(m, card, i)}>{pointsText(m, i.contribution)}</Explain>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
        {card.score !== null && card.status !== 'not-enough-data' ? (
          <tfoot>
            <tr>
              <th scope="row" colSpan={6} style={{ fontWeight: 600 }}>
                {m.t('projectPage.indicatorTable.xlaScore')}
              </th>
              <td style={{ fontWeight: 600 }}>{pointsText(m, total)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
