import { z } from 'zod';
import { addDays, type DayKey } from '../time';
import { XlaIdSchema } from '../xla';
import { CellIdSchema, CountSchema, SlotSchema, canonicalCells, cellDay, slotWidth, type Cell } from './cell';
import type { RollupDelta } from './contribution';
import { applyDelta, rollupCells, rollupFromCells, type Rollup } from './rollup';

/**
 * Storage layout. One stored value (a bucket) holds every XLA and segment of ONE project for ONE
 * period: a day (default) or a month. Its key is `bucketRefKey(ref)`, e.g. `10001:2026-05-03`.
 *
 * Why a project-day by default: a busy project with 10 XLAs × 100 segments active on one day,
 * each with all 9 slots, still fits the 240 KiB value limit (~20 bytes a cell), while a
 * project-month of the same project would not. A 30-day window and its previous window read 60
 * keys per project (3 batches of 25). Low-volume sites may choose `month` for fewer reads; the
 * shape is the same. Site priors read 180 days: compute them in a daily job and cache them.
 * A ticket change touches at most a few buckets (answer day, resolution day, mood day), well
 * within one 25-operation transaction.
 */
export type BucketGranularity = 'day' | 'month';
export const DEFAULT_BUCKET_GRANULARITY: BucketGranularity = 'day';

export interface BucketRef {
  readonly projectId: string;
  /** `YYYY-MM-DD` for a day bucket, `YYYY-MM` for a month bucket. */
  readonly period: string;
}

export function periodOf(day: DayKey, granularity: BucketGranularity = DEFAULT_BUCKET_GRANULARITY): string {
  return granularity === 'day' ? day : day.slice(0, 7);
}

/** The storage key suffix of a bucket (the store adds its own prefix). */
export function bucketRefKey(ref: BucketRef): string {
  return `${ref.projectId}:${ref.period}`;
}

const PeriodSchema = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD');

/** One entry: `[dayOfMonth, slot, ...values]`; the bucket's period supplies year and month. */
const EntrySchema = z.tuple([z.number().int().min(1).max(31), SlotSchema], CountSchema);
type Entry = z.infer<typeof EntrySchema>;
/** One segment of one XLA: `[requestTypeId, priority, entries]`. */
const SegmentRowSchema = z.tuple([CellIdSchema.nullable(), CellIdSchema.nullable(), z.array(EntrySchema).max(31 * 20)]);
type SegmentRow = z.infer<typeof SegmentRowSchema>;

/**
 * A stored bucket. Nested by XLA and segment so ids are written once, not on every cell: a cell
 * costs ~20 bytes. Stored data is a trust boundary: parse every value read with this schema.
 */
export const RollupBucketSchema = z
  .object({
    v: z.literal(1),
    p: CellIdSchema,
    k: PeriodSchema,
    x: z.record(XlaIdSchema, z.array(SegmentRowSchema).max(5_000)),
  })
  .strict()
  .superRefine((bucket, ctx) => {
    for (const [xlaId, segments] of Object.entries(bucket.x)) {
      segments.forEach((segment, s) => {
        segment[2].forEach((entry, e) => {
          const path = ['x', xlaId, s, 2, e];
          const day = dayOf(bucket.k, entry[0]);
          if (day === null) {
            ctx.addIssue({ code: 'custom', path: [...path, 0], message: `day ${entry[0]} is outside ${bucket.k}` });
            return;
          }
          const width = slotWidth(entry[1]);
          if (entry.length - 2 !== width) {
            ctx.addIssue({ code: 'custom', path: [...path, 1], message: `"${entry[1]}" needs ${width} values, not ${entry.length - 2}` });
          }
        });
      });
    }
  });
export type RollupBucket = z.infer<typeof RollupBucketSchema>;

/** The day of a period with this day of the month, or null when it does not belong there. */
function dayOf(period: string, dayOfMonth: number): DayKey | null {
  const day = `${period.slice(0, 7)}-${String(dayOfMonth).padStart(2, '0')}`;
  // addDays normalises through Date, so 2026-04-31 comes back as 2026-05-01 and is refused.
  if (addDays(day, 0) !== day) return null;
  return day.startsWith(period) ? day : null;
}

function refOf(cell: Cell, granularity: BucketGranularity): BucketRef {
  return { projectId: cell[1], period: periodOf(cellDay(cell), granularity) };
}

/** The buckets a delta touches, in key order: read them, apply, write them in one transaction. */
export function bucketKeysOf(delta: RollupDelta, granularity: BucketGranularity = DEFAULT_BUCKET_GRANULARITY): BucketRef[] {
  return splitDeltaByBucket(delta, granularity).map((part) => part.ref);
}

export function splitDeltaByBucket(
  delta: RollupDelta,
  granularity: BucketGranularity = DEFAULT_BUCKET_GRANULARITY,
): Array<{ ref: BucketRef; delta: RollupDelta }> {
  const parts = new Map<string, { ref: BucketRef; cells: Cell[] }>();
  for (const cell of delta) {
    const ref = refOf(cell, granularity);
    const key = bucketRefKey(ref);
    const part = parts.get(key);
    if (part === undefined) parts.set(key, { ref, cells: [cell] });
    else part.cells.push(cell);
  }
  return [...parts.keys()].sort().flatMap((key) => {
    const part = parts.get(key);
    return part === undefined ? [] : [{ ref: part.ref, delta: canonicalCells(part.cells) }];
  });
}

export function bucketCells(bucket: RollupBucket): Cell[] {
  const cells: Cell[] = [];
  for (const [xlaId, segments] of Object.entries(bucket.x)) {
    for (const [requestTypeId, priority, entries] of segments) {
      for (const [dayOfMonth, slot, ...values] of entries) {
        const day = dayOf(bucket.k, dayOfMonth);
        if (day !== null) cells.push([xlaId, bucket.p, requestTypeId, priority, day, slot, ...values]);
      }
    }
  }
  return cells;
}

/** Canonical cells of one bucket, grouped by XLA and segment (their key order keeps groups together). */
function bucketFromCells(ref: BucketRef, cells: ReadonlyArray<Cell>): RollupBucket | null {
  if (cells.length === 0) return null;
  const x: Record<string, SegmentRow[]> = {};
  let last: { xlaId: string; row: SegmentRow } | null = null;
  for (const cell of cells) {
    const [xlaId, , requestTypeId, priority, day, slot, ...values] = cell;
    const entry: Entry = [Number(day.slice(8, 10)), slot, ...values];
    if (last !== null && last.xlaId === xlaId && last.row[0] === requestTypeId && last.row[1] === priority) {
      last.row[2].push(entry);
      continue;
    }
    const row: SegmentRow = [requestTypeId, priority, [entry]];
    (x[xlaId] ??= []).push(row);
    last = { xlaId, row };
  }
  return { v: 1, p: ref.projectId, k: ref.period, x };
}

/**
 * Applies the part of a delta that belongs to one stored bucket. Null in = no value stored yet;
 * null out = the bucket became empty, delete its key.
 * @throws RangeError when a cell of the delta belongs to another bucket (split the delta first).
 */
export function applyDeltaToBucket(bucket: RollupBucket | null, ref: BucketRef, delta: RollupDelta): RollupBucket | null {
  const granularity: BucketGranularity = ref.period.length === 7 ? 'month' : 'day';
  for (const cell of delta) {
    if (bucketRefKey(refOf(cell, granularity)) !== bucketRefKey(ref)) {
      throw new RangeError(`a cell of ${cell[1]} on ${cellDay(cell)} does not belong to bucket ${bucketRefKey(ref)}`);
    }
  }
  const before = rollupFromCells(bucket === null ? [] : bucketCells(bucket));
  return bucketFromCells(ref, rollupCells(applyDelta(before, delta)));
}

export function rollupOfBuckets(buckets: Iterable<RollupBucket>): Rollup {
  return rollupFromCells([...buckets].flatMap(bucketCells));
}

/** Splits a rollup into its stored buckets (a recompute writes these). */
export function bucketsOf(rollup: Rollup, granularity: BucketGranularity = DEFAULT_BUCKET_GRANULARITY): RollupBucket[] {
  return splitDeltaByBucket(rollupCells(rollup), granularity).flatMap((part) => {
    const bucket = bucketFromCells(part.ref, part.delta);
    return bucket === null ? [] : [bucket];
  });
}

/** Every bucket to read for these projects over an inclusive day range. */
export function bucketRefsForRange(
  projectIds: ReadonlyArray<string>,
  range: { readonly from: DayKey; readonly to: DayKey },
  granularity: BucketGranularity = DEFAULT_BUCKET_GRANULARITY,
): BucketRef[] {
  const periods: string[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const period = periodOf(day, granularity);
    if (periods[periods.length - 1] !== period) periods.push(period);
  }
  return [...new Set(projectIds)].sort().flatMap((projectId) => periods.map((period) => ({ projectId, period })));
}

