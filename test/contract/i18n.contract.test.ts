// The unmodified @forge/api i18n client against the local host: a function reads the manifest's
// message files with Forge's fallback rules. Oracle: mirror/runtime-reference/i18n/index.md and the
// fallback table of mirror/manifest-reference/translations/index.md.
import { i18n } from '@forge/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../local/index';

let h: RunningHost;

beforeAll(async () => {
  h = await startHost({
    dataDir: ':memory:',
    seed: 'basic',
    delayScale: 0,
    handlers: { 'issue-event': () => undefined },
  });
});
afterAll(async () => {
  await h.close();
});

describe('i18n in a function', () => {
  it('translates with the locale’s file, falls back per manifest (pt-PT → pt-BR) and to the default', async () => {
    const { value } = await h.host.runAs({}, async () => {
      const de = await i18n.createTranslationFunction('de-DE');
      const pt = await i18n.createTranslationFunction('pt-PT');
      const ko = await i18n.createTranslationFunction('ko-KR');
      return [de('oneClick.recorded.title'), pt('portal.send'), ko('portal.send'), de('no.such.key')];
    });
    expect(value).toEqual(['Vielen Dank!', 'Enviar', 'Send', 'no.such.key']);
  });

  it('hands over a whole file, and says which locale it came from', async () => {
    const { value } = await h.host.runAs({}, async () => [
      await i18n.getTranslations('ja-JP'),
      await i18n.getTranslations('it-IT'),
      await i18n.getTranslations('it-IT', { fallback: false }),
    ]);
    expect(value[0]?.locale).toBe('ja-JP');
    expect((value[0]?.translations as { portal: { send: string } }).portal.send).toBe('送信');
    expect([value[1]?.locale, value[2]]).toEqual(['en-US', { locale: 'it-IT', translations: null }]);
  });
});
