import { z } from 'zod';
import { addDays, type DayKey } from '../time';
import { SlotSchema, canonicalCells, cellDay, slotWidth, type Cell, type Slot } from './cell';
import type { RollupDelta } from './contribution';
import { applyDelta, rollupCells, rollupFromCells, type Rollup } from './rollup';

/**
 * Storage layout. One stored value (a bucket) holds every XLA and segment of ONE project for ONE
 * period: a day (default) or a month. Its key is `bucketRefKey(ref)`, e.g. `10001:2026-05-03`.
 *
 * Why a project-day by default: a busy project with 10 XLAs × 100 segments active on one day,
 * each with all 9 slots, still fits the 240 KiB value limit (~12 bytes a cell), while a
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

const PERIOD_PATTERN = /^\d{4}-\d{2}(-\d{2})?$/;
const XLA_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const MAX_XLA_ID = 64;
const MAX_CELL_ID = 128;
const MAX_SEGMENTS = 5_000;
const MAX_ENTRIES = 31 * 20;
const BUCKET_KEYS: ReadonlySet<string> = new Set(['v', 'p', 'k', 'x']);

/**
 * How a slot is written in a stored entry (format 2): its position in this list. Frozen — stored
 * values depend on it; a new slot is appended, never inserted, and none is ever removed.
 */
export const STORED_SLOT_CODES: readonly Slot[] = [
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
  'comments',
];
const CODE_OF_SLOT: ReadonlyMap<string, number> = new Map(STORED_SLOT_CODES.map((slot, code) => [slot, code]));
const WIDTH_OF_CODE: readonly number[] = STORED_SLOT_CODES.map(slotWidth);
const WIDTH_OF_SLOT: ReadonlyMap<string, number> = new Map(SlotSchema.options.map((slot) => [slot, slotWidth(slot)]));

/**
 * One segment of one XLA: `[requestTypeId, priority, entries]`, where `entries` is a flat list of
 * entries `dayOfMonth, slotCode, ...values` (as many values as the slot's width), in cell order.
 * The bucket's period supplies year and month.
 */
export type SegmentRow = [string | null, string | null, number[]];

/**
 * A bucket, format 2. Nested by XLA and segment so ids are written once, not on every cell; an
 * entry is numbers only (~12 bytes for an indicator count on a day). Format 1 (still read, never
 * written) held entries as `[dayOfMonth, slotName, ...values]` tuples, ~24 bytes each.
 */
export interface RollupBucket {
  v: 2;
  /** The project. */
  p: string;
  /** The period: `YYYY-MM-DD` or `YYYY-MM`. */
  k: string;
  /** XLA id → segment rows. */
  x: Record<string, SegmentRow[]>;
}

/**
 * Visits the entries of a segment row in order: `values` holds them at `at … at + width − 1`.
 * Stops at an entry whose slot code is unknown (its width, hence the rest, cannot be read);
 * parsed buckets never hold one.
 */
export function forEachEntry(
  entries: readonly number[],
  visit: (dayOfMonth: number, slot: Slot, values: readonly number[], at: number, width: number) => void,
): void {
  let i = 0;
  while (i + 1 < entries.length) {
    const code = entries[i + 1] ?? -1;
    const slot = STORED_SLOT_CODES[code];
    const width = WIDTH_OF_CODE[code];
    if (slot === undefined || width === undefined || i + 2 + width > entries.length) return;
    visit(entries[i] ?? 0, slot, entries, i + 2, width);
    i += 2 + width;
  }
}

interface BucketIssue {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCellId(value: unknown): boolean {
  return typeof value === 'string' && value.length >= 1 && value.length <= MAX_CELL_ID;
}

/** The days of the month a period holds: `[first, last]`, or null when the period is no calendar period. */
function periodDays(period: string): readonly [number, number] | null {
  const month = Number(period.slice(5, 7));
  if (!(month >= 1 && month <= 12)) return null;
  const last = daysInMonth(Number(period.slice(0, 4)), month);
  if (period.length === 7) return [1, last];
  const day = Number(period.slice(8, 10));
  return day >= 1 && day <= last ? [day, day] : null;
}

type EntryIssue = { readonly at: number | null; readonly message: string };

function dayIssue(dayOfMonth: unknown, period: string, days: readonly [number, number] | null): string | null {
  if (typeof dayOfMonth !== 'number' || !Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) {
    return 'the day of the month must be an integer from 1 to 31';
  }
  return days === null || dayOfMonth < days[0] || dayOfMonth > days[1]
    ? `day ${dayOfMonth} is outside ${period}`
    : null;
}

/** The first problem of one format-1 entry `[dayOfMonth, slot, ...values]`, or null. */
function tupleEntryIssue(entry: unknown, period: string, days: readonly [number, number] | null): EntryIssue | null {
  if (!Array.isArray(entry) || entry.length < 2)
    return { at: null, message: 'an entry must be [day, slot, ...values]' };
  const dayOfMonth: unknown = entry[0];
  if (typeof dayOfMonth !== 'number' || !Number.isInteger(dayOfMonth) || dayOfMonth < 1 || dayOfMonth > 31) {
    return { at: 0, message: 'the day of the month must be an integer from 1 to 31' };
  }
  const slot: unknown = entry[1];
  const width = typeof slot === 'string' ? WIDTH_OF_SLOT.get(slot) : undefined;
  if (width === undefined) return { at: 1, message: `unknown slot ${JSON.stringify(slot)}` };
  for (let i = 2; i < entry.length; i++) {
    if (!Number.isSafeInteger(entry[i])) return { at: i, message: 'a count must be a safe integer' };
  }
  const outside = dayIssue(dayOfMonth, period, days);
  if (outside !== null) return { at: 0, message: outside };
  if (entry.length - 2 !== width)
    return { at: 1, message: `"${String(slot)}" needs ${width} values, not ${entry.length - 2}` };
  return null;
}

/** The first problem of a format-2 entry list, with its position in the list, or null. */
function entryListIssue(
  entries: readonly unknown[],
  period: string,
  days: readonly [number, number] | null,
): EntryIssue | null {
  let i = 0;
  let count = 0;
  while (i < entries.length) {
    count += 1;
    if (count > MAX_ENTRIES) return { at: i, message: `at most ${MAX_ENTRIES} entries` };
    const outside = dayIssue(entries[i], period, days);
    if (outside !== null) return { at: i, message: outside };
    const code: unknown = entries[i + 1];
    const width = typeof code === 'number' ? WIDTH_OF_CODE[code] : undefined;
    if (width === undefined) return { at: i + 1, message: `unknown slot code ${JSON.stringify(code ?? null)}` };
    if (i + 2 + width > entries.length)
      return {
        at: i + 1,
        message: `"${STORED_SLOT_CODES[code as number] ?? ''}" needs ${width} values, not ${entries.length - i - 2}`,
      };
    for (let v = i + 2; v < i + 2 + width; v++) {
      if (!Number.isSafeInteger(entries[v])) return { at: v, message: 'a count must be a safe integer' };
    }
    i += 2 + width;
  }
  return null;
}

/**
 * The first reason a stored value is not a rollup bucket (format 1 or 2), or null when it is one.
 * Checks what the zod schema this replaced checked (exact keys, id lengths and XLA id syntax,
 * period syntax, integer counts, known slots, slot widths, each day inside the period, row and
 * entry limits) in one pass without copying: dashboards read ~0.5–1 MB of buckets per call, and
 * stored data is a trust boundary.
 */
export function rollupBucketIssue(value: unknown): BucketIssue | null {
  if (!isPlainObject(value)) return { path: [], message: 'a rollup bucket must be an object' };
  for (const key of Object.keys(value)) {
    if (!BUCKET_KEYS.has(key)) return { path: [key], message: `unknown key "${key}"` };
  }
  const version = value.v;
  if (version !== 1 && version !== 2) return { path: ['v'], message: 'version must be 1 or 2' };
  if (!isCellId(value.p)) return { path: ['p'], message: 'the project id must be 1–128 characters' };
  const period = value.k;
  if (typeof period !== 'string' || !PERIOD_PATTERN.test(period))
    return { path: ['k'], message: 'must be YYYY-MM or YYYY-MM-DD' };
  const days = periodDays(period);
  const x = value.x;
  if (!isPlainObject(x)) return { path: ['x'], message: 'must map XLA ids to segment rows' };
  for (const xlaId of Object.keys(x)) {
    if (xlaId.length < 1 || xlaId.length > MAX_XLA_ID || !XLA_ID_PATTERN.test(xlaId)) {
      return { path: ['x', xlaId], message: `"${xlaId}" is not an XLA id` };
    }
    const segments = x[xlaId];
    if (!Array.isArray(segments)) return { path: ['x', xlaId], message: 'must be a list of segment rows' };
    if (segments.length > MAX_SEGMENTS) return { path: ['x', xlaId], message: `at most ${MAX_SEGMENTS} segments` };
    for (let s = 0; s < segments.length; s++) {
      const row: unknown = segments[s];
      if (!Array.isArray(row) || row.length !== 3)
        return { path: ['x', xlaId, s], message: 'a segment row must be [requestTypeId, priority, entries]' };
      if (row[0] !== null && !isCellId(row[0]))
        return { path: ['x', xlaId, s, 0], message: 'a request type id must be null or 1–128 characters' };
      if (row[1] !== null && !isCellId(row[1]))
        return { path: ['x', xlaId, s, 1], message: 'a priority must be null or 1–128 characters' };
      const entries: unknown = row[2];
      if (!Array.isArray(entries)) return { path: ['x', xlaId, s, 2], message: 'must be a list of entries' };
      const at = ['x', xlaId, s, 2];
      if (version === 2) {
        const issue = entryListIssue(entries, period, days);
        if (issue !== null) return { path: issue.at === null ? at : [...at, issue.at], message: issue.message };
        continue;
      }
      if (entries.length > MAX_ENTRIES) return { path: at, message: `at most ${MAX_ENTRIES} entries` };
      for (let e = 0; e < entries.length; e++) {
        const issue = tupleEntryIssue(entries[e], period, days);
        if (issue !== null)
          return { path: issue.at === null ? [...at, e] : [...at, e, issue.at], message: issue.message };
      }
    }
  }
  return null;
}

/** A checked format-1 bucket in format 2 (same cells, same order). */
function upgraded(value: Record<string, unknown>): RollupBucket {
  const x: Record<string, SegmentRow[]> = {};
  for (const [xlaId, segments] of Object.entries(
    value.x as Record<string, Array<[string | null, string | null, Array<[number, Slot, ...number[]]>]>>,
  )) {
    x[xlaId] = segments.map(([requestTypeId, priority, entries]): SegmentRow => [
      requestTypeId,
      priority,
      entries.flatMap(([dayOfMonth, slot, ...values]) => [dayOfMonth, CODE_OF_SLOT.get(slot) ?? -1, ...values]),
    ]);
  }
  return { v: 2, p: value.p as string, k: value.k as string, x };
}

/**
 * Stored data is a trust boundary: parse every bucket read with this schema (see
 * `rollupBucketIssue`). Format 2 comes back as it was read, without a copy; format 1 is converted.
 */
export const RollupBucketSchema = z
  .custom<unknown>()
  .superRefine((value, ctx) => {
    const issue = rollupBucketIssue(value);
    if (issue !== null) ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  })
  .transform((value): RollupBucket => {
    const bucket = value as Record<string, unknown>;
    return bucket.v === 2 ? (value as RollupBucket) : upgraded(bucket);
  });

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The day of a period with this day of the month, or null when it does not belong there (the
 * 31st of April, another day than a day bucket's own). Calendar arithmetic, no Date: this runs
 * for every entry read.
 */
export function dayOf(period: string, dayOfMonth: number): DayKey | null {
  if (!Number.isInteger(dayOfMonth) || !PERIOD_PATTERN.test(period)) return null;
  const days = periodDays(period);
  if (days === null || dayOfMonth < days[0] || dayOfMonth > days[1]) return null;
  return `${period.slice(0, 7)}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}

function refOf(cell: Cell, granularity: BucketGranularity): BucketRef {
  return { projectId: cell[1], period: periodOf(cellDay(cell), granularity) };
}

/** The buckets a delta touches, in key order: read them, apply, write them in one transaction. */
export function bucketKeysOf(
  delta: RollupDelta,
  granularity: BucketGranularity = DEFAULT_BUCKET_GRANULARITY,
): BucketRef[] {
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
      forEachEntry(entries, (dayOfMonth, slot, values, at, width) => {
        const day = dayOf(bucket.k, dayOfMonth);
        if (day !== null)
          cells.push([xlaId, bucket.p, requestTypeId, priority, day, slot, ...values.slice(at, at + width)]);
      });
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
    const code = CODE_OF_SLOT.get(slot);
    if (code === undefined) throw new RangeError(`slot "${slot}" has no stored code`);
    const entry = [Number(day.slice(8, 10)), code, ...values];
    if (last !== null && last.xlaId === xlaId && last.row[0] === requestTypeId && last.row[1] === priority) {
      last.row[2].push(...entry);
      continue;
    }
    const row: SegmentRow = [requestTypeId, priority, entry];
    (x[xlaId] ??= []).push(row);
    last = { xlaId, row };
  }
  return { v: 2, p: ref.projectId, k: ref.period, x };
}

/**
 * Applies the part of a delta that belongs to one stored bucket. Null in = no value stored yet;
 * null out = the bucket became empty, delete its key.
 * @throws RangeError when a cell of the delta belongs to another bucket (split the delta first).
 */
export function applyDeltaToBucket(
  bucket: RollupBucket | null,
  ref: BucketRef,
  delta: RollupDelta,
): RollupBucket | null {
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

/**
 * The buckets of one period summed into one (a day summary: the day's shard buckets, which hold
 * distinct tickets, added cell by cell). Null when they sum to nothing.
 * @throws RangeError when a bucket belongs to another project or period
 */
export function summedBucket(ref: BucketRef, buckets: ReadonlyArray<RollupBucket>): RollupBucket | null {
  for (const b of buckets) {
    if (b.p !== ref.projectId || b.k !== ref.period)
      throw new RangeError(`bucket ${bucketRefKey({ projectId: b.p, period: b.k })} is not ${bucketRefKey(ref)}`);
  }
  if (buckets.length === 1) return buckets[0] ?? null;
  const granularity: BucketGranularity = ref.period.length === 7 ? 'month' : 'day';
  return bucketsOf(rollupOfBuckets(buckets), granularity)[0] ?? null;
}

/**
 * One bucket per project and period, in key order: what the scorecard reads, whether a day came
 * from its summary or from its shards (so both give the same result, to the bit).
 */
export function bucketPerPeriod(buckets: ReadonlyArray<RollupBucket>): RollupBucket[] {
  const groups = new Map<string, { ref: BucketRef; buckets: RollupBucket[] }>();
  for (const b of buckets) {
    const ref = { projectId: b.p, period: b.k };
    const key = bucketRefKey(ref);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { ref, buckets: [b] });
    else group.buckets.push(b);
  }
  return [...groups.keys()].sort().flatMap((key) => {
    const group = groups.get(key);
    const sum = group === undefined ? null : summedBucket(group.ref, group.buckets);
    return sum === null ? [] : [sum];
  });
}
