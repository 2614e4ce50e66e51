/**
 * The stored bucket shape, read without zod: the hand-written check must accept and refuse exactly
 * what the zod schema it replaced did (kept here as the reference, for format 1), format 1 must read
 * as the same cells as format 2, and the calendar arithmetic of `dayOf` must agree with Date's.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addDays, type DayKey } from '../../../src/domain/time';
import { XlaIdSchema } from '../../../src/domain/xla';
import { CellIdSchema, CountSchema } from '../../../src/domain/rollup/cell';
import {
  RollupBucketSchema,
  STORED_SLOT_CODES,
  SlotSchema,
  bucketCells,
  bucketsOf,
  dayOf,
  makeCell,
  rollupFromCells,
  slotWidth,
  type Cell,
  type RollupBucket,
  type Slot,
} from '../../../src/domain/rollup';

/** `dayOf` as it was: through Date (which throws on a day 00 or a month 13: no such day). */
function referenceDayOf(period: string, dayOfMonth: number): DayKey | null {
  const day = `${period.slice(0, 7)}-${String(dayOfMonth).padStart(2, '0')}`;
  try {
    if (addDays(day, 0) !== day) return null;
  } catch {
    return null;
  }
  return day.startsWith(period) ? day : null;
}

/** The zod schema of format 1 before it was replaced (src/domain/rollup/bucket.ts). */
const ReferenceEntrySchema = z.tuple([z.number().int().min(1).max(31), SlotSchema], CountSchema);
const ReferenceBucketSchema = z
  .object({
    v: z.literal(1),
    p: CellIdSchema,
    k: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/),
    x: z.record(
      XlaIdSchema,
      z
        .array(z.tuple([CellIdSchema.nullable(), CellIdSchema.nullable(), z.array(ReferenceEntrySchema).max(31 * 20)]))
        .max(5_000),
    ),
  })
  .strict()
  .superRefine((bucket, ctx) => {
    for (const [xlaId, segments] of Object.entries(bucket.x)) {
      segments.forEach((segment, s) => {
        segment[2].forEach((entry, e) => {
          if (referenceDayOf(bucket.k, entry[0]) === null)
            ctx.addIssue({ code: 'custom', path: ['x', xlaId, s, 2, e, 0], message: 'outside' });
          else if (entry.length - 2 !== slotWidth(entry[1]))
            ctx.addIssue({ code: 'custom', path: ['x', xlaId, s, 2, e, 1], message: 'width' });
        });
      });
    }
  });

function accepts(schema: z.ZodType, value: unknown): boolean {
  try {
    return schema.safeParse(value).success;
  } catch {
    // The old day check threw on impossible months (Date of NaN); that was a refusal too.
    return false;
  }
}

const validV1 = (period: string) => ({
  v: 1,
  p: '10001',
  k: period,
  x: {
    experience: [
      [
        '7',
        '3',
        [
          [20, 'sla', 1, 2],
          [20, 'q:csat5', 0, 0, 1, 0, 0],
        ],
      ],
      [null, null, [[20, 'lt', 600, 1]]],
    ],
    'sentio-survey-stats': [['7', null, [[20, 'asks', 1, 1, 0]]]],
  },
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    null,
    true,
    0,
    -1,
    1.5,
    32,
    2 ** 53,
    -(2 ** 53),
    '',
    'x'.repeat(129),
    'sla',
    'mood',
    'Experience',
    '__proto__x',
    '2026-13',
    '2026-04-31',
    '2026-04',
    [],
  ),
  fc.integer({ min: -5, max: 40 }),
  fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 6 }),
);

/** Replaces one node of a JSON value (found by a path of child indexes) with another value. */
function mutate(value: Json, choices: readonly number[], replacement: Json, depth = 0): Json {
  const pick = choices[depth];
  if (pick === undefined || value === null || typeof value !== 'object') return replacement;
  if (Array.isArray(value)) {
    if (value.length === 0) return replacement;
    const i = pick % (value.length + 1);
    if (i === value.length) return [...value, replacement];
    return value.map((v, j) => (j === i ? mutate(v, choices, replacement, depth + 1) : v));
  }
  const keys = Object.keys(value);
  const i = pick % (keys.length + 1);
  if (i === keys.length)
    return {
      ...value,
      [typeof replacement === 'string' && replacement.length < 20 ? replacement : 'extra']: replacement,
    };
  const key = keys[i] ?? '';
  return { ...value, [key]: mutate(value[key] ?? null, choices, replacement, depth + 1) };
}

describe('stored bucket check = the zod schema it replaced (format 1)', () => {
  it('accepts and refuses the same values', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('2026-05-20', '2026-05', '2024-02', '2026-02', '2026-04'),
        fc.array(fc.nat(50), { minLength: 1, maxLength: 7 }),
        oddValue,
        (period, choices, replacement) => {
          const value = mutate(validV1(period) as Json, choices, replacement);
          expect(accepts(RollupBucketSchema, value)).toBe(accepts(ReferenceBucketSchema, value));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it('agrees on every day of the month, the 31st of April and the 29th of February included', () => {
    for (const period of ['2026-04', '2024-02', '2026-02', '2026-12', '2026-04-30', '2026-02-28', '2024-02-29']) {
      for (let day = 0; day <= 32; day++) {
        const value = { ...validV1(period), x: { experience: [['7', '3', [[day, 'sla', 1, 1]]]] } };
        expect(accepts(RollupBucketSchema, value)).toBe(accepts(ReferenceBucketSchema, value));
      }
    }
  });
});

describe('dayOf = the Date-based day of a period', () => {
  it('agrees for any year, month and day of the month, in day and month buckets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: -1, max: 33 }),
        fc.integer({ min: 0, max: 32 }),
        fc.boolean(),
        (year, month, dayOfMonth, periodDay, isDay) => {
          const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
          const period = isDay ? `${ym}-${String(periodDay).padStart(2, '0')}` : ym;
          expect(dayOf(period, dayOfMonth)).toBe(referenceDayOf(period, dayOfMonth));
        },
      ),
      { numRuns: 5_000 },
    );
  });
});

describe('format 1 reads as format 2', () => {
  it('slot codes are frozen: every slot has one, in this order', () => {
    expect(STORED_SLOT_CODES).toEqual([
      'csat',
      'sentiment',
      'sla',
      'reopen',
      'reassign',
      'wait',
      'chaser',
      'q:csat5',
      'q:emoji5',
      'q:ces7',
      'q:happiness10',
      'q:thumbs',
      'lt',
      'asks',
      'held',
      'reach',
      // Appended for the project page's share of comments not scored (language).
      'comments',
    ]);
    expect([...STORED_SLOT_CODES].sort()).toEqual([...SlotSchema.options].sort());
  });

  it('a format-1 bucket parses to the same cells as the format-2 bucket of those cells', () => {
    const slots = SlotSchema.options.filter((s) => s !== 'reach');
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            rt: fc.constantFrom<string | null>(null, '7', '8'),
            day: fc.integer({ min: 1, max: 30 }),
            slot: fc.constantFrom<Slot>(...slots),
            seed: fc.integer({ min: -3, max: 9 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (specs) => {
          const cells: Cell[] = specs.map((c) =>
            makeCell(
              {
                xlaId: 'experience',
                segment: { projectId: '10001', requestTypeId: c.rt, priority: '3' },
                day: `2026-04-${String(c.day).padStart(2, '0')}`,
                slot: c.slot,
              },
              Array.from({ length: slotWidth(c.slot) }, (_, i) => c.seed + i),
            ),
          );
          for (const bucket of bucketsOf(rollupFromCells(cells), 'month')) {
            // The same bucket written as format 1 (tuples with slot names).
            const legacy = {
              ...bucket,
              v: 1,
              x: Object.fromEntries(
                Object.entries(bucket.x).map(([xlaId, rows]) => [
                  xlaId,
                  rows.map(([rt, pr]) => [
                    rt,
                    pr,
                    bucketCells({ ...bucket, x: { [xlaId]: rows.filter((r) => r[0] === rt && r[1] === pr) } }).map(
                      (c) => [Number(c[4].slice(8)), c[5], ...c.slice(6)],
                    ),
                  ]),
                ]),
              ),
            };
            const parsed: RollupBucket = RollupBucketSchema.parse(legacy);
            expect(parsed).toEqual(bucket);
            expect(RollupBucketSchema.parse(JSON.parse(JSON.stringify(bucket)))).toEqual(bucket);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
