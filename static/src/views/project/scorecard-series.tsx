import type { Scorecard } from '@domain/scorecard';
import { dayStart } from '@domain/time';
import { TrendChart } from '../../ui/lazy-charts';
import { formatScore } from '../../ui/format';
import { useMessages } from '../../i18n/messages';

/** The daily score with its interval, beside the window's headline score and the target. */
export function ScorecardSeries({ card, height }: { card: Scorecard; height?: number }) {
  const days = card.daily.map((d) => ({
    at: dayStart(d.day),
    score: d.score,
    interval: d.interval,
    sampleSize: d.sampleSize,
  }));
  const m = useMessages();
  const known = days.filter((p) => p.score !== null).length;
  const label = m.t('projectPage.chart.trend.label', {
    name: card.name,
    days: days.length,
    known,
    target: formatScore(card.targetScore),
  });
  return (
    <TrendChart
      days={days}
      windowScore={card.status === 'not-enough-data' ? null : card.score}
      target={card.targetScore}
      {...(height !== undefined ? { height } : {})}
      label={
        card.score !== null
          ? m.t('projectPage.chart.trend.labelScore', { label, score: formatScore(card.score) })
          : label
      }
    />
  );
}
