import type { Scorecard } from '@domain/scorecard';
import { dayStart } from '@domain/time';
import { TrendChart } from '../../ui/lazy-charts';
import { formatScore } from '../../ui/format';

/** The daily score with its interval, beside the window's headline score and the target. */
export function ScorecardSeries({ card, height }: { card: Scorecard; height?: number }) {
  const days = card.daily.map((d) => ({
    at: dayStart(d.day),
    score: d.score,
    interval: d.interval,
    sampleSize: d.sampleSize,
  }));
  const known = days.filter((p) => p.score !== null).length;
  return (
    <TrendChart
      days={days}
      windowScore={card.status === 'not-enough-data' ? null : card.score}
      target={card.targetScore}
      {...(height !== undefined ? { height } : {})}
      label={`Daily score of ${card.name} over ${days.length} days, ${known} days with data, target ${formatScore(card.targetScore)}${card.score !== null ? `, window score ${formatScore(card.score)}` : ''}`}
    />
  );
}
