import type { Scorecard } from '@domain/scorecard';
import { dayStart } from '@domain/time';
import { SeriesChart } from '../../ui/series-chart';

/** The daily score as a line with gaps on days without enough answers. */
export function ScorecardSeries({ card }: { card: Scorecard }) {
  const points = card.daily.map((d) => ({ at: dayStart(d.day), value: d.score }));
  const known = points.filter((p) => p.value !== null).length;
  return (
    <SeriesChart
      points={points}
      target={card.targetScore}
      label={`Daily score of ${card.name} over ${points.length} days, ${known} days with data, target ${card.targetScore}`}
    />
  );
}
