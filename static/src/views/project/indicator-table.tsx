import { token } from '@atlaskit/tokens';
import type { Scorecard } from '@domain/scorecard';
import { Explain } from '../../ui/explain';
import { formatPercent, formatScore } from '../../ui/format';
import { INDICATOR_NAME } from '../../ui/indicator-names';
import { contributionText, indicatorScoreText } from './scorecard-words';

/** Each indicator's rate with its interval and sample, and the points it adds to the score. */
export function IndicatorTable({ card }: { card: Scorecard }) {
  const total = card.indicators.reduce((sum, i) => sum + (i.contribution ?? 0), 0);
  return (
    <div className="sentio-table-scroll">
      <table className="sentio-table">
        <caption className="sentio-visually-hidden">Indicators of {card.name}</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Rate</th>
            <th scope="col">95 % interval</th>
            <th scope="col">Tickets</th>
            <th scope="col">Score</th>
            <th scope="col">
              <Explain text="An indicator's weight divided by the weights of the indicators of its group (experience or operations) that have data in this window: an indicator without data passes its weight to the others.">
                Share of group
              </Explain>
            </th>
            <th scope="col">
              <Explain text="Points of the XLA score: score × share of group × the group's share (experience 70 %, operations 30 %, or the lift cap). They add up to the XLA score.">
                Points
              </Explain>
            </th>
          </tr>
        </thead>
        <tbody>
          {card.indicators.map((i) => (
            <tr key={i.id}>
              <th scope="row" style={{ fontWeight: 400 }}>
                {INDICATOR_NAME[i.id]}{' '}
                {/* Subtle by colour token, not by opacity: the token keeps 4.5:1 contrast in both themes (axe). */}
                <span style={{ color: token('color.text.subtle') }}>
                  ({i.group === 'X' ? 'experience' : 'operations'})
                </span>
              </th>
              <td>{i.rate !== null ? formatPercent(i.rate) : 'No data'}</td>
              <td>
                {i.interval !== null ? `${formatPercent(i.interval.lower)}–${formatPercent(i.interval.upper)}` : '—'}
              </td>
              <td>
                {i.good} good of {i.n}
              </td>
              <td>{i.score !== null ? <Explain text={indicatorScoreText(i)}>{formatScore(i.score)}</Explain> : '—'}</td>
              <td>{i.weightShare !== null ? formatPercent(i.weightShare) : i.weight === 0 ? 'Not counted' : '—'}</td>
              <td>
                {i.contribution !== null ? (
                  <Explain text={contributionText(card, i)}>{i.contribution.toFixed(1)}</Explain>
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
                XLA score
              </th>
              <td style={{ fontWeight: 600 }}>{total.toFixed(1)}</td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
