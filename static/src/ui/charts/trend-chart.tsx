import type { Translator } from '@domain/i18n';
import { useMessages } from '../../i18n/messages';
import { token } from '@atlaskit/tokens';
import { Area, LinePath } from '@visx/shape';
import { type KeyboardEvent, type PointerEvent, useId, useMemo, useState } from 'react';
import { formatChartDate, formatScore } from '../format';
import { AXIS_TEXT, CHART, ChartTooltip, Legend, LegendItem } from './chart-parts';
import { indexTicks, linear } from './linear';
import { useWidth } from './use-width';

export interface TrendDay {
  readonly at: number;
  /** That day's own score; null on a day without experience data. */
  readonly score: number | null;
  readonly interval: { readonly lower: number; readonly upper: number } | null;
  /** Answers and scored comments behind that day's score. */
  readonly sampleSize: number;
}

export interface TrendChartProps {
  readonly days: readonly TrendDay[];
  /** The headline: the whole window's score (decayed), drawn as a level line beside the daily ones. */
  readonly windowScore: number | null;
  readonly target: number;
  readonly label: string;
  readonly height?: number;
}

const PAD = { left: 34, right: 12, top: 12, bottom: 24 };

type Known = TrendDay & { readonly score: number; readonly index: number };

/**
 * The daily score over the window: each day's score and 95 % interval, the window's headline score
 * and the target. Days without data are skipped (the line joins the days that have data), never
 * drawn as 0. Hover or focus the chart, then use the arrow keys, to read each day.
 */
export default function TrendChart({ days, windowScore, target, label, height = 220 }: TrendChartProps) {
  const m = useMessages();
  const [ref, width] = useWidth<HTMLDivElement>(600, PAD.left + PAD.right + 10);
  const [active, setActive] = useState<number | null>(null);
  const liveId = useId();
  const known = useMemo(
    () => days.map((d, index) => ({ ...d, index })).filter((d): d is Known => d.score !== null),
    [days],
  );
  const innerWidth = width - PAD.left - PAD.right;
  const x = linear([0, Math.max(1, days.length - 1)], [PAD.left, PAD.left + innerWidth]);
  const y = linear([0, 100], [height - PAD.bottom, PAD.top], true);
  const activeDay = active !== null ? days[active] : undefined;
  const dateTicks = indexTicks(days.length - 1, Math.max(2, Math.min(7, Math.floor(innerWidth / 110))));

  function nearestKnown(index: number): number | null {
    let best: Known | undefined;
    for (const d of known) if (best === undefined || Math.abs(d.index - index) < Math.abs(best.index - index)) best = d;
    return best?.index ?? null;
  }
  function onPointer(e: PointerEvent<SVGSVGElement>) {
    const box = e.currentTarget.getBoundingClientRect();
    setActive(nearestKnown(Math.round(x.invert(e.clientX - box.left))));
  }
  function onKey(e: KeyboardEvent<HTMLDivElement>) {
    if (known.length === 0) return;
    const at = known.findIndex((d) => d.index === active);
    let next: number | null = null;
    if (e.key === 'ArrowRight') next = known[Math.min(known.length - 1, at < 0 ? 0 : at + 1)]?.index ?? null;
    else if (e.key === 'ArrowLeft') next = known[Math.max(0, at < 0 ? known.length - 1 : at - 1)]?.index ?? null;
    else if (e.key === 'Home') next = known[0]?.index ?? null;
    else if (e.key === 'End') next = known.at(-1)?.index ?? null;
    else if (e.key === 'Escape') return setActive(null);
    else return;
    e.preventDefault();
    setActive(next);
  }

  const readout = activeDay !== undefined ? dayText(m, activeDay) : '';
  return (
    <figure style={{ margin: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div
        ref={ref}
        tabIndex={0}
        role="group"
        aria-label={m.t('projectPage.chart.trend.keys', { label })}
        aria-describedby={liveId}
        onKeyDown={onKey}
        onFocus={() => setActive((a) => a ?? known.at(-1)?.index ?? null)}
        onBlur={() => setActive(null)}
        className="sentio-chart"
        style={{ position: 'relative', width: '100%' }}
      >
        <svg
          width={width}
          height={height}
          aria-hidden
          focusable="false"
          onPointerMove={onPointer}
          onPointerLeave={() => setActive(null)}
          style={{ display: 'block', touchAction: 'pan-y' }}
        >
          {[0, 25, 50, 75, 100].map((tick) => (
            <g key={tick}>
              <line x1={PAD.left} x2={PAD.left + innerWidth} y1={y(tick)} y2={y(tick)} style={{ stroke: CHART.grid }} />
              <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" style={AXIS_TEXT}>
                {tick}
              </text>
            </g>
          ))}
          {dateTicks.map((t) => {
            const day = days[t];
            return day === undefined ? null : (
              <text key={t} x={x(t)} y={height - 6} textAnchor="middle" style={AXIS_TEXT}>
                {formatChartDate(m.locale, day.at)}
              </text>
            );
          })}
          <Area<Known>
            data={known}
            defined={(d) => d.interval !== null}
            x={(d) => x(d.index)}
            y0={(d) => y(d.interval?.lower ?? d.score)}
            y1={(d) => y(d.interval?.upper ?? d.score)}
            style={{ fill: CHART.band, stroke: 'none' }}
          />
          <line
            x1={PAD.left}
            x2={PAD.left + innerWidth}
            y1={y(target)}
            y2={y(target)}
            strokeDasharray="6 4"
            style={{ stroke: CHART.target, strokeWidth: 2 }}
          />
          {windowScore !== null ? (
            <line
              x1={PAD.left}
              x2={PAD.left + innerWidth}
              y1={y(windowScore)}
              y2={y(windowScore)}
              strokeDasharray="2 3"
              style={{ stroke: CHART.window, strokeWidth: 2 }}
            />
          ) : null}
          <LinePath<Known>
            data={known}
            x={(d) => x(d.index)}
            y={(d) => y(d.score)}
            style={{ stroke: CHART.line, strokeWidth: 2, fill: 'none', strokeLinejoin: 'round' }}
          />
          {known.map((d) => (
            <circle
              key={d.index}
              cx={x(d.index)}
              cy={y(d.score)}
              r={d.index === active ? 5 : 3}
              style={{ fill: CHART.line, stroke: token('elevation.surface'), strokeWidth: 1 }}
            />
          ))}
          {activeDay !== undefined && active !== null ? (
            <line
              x1={x(active)}
              x2={x(active)}
              y1={PAD.top}
              y2={height - PAD.bottom}
              style={{ stroke: CHART.axis, strokeWidth: 1 }}
            />
          ) : null}
        </svg>
        {activeDay !== undefined && active !== null ? (
          <ChartTooltip left={x(active)} top={PAD.top} width={width}>
            <strong>{formatChartDate(m.locale, activeDay.at, 'medium')}</strong>
            <br />
            {readout}
          </ChartTooltip>
        ) : null}
        <span id={liveId} aria-live="polite" className="sentio-visually-hidden">
          {readout}
        </span>
      </div>
      <Legend label={m.t('projectPage.chart.legend')}>
        <LegendItem swatch={<line x1={0} x2={22} y1={6} y2={6} style={{ stroke: CHART.line, strokeWidth: 2 }} />}>
          {m.t('projectPage.chart.trend.daily')}
        </LegendItem>
        <LegendItem swatch={<rect x={0} y={1} width={22} height={10} style={{ fill: CHART.band }} />}>
          {m.t('projectPage.chart.trend.band')}
        </LegendItem>
        {windowScore !== null ? (
          <LegendItem
            swatch={
              <line
                x1={0}
                x2={22}
                y1={6}
                y2={6}
                strokeDasharray="2 3"
                style={{ stroke: CHART.window, strokeWidth: 2 }}
              />
            }
          >
            {m.t('projectPage.chart.trend.window', { score: formatScore(windowScore) })}
          </LegendItem>
        ) : null}
        <LegendItem
          swatch={
            <line x1={0} x2={22} y1={6} y2={6} strokeDasharray="6 4" style={{ stroke: CHART.target, strokeWidth: 2 }} />
          }
        >
          {m.t('projectPage.chart.trend.target', { target: formatScore(target) })}
        </LegendItem>
      </Legend>
      <figcaption style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>
        {m.t('projectPage.chart.trend.caption')}
        {known.length < days.length
          ? ` ${m.t('projectPage.chart.trend.gaps', { missing: days.length - known.length, days: days.length })}`
          : ''}
      </figcaption>
    </figure>
  );
}

function dayText(m: Translator, day: TrendDay): string {
  if (day.score === null) return m.t('projectPage.chart.trend.none');
  const interval =
    day.interval !== null
      ? m.t('projectPage.chart.trend.interval', {
          lower: formatScore(day.interval.lower),
          upper: formatScore(day.interval.upper),
        })
      : '';
  return m.t('projectPage.chart.trend.day', { score: formatScore(day.score), interval, count: day.sampleSize });
}
