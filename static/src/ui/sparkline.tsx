import { token } from '@atlaskit/tokens';

interface SparklineProps {
  readonly values: readonly number[];
  /** The value range the line is drawn against, so two sparklines of one kind compare. */
  readonly min: number;
  readonly max: number;
  /** Read out instead of the picture, e.g. "Mood went from −0.4 to 0.3 over 5 comments". */
  readonly label: string;
  readonly width?: number;
  readonly height?: number;
}

/** A tiny line chart in plain SVG: a chart library would cost more than the whole view. */
export function Sparkline({ values, min, max, label, width = 120, height = 28 }: SparklineProps) {
  const pad = 3;
  const span = max - min || 1;
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => pad + (1 - (Math.min(max, Math.max(min, v)) - min) / span) * (height - 2 * pad);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values.at(-1);
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {min < 0 && max > 0 ? (
        <line x1={0} x2={width} y1={y(0)} y2={y(0)} stroke={token('color.border')} strokeDasharray="2 2" />
      ) : null}
      {values.length > 1 ? (
        <polyline
          points={points}
          fill="none"
          stroke={token('color.chart.brand')}
          strokeWidth={2}
          strokeLinejoin="round"
        />
      ) : null}
      {last !== undefined ? (
        <circle cx={x(values.length - 1)} cy={y(last)} r={2.5} fill={token('color.chart.brand')} />
      ) : null}
    </svg>
  );
}
