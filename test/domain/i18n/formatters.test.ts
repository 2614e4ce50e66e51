/**
 * Kept Intl formatters. Oracle: a formatter Intl makes afresh with the same locale and options,
 * over every kind of formatter the views use, in the shipped locales and a few others, with the
 * options of different calls interleaved (a formatter kept for one set of options must never serve
 * another).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dateTimeFormat,
  displayNames,
  listFormat,
  numberFormat,
  relativeTimeFormat,
  SUPPORTED_LOCALES,
} from '../../../src/domain/i18n';

const locales = fc.constantFrom(...SUPPORTED_LOCALES, 'ar-EG', 'hi-IN', 'zh-CN', 'fr-CA');

const numberOptions: fc.Arbitrary<Intl.NumberFormatOptions> = fc.oneof(
  fc.constant({}),
  fc.record({ style: fc.constant('percent' as const), maximumFractionDigits: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    style: fc.constant('unit' as const),
    unit: fc.constantFrom('minute', 'hour', 'day'),
    unitDisplay: fc.constantFrom('short' as const, 'long' as const),
  }),
  fc
    .integer({ min: 0, max: 3 })
    .chain((min) =>
      fc.record({ minimumFractionDigits: fc.constant(min), maximumFractionDigits: fc.integer({ min, max: 3 }) }),
    ),
);

const dateOptions: fc.Arbitrary<Intl.DateTimeFormatOptions> = fc.oneof(
  fc.record({ dateStyle: fc.constantFrom('medium' as const, 'short' as const) }),
  fc.record({ dateStyle: fc.constant('medium' as const), timeStyle: fc.constant('short' as const) }),
  fc.record({ month: fc.constant('short' as const), day: fc.constant('numeric' as const) }),
  fc.record({ dateStyle: fc.constant('medium' as const), timeZone: fc.constantFrom('UTC', 'Asia/Tokyo') }),
);

describe('kept Intl formatters', () => {
  it('format numbers exactly as a fresh Intl.NumberFormat, whatever options came before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(locales, numberOptions, fc.double({ min: -1e6, max: 1e6, noNaN: true })), {
          minLength: 1,
          maxLength: 12,
        }),
        (calls) => {
          for (const [locale, options, value] of calls)
            expect(numberFormat(locale, options).format(value)).toBe(
              new Intl.NumberFormat(locale, options).format(value),
            );
        },
      ),
    );
  });

  it('format dates, relative times, lists and language names exactly as fresh Intl formatters', () => {
    fc.assert(
      fc.property(
        locales,
        dateOptions,
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: -90, max: 90 }),
        fc.array(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 4 }),
        fc.constantFrom('conjunction' as const, 'unit' as const),
        (locale, options, at, amount, items, type) => {
          expect(dateTimeFormat(locale, options).format(at)).toBe(new Intl.DateTimeFormat(locale, options).format(at));
          expect(relativeTimeFormat(locale, { numeric: 'auto' }).format(amount, 'day')).toBe(
            new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(amount, 'day'),
          );
          expect(listFormat(locale, { style: 'long', type }).format(items)).toBe(
            new Intl.ListFormat(locale, { style: 'long', type }).format(items),
          );
          expect(displayNames(locale, { type: 'language' }).of('de')).toBe(
            new Intl.DisplayNames(locale, { type: 'language' }).of('de'),
          );
        },
      ),
    );
  });

  it('makes a formatter once per locale and options', () => {
    const percent = numberFormat('de-DE', { style: 'percent' });
    expect(numberFormat('de-DE', { style: 'percent' })).toBe(percent);
    expect(numberFormat('fr-FR', { style: 'percent' })).not.toBe(percent);
    expect(numberFormat('de-DE', { style: 'percent', maximumFractionDigits: 1 })).not.toBe(percent);
  });
});
