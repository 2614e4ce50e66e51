import { useMessages } from '../../i18n/messages';
import { formatScore } from '../format';
import { AXIS_TEXT, CHART } from './chart-parts';
import { linear } from './linear';
import { useWidth } from './use-width';

export type ScoreBand = 'met' | 'at-risk' | 'breached';

export interface ScoreBarProps {
  readonly score: number;
  readonly interval: { readonly lower: number; readonly upper: number } | null;
  readonly target: number;
  readonly band: ScoreBand;
  readonly label: string;
}

const FILL = { met: CHART.good, 'at-risk': CHART.warn, breached: CHART.bad } as const;
export const SCORE_BAR_HEIGHT = 40;

/** One XLA score on its 0–100 scale: the bar, its 95 % interval as a whisker, and the target mark. */
export default function ScoreBar({ score, interval, target, band, label }: ScoreBarProps) {
  const m = useMessages();
  const [ref, width] = useWidth<HTMLDivElement>(200, 3);
  const x = linear([0, 100], [1, width - 1], true);
  const barY = 6;
  const barH = 10;
  const mid = barY + barH / 2;
  return (
    <div ref={ref} style={{ width: '100%' }}>
      <svg width={width} height={SCORE_BAR_HEIGHT} role="img" aria-label={label} style={{ display: 'block' }}>
        <rect
          x={x(0)}
          y={barY}
          width={x(100) - x(0)}
          height={barH}
          rx={3}
          style={{ fill: CHART.neutral, opacity: 0.35 }}
        />
        <rect
          x={x(0)}
          y={barY}
          width={Math.max(0, x(score) - x(0))}
          height={barH}
          rx={3}
          style={{ fill: FILL[band] }}
        />
        {interval !== null ? (
          <g style={{ stroke: CHART.axis, strokeWidth: 1.5 }}>
            <line x1={x(interval.lower)} x2={x(interval.upper)} y1={mid} y2={mid} />
            <line x1={x(interval.lower)} x2={x(interval.lower)} y1={mid - 5} y2={mid + 5} />
            <line x1={x(interval.upper)} x2={x(interval.upper)} y1={mid - 5} y2={mid + 5} />
          </g>
        ) : null}
        <line
          x1={x(target)}
          x2={x(target)}
          y1={barY - 4}
          y2={barY + barH + 4}
          style={{ stroke: CHART.target, strokeWidth: 3 }}
        />
        <text
          x={x(target)}
          y={SCORE_BAR_HEIGHT - 2}
          textAnchor={target > 85 ? 'end' : target < 15 ? 'start' : 'middle'}
          style={AXIS_TEXT}
        >
          {m.t('projectPage.chart.scoreBarTarget', { target: formatScore(target) })}
        </text>
      </svg>
    </div>
  );
}
