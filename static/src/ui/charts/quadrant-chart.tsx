import { useMessages } from '../../i18n/messages';
import { token } from '@atlaskit/tokens';
import { formatPercent } from '@domain/i18n/format';
import { formatScore } from '../format';
import { AXIS_TEXT, CHART, Legend, LegendItem } from './chart-parts';
import { linear } from './linear';
import { useWidth } from './use-width';

export interface QuadrantPoint {
  readonly key: string;
  readonly name: string;
  /** SLA met, 0..1. */
  readonly slaMet: number;
  readonly score: number;
  readonly flagged: boolean;
}

export interface QuadrantChartProps {
  readonly points: readonly QuadrantPoint[];
  /** Where "SLAs look green" starts, 0..1. */
  readonly slaLine: number;
  /** The XLA's target score. */
  readonly target: number | null;
  readonly label: string;
}

const PAD = { left: 40, right: 16, top: 16, bottom: 34 };
const HEIGHT = 260;

/**
 * SLA met against XLA score, one dot per request type. Bottom right is the watermelon corner:
 * SLAs green, experience red. Flagged request types are filled red and named.
 */
export default function QuadrantChart({ points, slaLine, target, label }: QuadrantChartProps) {
  const m = useMessages();
  const [ref, width] = useWidth<HTMLElement>(480, PAD.left + PAD.right + 1);
  const chartWidth = Math.min(width, 640);
  const x = linear([0, 1], [PAD.left, chartWidth - PAD.right], true);
  const y = linear([0, 100], [HEIGHT - PAD.bottom, PAD.top], true);
  const corner = { fill: token('color.background.danger'), opacity: 0.6 };
  return (
    <figure ref={ref} style={{ margin: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <svg width={chartWidth} height={HEIGHT} role="img" aria-label={label} style={{ display: 'block' }}>
        <rect
          x={x(slaLine)}
          y={target !== null ? y(target) : y(50)}
          width={x(1) - x(slaLine)}
          height={y(0) - (target !== null ? y(target) : y(50))}
          style={corner}
        />
        <text x={x(1) - 4} y={y(0) - 6} textAnchor="end" style={{ ...AXIS_TEXT, fill: token('color.text.danger') }}>
          {m.t('projectPage.chart.quadrant.corner')}
        </text>
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line x1={x(0)} x2={x(1)} y1={y(t)} y2={y(t)} style={{ stroke: CHART.grid }} />
            <text x={x(0) - 6} y={y(t) + 4} textAnchor="end" style={AXIS_TEXT}>
              {t}
            </text>
          </g>
        ))}
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <text key={t} x={x(t)} y={HEIGHT - PAD.bottom + 14} textAnchor="middle" style={AXIS_TEXT}>
            {Math.round(t * 100)} %
          </text>
        ))}
        <text x={(x(0) + x(1)) / 2} y={HEIGHT - 4} textAnchor="middle" style={AXIS_TEXT}>
          {m.t('projectPage.chart.quadrant.x')}
        </text>
        <text
          x={12}
          y={(y(0) + y(100)) / 2}
          textAnchor="middle"
          transform={`rotate(-90 12 ${(y(0) + y(100)) / 2})`}
          style={AXIS_TEXT}
        >
          {m.t('projectPage.chart.quadrant.y')}
        </text>
        <line
          x1={x(slaLine)}
          x2={x(slaLine)}
          y1={y(0)}
          y2={y(100)}
          strokeDasharray="4 3"
          style={{ stroke: CHART.axis }}
        />
        {target !== null ? (
          <line
            x1={x(0)}
            x2={x(1)}
            y1={y(target)}
            y2={y(target)}
            strokeDasharray="6 4"
            style={{ stroke: CHART.target, strokeWidth: 2 }}
          />
        ) : null}
        {points.map((p) => (
          <g key={p.key}>
            <circle
              cx={x(p.slaMet)}
              cy={y(p.score)}
              r={p.flagged ? 7 : 5}
              style={{
                fill: p.flagged ? CHART.bad : CHART.line,
                stroke: token('elevation.surface'),
                strokeWidth: 1.5,
              }}
            >
              <title>
                {m.t('projectPage.chart.quadrant.point', {
                  name: p.name,
                  sla: formatPercent(m.locale, p.slaMet),
                  score: formatScore(p.score),
                  flagged: p.flagged ? 'yes' : 'no',
                })}
              </title>
            </circle>
            <text
              x={x(p.slaMet) + (p.slaMet > 0.8 ? -10 : 10)}
              y={y(p.score) + 4}
              textAnchor={p.slaMet > 0.8 ? 'end' : 'start'}
              style={{ ...AXIS_TEXT, fill: token('color.text.subtle') }}
            >
              {p.name}
            </text>
          </g>
        ))}
      </svg>
      <Legend label={m.t('projectPage.chart.legend')}>
        <LegendItem swatch={<circle cx={11} cy={6} r={5} style={{ fill: CHART.line }} />}>
          {m.t('projectPage.chart.quadrant.requestType')}
        </LegendItem>
        <LegendItem swatch={<circle cx={11} cy={6} r={5} style={{ fill: CHART.bad }} />}>
          {m.t('projectPage.chart.quadrant.flagged')}
        </LegendItem>
        {target !== null ? (
          <LegendItem
            swatch={
              <line
                x1={0}
                x2={22}
                y1={6}
                y2={6}
                strokeDasharray="6 4"
                style={{ stroke: CHART.target, strokeWidth: 2 }}
              />
            }
          >
            {m.t('projectPage.chart.quadrant.target', { target: formatScore(target) })}
          </LegendItem>
        ) : null}
        <LegendItem swatch={<line x1={0} x2={22} y1={6} y2={6} strokeDasharray="4 3" style={{ stroke: CHART.axis }} />}>
          {m.t('projectPage.chart.quadrant.slaLine', { sla: formatPercent(m.locale, slaLine) })}
        </LegendItem>
      </Legend>
    </figure>
  );
}
