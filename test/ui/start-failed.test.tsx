// @vitest-environment jsdom
/**
 * The page shown when Jira gives a view no context: in the browser's language, since the
 * context's is unknown then. Oracle: the sentences written out by hand from each message file.
 */
import './support/setup';
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StartFailed } from '../../static/src/app/start-failed';

function shown(languages: readonly string[]) {
  const { container, unmount } = render(<StartFailed languages={languages} />);
  const text = container.textContent;
  const lang = document.documentElement.lang;
  unmount();
  return { text, lang };
}

describe('the page shown when a view cannot start', () => {
  it('speaks German to a browser that prefers Austrian German', () => {
    expect(shown(['de-AT', 'en-US'])).toEqual({
      text:
        'Sentio konnte nicht starten' +
        'Jira hat nicht rechtzeitig geantwortet. Laden Sie die Seite neu; wenn es wieder passiert, geben Sie einem Jira-Admin Bescheid.',
      lang: 'de-DE',
    });
  });

  it('speaks Japanese', () => {
    expect(shown(['ja']).text).toBe(
      'Sentio を開始できませんでした' +
        'Jira から時間内に応答がありませんでした。ページを再読み込みしてください。再び起きる場合は、Jira 管理者に連絡してください。',
    );
  });

  it('takes the first browser language Sentio ships, and English when none is', () => {
    expect(shown(['ar-EG', 'pt-PT']).lang).toBe('pt-BR');
    expect(shown(['ar-EG', 'he']).text).toBe(
      'Sentio could not start' +
        'Jira did not answer in time. Reload the page; if it happens again, tell your Jira admin.',
    );
    expect(shown([]).lang).toBe('en-US');
  });
});
