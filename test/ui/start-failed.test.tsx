// @vitest-environment jsdom
/**
 * The page shown when Jira gives a view no context: in the browser's language, since the
 * context's is unknown then, its file fetched on demand (English bundled). Oracle: the sentences
 * written out by hand from each message file.
 */
import './support/setup';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StartFailed, startFailedWords } from '../../static/src/app/start-failed';

async function shown(languages: readonly string[], load?: Parameters<typeof startFailedWords>[1]) {
  const { container, unmount } = render(<StartFailed {...await startFailedWords(languages, load)} />);
  const text = container.textContent;
  const lang = document.documentElement.lang;
  unmount();
  return { text, lang };
}

describe('the page shown when a view cannot start', () => {
  it('speaks German to a browser that prefers Austrian German', async () => {
    expect(await shown(['de-AT', 'en-US'])).toEqual({
      text:
        'Sentio konnte nicht starten' +
        'Jira hat nicht rechtzeitig geantwortet. Laden Sie die Seite neu; wenn es wieder passiert, geben Sie einem Jira-Admin Bescheid.',
      lang: 'de-DE',
    });
  });

  it('speaks Japanese', async () => {
    expect((await shown(['ja'])).text).toBe(
      'Sentio を開始できませんでした' +
        'Jira から時間内に応答がありませんでした。ページを再読み込みしてください。再び起きる場合は、Jira 管理者に連絡してください。',
    );
  });

  it('takes the first browser language Sentio ships, and English when none is', async () => {
    expect((await shown(['ar-EG', 'pt-PT'])).lang).toBe('pt-BR');
    expect((await shown(['ar-EG', 'he'])).text).toBe(
      'Sentio could not start' +
        'Jira did not answer in time. Reload the page; if it happens again, tell your Jira admin.',
    );
    expect((await shown([])).lang).toBe('en-US');
  });

  it('speaks English, bundled, when the language’s file cannot be fetched', async () => {
    const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    expect(await shown(['fr-FR'], offline)).toEqual({
      text:
        'Sentio could not start' +
        'Jira did not answer in time. Reload the page; if it happens again, tell your Jira admin.',
      lang: 'en-US',
    });
  });
});
