import { token } from '@atlaskit/tokens';
import { formatDate } from './format';

export interface SeriesPoint {
  readonly at: number;
  /** Null on a day without enough data: drawn as a gap, never as 0. */
  readonly value: number | null;
}

interface SeriesChartProps {
  readonly points: readonly SeriesPoint[];
  readonly target: number | null;
  readonly label: string;
  readonly height?: number;
}

const WIDTH = 600;

/** The daily XLA series on a 0–100 axis with the target line; scales to its container's width. */
export function SeriesChart({ points, target, label, height = 140 }: SeriesChartProps) {
  const pad = { left: 28, right: 8, top: 8, bottom: 20 };
  const innerW = WIDTH - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (v: number) => pad.top + (1 - Math.min(100, Math.max(0, v)) / 100) * innerH;

  // Split into runs of known values so a day without data breaks the line.
  const runs: string[] = [];
  let current: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (current.length > 0) runs.push(current.join(' '));
      current = [];
    } else {
      current.push(`${x(i).toFixed(1)},${y(p.value).toFixed(1)}`);
    }
  });
  if (current.length > 0) runs.push(current.join(' '));

  const first = points[0];
  const last = points.at(-1);
  const textStyle = { fill: token('color.text.subtlest'), fontSize: 11 };
  return (
    // Scaled uniformly (a stretched viewBox stretches the axis text too), and no wider than 1.5×.
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      preserveAspectRatio="xMinYMid meet"
      style={{ maxWidth: WIDTH * 1.5, display: 'block' }}
    >
      {[0, 50, 100].map((tick) => (
        <g key={tick}>
          <line
            x1={pad.left}
            x2={WIDTH - pad.right}
            y1={y(tick)}
            y2={y(tick)}
            stroke={token('color.border')}
            strokeWidth={1}
          />
          <text x={pad.left - 4} y={y(tick) + 4} textAnchor="end" style={textStyle}>
            {tick}
          </text>
        </g>
      ))}
      {target !== null ? (
        <line
          x1={pad.left}
          x2={WIDTH - pad.right}
          y1={y(target)}
          y2={y(target)}
          stroke={token('color.border.success')}
          strokeDasharray="4 3"
          strokeWidth={1.5}
        />
      ) : null}
      {runs.map((run, i) =>
        run.includes(' ') ? (
          <polyline
            key={i}
            points={run}
            fill="none"
            stroke={token('color.chart.brand')}
            strokeWidth={2}
            strokeLinejoin="round"
          />
        ) : (
          <circle
            key={i}
            cx={Number(run.split(',')[0])}
            cy={Number(run.split(',')[1])}
            r={2.5}
            fill={token('color.chart.brand')}
          />
        ),
      )}
      {first ? (
        <text x={pad.left} y={height - 4} style={textStyle}>
          {formatDate(first.at)}
        </text>
      ) : null}
      {last && points.length > 1 ? (
        <text x={WIDTH - pad.right} y={height - 4} textAnchor="end" style={textStyle}>
          {formatDate(last.at)}
        </text>
      ) : null}
    </svg>
  );
}
