/**
 * Messages as a deployed app finds them: Forge's own lookup (@forge/i18n, with manifest.yml's
 * fallback rules) under the domain's ICU formatter. Expected strings are written out by hand.
 */
import fc from 'fast-check';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { QUESTION_KINDS, SCALES } from '../../../src/domain/question';
import {
  createTranslator,
  formatPercent,
  formatRelative,
  SUPPORTED_LOCALES,
  type MessageValues,
} from '../../../src/domain/i18n';
import { scalePointKey, scorePhrase } from '../../../src/domain/survey/localized-question';
import { forgeTranslate, forgeTranslator } from '../../i18n/forge-translations';

describe('translator', () => {
  it('fills placeholders and chooses plural forms by the locale’s rules', async () => {
    const en = await forgeTranslator('en-US');
    const de = await forgeTranslator('de-DE');
    const ja = await forgeTranslator('ja-JP');
    expect(en.t('sentiment.languageShare', { share: 0.25, count: 1 })).toBe(
      '25% of requester comments not scored (language): 1 comment',
    );
    expect(de.t('sentiment.languageShare', { share: 0.25, count: 3 })).toBe(
      '25\u00a0% der Kommentare von Anfragenden nicht bewertet (Sprache): 3 Kommentare',
    );
    expect(ja.t('sentiment.languageShare', { share: 0.5, count: 1 })).toBe(
      '依頼者コメントの 50% が未評価（言語）：1 件',
    );
  });

  it('falls back as manifest.yml says: pt-PT reads pt-BR; an unshipped locale reads English', async () => {
    expect((await forgeTranslate('pt-PT'))('portal.send')).toBe('Enviar');
    expect((await forgeTranslate('ko-KR'))('portal.send')).toBe('Send');
  });

  it('shows the key for a message nobody has, as Forge’s t does', async () => {
    const t = createTranslator('en-US', (key) => key);
    expect(t.t('portal.send')).toBe('portal.send');
  });

  it('names every point of every scale that has words, in every scale kind', async () => {
    const en = await forgeTranslator('en-US');
    for (const kind of QUESTION_KINDS) {
      for (let s = SCALES[kind].min; s <= SCALES[kind].max; s++) {
        const key = scalePointKey(kind, s);
        if (key !== null) expect(en.t(key), `${kind} ${s}`).not.toBe(key);
      }
    }
    expect(scorePhrase(en, 'csat5', 4)).toBe('4, Satisfied');
    expect(scorePhrase(await forgeTranslator('de-DE'), 'ces7', 1)).toBe('1, Sehr einfach');
    expect(scorePhrase(en, 'happiness10', 7)).toBe('7');
    expect(scorePhrase(await forgeTranslator('fr-FR'), 'thumbs', 1)).toBe('Pouce vers le haut, bien');
  });
});

describe('Intl formatting', () => {
  it('formats percentages and relative times in the reader’s locale', () => {
    expect(formatPercent('en-US', 0.125)).toBe('13%');
    expect(formatPercent('de-DE', 0.125)).toBe('13\u00a0%');
    const now = Date.UTC(2026, 0, 10, 12);
    expect(formatRelative('en-US', now - 3 * 3_600_000, now)).toBe('3 hours ago');
    expect(formatRelative('de-DE', now - 3 * 3_600_000, now)).toBe('vor 3 Stunden');
    expect(formatRelative('ja-JP', now - 86_400_000, now)).toBe('昨日');
  });
});

describe('messages without ICU syntax', () => {
  // Oracle: intl-messageformat itself, which the translator skips for messages it reads as written.
  it('read exactly as intl-messageformat formats them, in every shipped locale', () => {
    const text = fc.string({ unit: fc.constantFrom(..."ab <>/#|,.:;!?%&*=-_\n\t 0é漢字'{}".split('')) });
    fc.assert(
      fc.property(text, fc.constantFrom(...SUPPORTED_LOCALES), (message, locale) => {
        let icu: IntlMessageFormat | null;
        try {
          icu = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
        } catch {
          icu = null; // a message that does not parse shows its key
        }
        let expected = 'portal.send';
        if (icu !== null) {
          try {
            expected = String(icu.format());
          } catch {
            fc.pre(false); // it needs values this message is not given
          }
        }
        expect(createTranslator(locale, () => message).t('portal.send')).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('fill simple placeholders exactly as intl-messageformat does, whatever the values', () => {
    const chunk = fc.string({ unit: fc.constantFrom(..."ab #,.:!%-\n 0é漢{}'".split('')), maxLength: 6 });
    const placeholder = fc.constantFrom('{a}', '{b}', '{ a }', '{a, number}', '{0}');
    const message = fc.array(fc.oneof(chunk, placeholder), { maxLength: 6 }).map((xs) => xs.join(''));
    const value = fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.constant(new Date(0)),
    );
    const values = fc.record({ a: value, b: value }, { requiredKeys: [] });
    const outcome = (f: () => string): string => {
      try {
        return f();
      } catch (e) {
        return `throws ${(e as Error).constructor.name}`;
      }
    };
    fc.assert(
      fc.property(message, values, fc.constantFrom(...SUPPORTED_LOCALES), (text, vals, locale) => {
        let icu: IntlMessageFormat | null = null;
        try {
          icu = new IntlMessageFormat(text, locale, undefined, { ignoreTag: true });
        } catch {
          // a message that does not parse shows its key
        }
        const expected = icu === null ? 'portal.send' : outcome(() => String(icu.format(vals)));
        expect(outcome(() => createTranslator(locale, () => text).t('portal.send', vals))).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('still fill placeholders, escapes and plurals through ICU', () => {
    const t = (text: string, values?: MessageValues): string =>
      createTranslator('en-US', () => text).t('portal.send', values);
    expect(t("It''s done")).toBe("It's done");
    expect(t("'{braces}'")).toBe('{braces}');
    expect(t('{n, plural, one {# ask} other {# asks}}', { n: 2 })).toBe('2 asks');
  });
});
