import { token } from '@atlaskit/tokens';
import { LinePath } from '@visx/shape';
import { useMessages } from '../../i18n/messages';
import { formatChartDate } from '../format';
import { AXIS_TEXT, CHART } from './chart-parts';
import { linear } from './linear';
import { useWidth } from './use-width';

export interface MoodPoint {
  readonly at: number;
  readonly mood: number;
}

const PAD = { left: 62, right: 10, top: 8, bottom: 18 };
const HEIGHT = 96;

/** The requester's mood after each scored comment, on its −1..+1 scale, with the scale named. */
export default function MoodChart({ points, label }: { points: readonly MoodPoint[]; label: string }) {
  const m = useMessages();
  const [ref, width] = useWidth<HTMLDivElement>(260, PAD.left + PAD.right + 1);
  const chartWidth = Math.min(width, 420);
  const x = linear([0, Math.max(1, points.length - 1)], [PAD.left, chartWidth - PAD.right]);
  const y = linear([-1, 1], [HEIGHT - PAD.bottom, PAD.top], true);
  const first = points[0];
  const last = points.at(-1);
  return (
    <div ref={ref} style={{ width: '100%' }}>
      <svg width={chartWidth} height={HEIGHT} role="img" aria-label={label} style={{ display: 'block' }}>
        {[
          { v: 1, text: m.t('common.moodScale.positive') },
          { v: 0, text: m.t('common.moodScale.neutral') },
          { v: -1, text: m.t('common.moodScale.negative') },
        ].map((t) => (
          <g key={t.v}>
            <line
              x1={PAD.left}
              x2={chartWidth - PAD.right}
              y1={y(t.v)}
              y2={y(t.v)}
              strokeDasharray={t.v === 0 ? '3 3' : undefined}
              style={{ stroke: CHART.grid }}
            />
            <text x={PAD.left - 6} y={y(t.v) + 4} textAnchor="end" style={AXIS_TEXT}>
              {t.text}
            </text>
          </g>
        ))}
        <LinePath<MoodPoint>
          data={[...points]}
          x={(_, i) => x(i)}
          y={(p) => y(p.mood)}
          style={{ stroke: CHART.line, strokeWidth: 2, fill: 'none' }}
        />
        {points.map((p, i) => (
          <circle
            key={i}
            cx={x(i)}
            cy={y(p.mood)}
            r={3}
            style={{ fill: CHART.line, stroke: token('elevation.surface') }}
          />
        ))}
        {first !== undefined ? (
          <text x={PAD.left} y={HEIGHT - 3} style={AXIS_TEXT}>
            {formatChartDate(m.locale, first.at)}
          </text>
        ) : null}
        {last !== undefined && points.length > 1 ? (
          <text x={chartWidth - PAD.right} y={HEIGHT - 3} textAnchor="end" style={AXIS_TEXT}>
            {formatChartDate(m.locale, last.at)}
          </text>
        ) : null}
      </svg>
    </div>
  );
}
