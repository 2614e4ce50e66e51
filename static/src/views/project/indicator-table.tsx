import type { Scorecard } from '@domain/scorecard';
import { formatPercent } from '../../ui/format';
import { INDICATOR_NAME } from './indicator-names';

/** Each indicator's rate with its interval and sample, and the points it adds to the score. */
export function IndicatorTable({ card }: { card: Scorecard }) {
  return (
    <table className="sentio-table">
      <caption className="sentio-visually-hidden">Indicators of {card.name}</caption>
      <thead>
        <tr>
          <th scope="col">Indicator</th>
          <th scope="col">Rate</th>
          <th scope="col">95 % interval</th>
          <th scope="col">Tickets</th>
          <th scope="col">Score</th>
          <th scope="col">Weight</th>
          <th scope="col">Contribution</th>
        </tr>
      </thead>
      <tbody>
        {card.indicators.map((i) => (
          <tr key={i.id}>
            <th scope="row" style={{ fontWeight: 400 }}>
              {INDICATOR_NAME[i.id]}{' '}
              <span style={{ opacity: 0.7 }}>({i.group === 'X' ? 'experience' : 'operations'})</span>
            </th>
            <td>{i.rate !== null ? formatPercent(i.rate) : 'No data'}</td>
            <td>
              {i.interval !== null ? `${formatPercent(i.interval.lower)}–${formatPercent(i.interval.upper)}` : '—'}
            </td>
            <td>
              {i.good}/{i.n}
            </td>
            <td>{i.score !== null ? i.score.toFixed(0) : '—'}</td>
            <td>{i.weightShare !== null ? formatPercent(i.weightShare) : i.weight === 0 ? 'not counted' : '—'}</td>
            <td>{i.contribution !== null ? `${i.contribution.toFixed(1)} pts` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
