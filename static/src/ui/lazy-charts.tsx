import { lazy, Suspense } from 'react';
import type { MoodPoint } from './charts/mood-chart';
import type { QuadrantChartProps } from './charts/quadrant-chart';
import type { ScoreBarProps } from './charts/score-bar';
import type { TrendChartProps } from './charts/trend-chart';

/**
 * The charts (visx, docs/ui-charts.md) load on demand in their own chunk, after the numbers they
 * illustrate are on screen: every number is also written out, so a view never waits on a chart.
 * Until the chunk is in, a box of the chart's height holds its place (no layout jump).
 */
const Trend = lazy(() => import('./charts/trend-chart'));
const Bar = lazy(() => import('./charts/score-bar'));
const Quadrant = lazy(() => import('./charts/quadrant-chart'));
const Mood = lazy(() => import('./charts/mood-chart'));

function Space({ height }: { height: number }) {
  return <div aria-hidden style={{ height }} />;
}

export function TrendChart(props: TrendChartProps) {
  return (
    <Suspense fallback={<Space height={(props.height ?? 220) + 28} />}>
      <Trend {...props} />
    </Suspense>
  );
}

export function ScoreBar(props: ScoreBarProps) {
  return (
    <Suspense fallback={<Space height={40} />}>
      <Bar {...props} />
    </Suspense>
  );
}

export function QuadrantChart(props: QuadrantChartProps) {
  return (
    <Suspense fallback={<Space height={290} />}>
      <Quadrant {...props} />
    </Suspense>
  );
}

export function MoodChart(props: { points: readonly MoodPoint[]; label: string }) {
  return (
    <Suspense fallback={<Space height={96} />}>
      <Mood {...props} />
    </Suspense>
  );
}
