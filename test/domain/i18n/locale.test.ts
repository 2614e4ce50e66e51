import { describe, expect, it } from 'vitest';
import { FORGE_SUPPORTED_LOCALE_CODES, ensureLocale } from '@forge/i18n';
import {
  acceptedLanguages,
  DEFAULT_LOCALE,
  directionOf,
  matchLocale,
  negotiateLocale,
  SUPPORTED_LOCALES,
} from '../../../src/domain/i18n';

describe('matching a locale tag to a shipped locale', () => {
  it.each([
    ['de-DE', 'de-DE'],
    ['de_DE', 'de-DE'], // Jira profile form
    ['DE-de', 'de-DE'],
    ['de', 'de-DE'],
    ['de-AT', 'de-DE'],
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['en-GB', 'en-US'],
    ['ja', 'ja-JP'],
    ['es-MX', 'es-ES'],
    ['fr-CA', 'fr-FR'],
  ])('%s → %s', (raw, expected) => {
    expect(matchLocale(raw)).toBe(expected);
  });

  it.each([['ar'], ['zh-CN'], [''], ['  '], [null], [undefined]])('%s matches nothing', (raw) => {
    expect(matchLocale(raw)).toBeNull();
  });

  it('agrees with Forge’s own mapping wherever Forge maps to a locale Sentio ships', () => {
    // Oracle: @forge/i18n ensureLocale, the normalisation @forge/api applies to a locale.
    for (const code of FORGE_SUPPORTED_LOCALE_CODES) {
      const forge = ensureLocale(code);
      if (forge !== null && (SUPPORTED_LOCALES as readonly string[]).includes(forge))
        expect(matchLocale(code)).toBe(forge);
    }
    expect(ensureLocale('de_DE')).toBe(matchLocale('de_DE'));
  });

  it('negotiates the first candidate that matches, else English', () => {
    expect(negotiateLocale(null, 'zh-TW', 'ja')).toBe('ja-JP');
    expect(negotiateLocale('ar', undefined)).toBe(DEFAULT_LOCALE);
    expect(negotiateLocale()).toBe('en-US');
  });
});

describe('Accept-Language', () => {
  it('orders by quality, keeps header order on ties, drops q=0 and *', () => {
    // RFC 9110 §12.5.4's example, plus a zero weight and a wildcard.
    expect(acceptedLanguages('da, en-gb;q=0.8, en;q=0.7')).toEqual(['da', 'en-gb', 'en']);
    expect(acceptedLanguages('fr;q=0.5, ja, de;q=0, *;q=0.1, es;q=0.5')).toEqual(['ja', 'fr', 'es']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});

describe('text direction', () => {
  it('is right to left for Arabic and Hebrew, left to right for the shipped locales', () => {
    expect(['ar', 'ar-EG', 'he-IL'].map(directionOf)).toEqual(['rtl', 'rtl', 'rtl']);
    expect(SUPPORTED_LOCALES.map(directionOf)).toEqual(SUPPORTED_LOCALES.map(() => 'ltr'));
  });
});
