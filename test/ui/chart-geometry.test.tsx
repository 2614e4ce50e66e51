// @vitest-environment jsdom
/**
 * A chart measured before layout, or in a column a few pixels wide, still draws only shapes SVG
 * accepts. Oracle: the SVG specification — a negative `width` or `height` on a <rect> is an error
 * (Chromium logs "A negative value is not valid"), whatever width the chart is given.
 */
import './support/setup';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { loadArea } from '../../static/src/i18n/area-files';
import { withArea } from '../../static/src/i18n/area-messages';
import { MessagesProvider } from '../../static/src/i18n/messages';
import MoodChart from '../../static/src/ui/charts/mood-chart';
import QuadrantChart from '../../static/src/ui/charts/quadrant-chart';
import ScoreBar from '../../static/src/ui/charts/score-bar';
import TrendChart from '../../static/src/ui/charts/trend-chart';
import { forgeTranslator } from '../i18n/forge-translations';

/** Every element whose width or height attribute is negative, as "tag width=-3". */
function negativeSizes(container: HTMLElement): string[] {
  return [...container.querySelectorAll('svg *, svg')].flatMap((el) =>
    ['width', 'height']
      .map((name) => [name, el.getAttribute(name)] as const)
      .filter(([, value]) => value !== null && Number(value) < 0)
      .map(([name, value]) => `${el.tagName} ${name}=${String(value)}`),
  );
}

/** Lays out every element at `width` pixels, as a browser would measure a narrow column. */
function measureAt(width: number): () => void {
  const original = HTMLElement.prototype.getBoundingClientRect;
  HTMLElement.prototype.getBoundingClientRect = function () {
    return { width, height: 0, top: 0, left: 0, right: width, bottom: 0, x: 0, y: 0, toJSON: () => ({}) } as DOMRect;
  };
  return () => {
    HTMLElement.prototype.getBoundingClientRect = original;
  };
}

const DAY = 86_400_000;

describe('charts in a narrow or unmeasured column', () => {
  for (const width of [0, 1, 45, 56, 57, 200]) {
    it(`draws no negative size at ${width} px`, async () => {
      const messages = withArea(await forgeTranslator('en-US'), await loadArea('project', 'en-US'));
      const restore = measureAt(width);
      try {
        const { container } = render(
          <MessagesProvider messages={messages}>
            <QuadrantChart
              points={[
                { key: 'a', name: 'Get IT help', slaMet: 0.95, score: 30, flagged: true },
                { key: 'b', name: 'Request access', slaMet: 0.4, score: 80, flagged: false },
              ]}
              slaLine={0}
              target={80}
              label="SLA met against XLA score"
            />
            <ScoreBar score={42} interval={{ lower: 30, upper: 55 }} target={80} band="breached" label="42" />
            <TrendChart
              days={[
                { at: DAY, score: 40, interval: { lower: 30, upper: 50 }, sampleSize: 12 },
                { at: 2 * DAY, score: null, interval: null, sampleSize: 0 },
                { at: 3 * DAY, score: 70, interval: { lower: 60, upper: 80 }, sampleSize: 9 },
              ]}
              windowScore={55}
              target={80}
              label="Daily score"
            />
            <MoodChart
              points={[
                { at: DAY, mood: -0.6 },
                { at: 2 * DAY, mood: 0.4 },
              ]}
              label="Mood"
            />
          </MessagesProvider>,
        );
        expect(container.querySelectorAll('svg rect').length).toBeGreaterThan(0);
        expect(negativeSizes(container)).toEqual([]);
      } finally {
        restore();
      }
    });
  }
});
