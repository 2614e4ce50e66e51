import { token } from '@atlaskit/tokens';
import type { CSSProperties, ReactNode } from 'react';

/** Chart colours are design tokens, so both themes get Jira's own chart palette. */
export const CHART = {
  line: token('color.chart.brand'),
  band: token('color.background.accent.blue.subtlest'),
  bandEdge: token('color.chart.brand'),
  window: token('color.chart.purple.bold'),
  target: token('color.chart.success.bold'),
  grid: token('color.border'),
  axis: token('color.text.subtlest'),
  bad: token('color.chart.danger.bold'),
  warn: token('color.chart.warning.bold'),
  good: token('color.chart.success.bold'),
  neutral: token('color.chart.neutral'),
} as const;

export const AXIS_TEXT: CSSProperties = { fill: CHART.axis, fontSize: 11, fontFamily: 'inherit' };

/** One legend entry: a swatch drawn the way the series is drawn, and its name. */
export function LegendItem({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <li style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
      <svg width={22} height={12} aria-hidden focusable="false">
        {swatch}
      </svg>
      <span>{children}</span>
    </li>
  );
}

export function Legend({ children, label }: { children: ReactNode; label: string }) {
  return (
    <ul
      aria-label={label}
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'flex',
        flexWrap: 'wrap',
        gap: `${token('space.050')} ${token('space.200')}`,
        font: token('font.body.small'),
        color: token('color.text.subtle'),
      }}
    >
      {children}
    </ul>
  );
}

/** The floating read-out of the point under the pointer or the keyboard focus. */
export function ChartTooltip({
  left,
  top,
  width,
  children,
}: {
  left: number;
  top: number;
  width: number;
  children: ReactNode;
}) {
  const boxWidth = 220;
  const x = Math.min(Math.max(0, left - boxWidth / 2), Math.max(0, width - boxWidth));
  return (
    <div
      aria-hidden
      style={{
        position: 'absolute',
        left: x,
        top,
        width: boxWidth,
        pointerEvents: 'none',
        background: token('elevation.surface.overlay'),
        boxShadow: token('elevation.shadow.overlay'),
        borderRadius: token('radius.small'),
        padding: token('space.100'),
        font: token('font.body.small'),
        color: token('color.text'),
        zIndex: 1,
      }}
    >
      {children}
    </div>
  );
}
