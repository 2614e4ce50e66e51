// @vitest-environment jsdom
/**
 * The charts' own words and dates in the reader's language, from the Forge context's locale and
 * not the browser's. Oracle: German and Japanese written out by hand (CLDR's short month names).
 */
import './support/setup';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Locale } from '@domain/i18n';
import { MessagesProvider } from '../../static/src/i18n/messages';
import MoodChart from '../../static/src/ui/charts/mood-chart';
import { forgeTranslator } from '../i18n/forge-translations';

const DEC_5 = Date.UTC(2026, 11, 5, 12);
const DEC_9 = Date.UTC(2026, 11, 9, 12);

async function moodAxis(locale: Locale): Promise<string[]> {
  const { container } = render(
    <MessagesProvider messages={await forgeTranslator(locale)}>
      <MoodChart
        points={[
          { at: DEC_5, mood: -0.5 },
          { at: DEC_9, mood: 0.4 },
        ]}
        label="mood"
      />
    </MessagesProvider>,
  );
  return [...container.querySelectorAll('svg text')].map((t) => t.textContent ?? '');
}

describe('the mood chart in the reader’s language', () => {
  it('names its scale and dates in German', async () => {
    expect(await moodAxis('de-DE')).toEqual(['positiv', 'neutral', 'negativ', '5. Dez.', '9. Dez.']);
  });

  it('and in Japanese', async () => {
    expect(await moodAxis('ja-JP')).toEqual(['ポジティブ', 'ニュートラル', 'ネガティブ', '12月5日', '12月9日']);
  });

  it('and in English', async () => {
    expect(await moodAxis('en-US')).toEqual(['positive', 'neutral', 'negative', 'Dec 5', 'Dec 9']);
  });
});
