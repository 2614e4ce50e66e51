import { z } from 'zod';
import { INDICATOR_IDS, type IndicatorId } from '../indicator';
import type { Segment } from '../outcomes';
import { QUESTION_KINDS, SCALES, type QuestionKind } from '../question';
import type { DayKey } from '../time';
import { XlaIdSchema } from '../xla-window';
import { FATIGUE_REASONS } from './fatigue-reasons';

export { FATIGUE_REASONS } from './fatigue-reasons';

/**
 * What a cell counts. An indicator id holds `[good, total]`; `q:<kind>` holds the histogram of
 * answers to that question kind (index = score − scale minimum); `lt` holds
 * `[lostSeconds, answers]`. Every value is an integer, so adding and subtracting is exact.
 */
export type AnswerSlot = `q:${QuestionKind}`;
export const LOST_TIME_SLOT = 'lt';
/**
 * Survey-activity slots (src/domain/rollup/survey-stats.ts), written under the reserved
 * `SURVEY_STATS_ID` instead of an XLA id: `asks` holds `[sent, answered, expired]`, `held` the
 * asks a fatigue rule held back (one value per `FATIGUE_REASONS` entry), `reach` a
 * linear-counting sketch of the requesters asked (`REACH_WIDTH` counters).
 */
export const SURVEY_SLOTS = ['asks', 'held', 'reach', 'comments'] as const;
export type SurveySlot = (typeof SURVEY_SLOTS)[number];
export const REACH_WIDTH = 128;
export type Slot = IndicatorId | AnswerSlot | typeof LOST_TIME_SLOT | SurveySlot;

export function answerSlot(kind: QuestionKind): AnswerSlot {
  return `q:${kind}`;
}

const ANSWER_SLOTS = QUESTION_KINDS.map(answerSlot) as [AnswerSlot, ...AnswerSlot[]];
export const SlotSchema = z.enum([...INDICATOR_IDS, ...ANSWER_SLOTS, LOST_TIME_SLOT, ...SURVEY_SLOTS]);

export function isIndicatorSlot(slot: Slot): slot is IndicatorId {
  return (INDICATOR_IDS as readonly string[]).includes(slot);
}

export function questionOfSlot(slot: Slot): QuestionKind | null {
  return slot.startsWith('q:') ? (slot.slice(2) as QuestionKind) : null;
}

/** How many values a cell of this slot carries. */
export function slotWidth(slot: Slot): number {
  if (slot === 'asks') return 3;
  if (slot === 'held') return FATIGUE_REASONS.length;
  if (slot === 'reach') return REACH_WIDTH;
  if (slot === 'comments') return 2;
  const kind = questionOfSlot(slot);
  if (kind === null) return 2;
  const scale = SCALES[kind];
  return scale.max - scale.min + 1;
}

export const DayKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD');
export const CellIdSchema = z.string().min(1).max(128);
export const CountSchema = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/**
 * One rollup cell: `[xlaId, projectId, requestTypeId, priority, day, slot, ...values]`.
 * A tuple, because cells are stored with every ticket and in every bucket: short beats readable,
 * and the accessors below give the names back.
 */
export const CellSchema = z
  .tuple(
    [XlaIdSchema, CellIdSchema, CellIdSchema.nullable(), CellIdSchema.nullable(), DayKeySchema, SlotSchema],
    CountSchema,
  )
  .superRefine((cell, ctx) => {
    const width = slotWidth(cell[5]);
    if (cell.length - 6 !== width) {
      ctx.addIssue({
        code: 'custom',
        path: [5],
        message: `"${cell[5]}" needs ${width} values, not ${cell.length - 6}`,
      });
    }
  });
export type Cell = z.infer<typeof CellSchema>;

export interface CellCoord {
  readonly xlaId: string;
  readonly segment: Segment;
  readonly day: DayKey;
  readonly slot: Slot;
}

export function makeCell(coord: CellCoord, values: ReadonlyArray<number>): Cell {
  const { xlaId, segment, day, slot } = coord;
  return [xlaId, segment.projectId, segment.requestTypeId, segment.priority, day, slot, ...values];
}

export function cellXla(cell: Cell): string {
  return cell[0];
}

export function cellSegment(cell: Cell): Segment {
  return { projectId: cell[1], requestTypeId: cell[2], priority: cell[3] };
}

export function cellDay(cell: Cell): DayKey {
  return cell[4];
}

export function cellSlot(cell: Cell): Slot {
  return cell[5];
}

export function cellValues(cell: Cell): number[] {
  return cell.slice(6) as number[];
}

/** Identity of a cell without its values; JSON keeps it unambiguous whatever the ids contain. */
export function cellKey(cell: Cell): string {
  return JSON.stringify([cell[0], cell[1], cell[2], cell[3], cell[4], cell[5]]);
}

/** Cells with the same key have their values added; zero cells vanish; the order is by key. */
export function canonicalCells(cells: Iterable<Cell>, sign: 1 | -1 = 1): Cell[] {
  const sums = new Map<string, { head: Cell; values: number[] }>();
  for (const cell of cells) {
    const key = cellKey(cell);
    const values = cellValues(cell);
    const entry = sums.get(key);
    if (entry === undefined) {
      sums.set(key, { head: cell, values: values.map((v) => sign * v) });
    } else {
      values.forEach((v, i) => {
        entry.values[i] = (entry.values[i] ?? 0) + sign * v;
      });
    }
  }
  const out: Cell[] = [];
  for (const key of [...sums.keys()].sort()) {
    const entry = sums.get(key);
    if (entry === undefined || entry.values.every((v) => v === 0)) continue;
    out.push(withValues(entry.head, entry.values));
  }
  return out;
}

export function withValues(cell: Cell, values: ReadonlyArray<number>): Cell {
  // `0 * -1` is -0; normalise so equal rollups compare equal.
  return [cell[0], cell[1], cell[2], cell[3], cell[4], cell[5], ...values.map((v) => v + 0)];
}
