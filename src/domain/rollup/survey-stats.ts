import type { AskStatus } from '../ask';
import type { Segment } from '../outcomes';
import { fnv1a32 } from '../survey/hash';
import { dayKeyOf, type DayKey, type EpochMs } from '../time';
import { bucketCells, type RollupBucket } from './bucket';
import {
  FATIGUE_REASONS,
  REACH_WIDTH,
  canonicalCells,
  cellDay,
  cellSlot,
  cellValues,
  cellXla,
  makeCell,
  type Cell,
} from './cell';

/**
 * Survey activity as rollup cells, so response rate and fatigue figures cost what scorecards cost
 * (O(days × shards) reads) and inherit the ticket write path's exactness: a ticket's cells are a
 * pure function of its record, stored with its contribution, and a change applies new − stored.
 *
 * The cells live under a reserved id in the XLA position; it passes `XlaIdSchema` so buckets keep
 * one shape, and scorecards never read these slots even if an XLA took the same id.
 */
export const SURVEY_STATS_ID = 'sentio-survey-stats';

export type FatigueReason = (typeof FATIGUE_REASONS)[number];

export interface SurveyActivity {
  readonly segment: Segment;
  readonly requesterId: string | null;
  readonly asks: ReadonlyArray<{ readonly status: AskStatus; readonly createdAt: EpochMs }>;
  /** Plan decisions kept with the ticket; refusals by a fatigue rule count as "held back". */
  readonly decisions: ReadonlyArray<{ readonly asked: boolean; readonly reason: string; readonly at: EpochMs }>;
  /** The requester's comments the ticket keeps, and whether each went unscored for its language. */
  readonly comments?: ReadonlyArray<{ readonly at: EpochMs; readonly notScoredLanguage: boolean }>;
}

function isFatigueReason(reason: string): reason is FatigueReason {
  return (FATIGUE_REASONS as readonly string[]).includes(reason);
}

/** The requester's counter in the reach sketch. */
export function reachPosition(requesterId: string): number {
  return fnv1a32(requesterId) % REACH_WIDTH;
}

/**
 * Cells of one ticket: `asks` on the day each ask was created (`[1, answered, expired]`), `held`
 * on the day of each fatigue refusal, and `reach` (the requester's counter) on each day it was
 * asked — so any window holding one of those days counts the requester.
 */
export function surveyStatsCells(activity: SurveyActivity): Cell[] {
  const coord = (day: DayKey, slot: 'asks' | 'held' | 'reach' | 'comments') => ({
    xlaId: SURVEY_STATS_ID,
    segment: activity.segment,
    day,
    slot,
  });
  const cells: Cell[] = [];
  const askDays = new Set<DayKey>();
  for (const ask of activity.asks) {
    const day = dayKeyOf(ask.createdAt);
    askDays.add(day);
    cells.push(makeCell(coord(day, 'asks'), [1, ask.status === 'answered' ? 1 : 0, ask.status === 'expired' ? 1 : 0]));
  }
  for (const d of activity.decisions) {
    if (d.asked || !isFatigueReason(d.reason)) continue;
    cells.push(
      makeCell(
        coord(dayKeyOf(d.at), 'held'),
        FATIGUE_REASONS.map((r) => (r === d.reason ? 1 : 0)),
      ),
    );
  }
  // `comments` on the day of each requester comment: `[1, not scored for its language ? 1 : 0]`.
  for (const c of activity.comments ?? []) {
    cells.push(makeCell(coord(dayKeyOf(c.at), 'comments'), [1, c.notScoredLanguage ? 1 : 0]));
  }
  if (activity.requesterId !== null) {
    const position = reachPosition(activity.requesterId);
    for (const day of askDays) {
      cells.push(
        makeCell(
          coord(day, 'reach'),
          Array.from({ length: REACH_WIDTH }, (_, i) => (i === position ? 1 : 0)),
        ),
      );
    }
  }
  return canonicalCells(cells);
}

export interface SurveyStats {
  readonly sent: number;
  readonly answered: number;
  readonly expired: number;
  readonly held: Readonly<Record<FatigueReason, number>>;
  /** Distinct requesters asked: a linear-counting estimate (exact while requesters do not collide). */
  readonly requestersAsked: number;
  /** Every counter of the sketch is taken: `requestersAsked` is a lower bound. */
  readonly requestersSaturated: boolean;
  /** Requester comments written in the range, and how many of them the English scorer could not read. */
  readonly requesterComments: number;
  readonly notScoredLanguage: number;
}

/**
 * Linear counting (Whang et al. 1990): with Z of m counters still zero, n ≈ −m·ln(Z/m). Rounded,
 * it is exact for one or two requesters and within a few percent up to a few hundred.
 */
export function estimateDistinct(zeros: number, width: number = REACH_WIDTH): number {
  if (zeros >= width) return 0;
  return Math.round(-width * Math.log(Math.max(zeros, 1) / width));
}

/** Sums the survey cells of the buckets over an inclusive day range. */
export function surveyStatsOf(
  buckets: ReadonlyArray<RollupBucket>,
  range: { readonly from: DayKey; readonly to: DayKey },
): SurveyStats {
  let sent = 0;
  let answered = 0;
  let expired = 0;
  const held = FATIGUE_REASONS.map(() => 0);
  const reach = new Array<number>(REACH_WIDTH).fill(0);
  let requesterComments = 0;
  let notScoredLanguage = 0;
  for (const bucket of buckets) {
    for (const cell of bucketCells(bucket)) {
      if (cellXla(cell) !== SURVEY_STATS_ID) continue;
      const day = cellDay(cell);
      if (day < range.from || day > range.to) continue;
      const values = cellValues(cell);
      // Counts only ever sum to ≥ 0; a negative one is a half-applied bucket and is skipped.
      if (values.some((v) => v < 0)) continue;
      const slot = cellSlot(cell);
      if (slot === 'asks') {
        sent += values[0] ?? 0;
        answered += values[1] ?? 0;
        expired += values[2] ?? 0;
      } else if (slot === 'held') {
        values.forEach((v, i) => {
          held[i] = (held[i] ?? 0) + v;
        });
      } else if (slot === 'comments') {
        requesterComments += values[0] ?? 0;
        notScoredLanguage += values[1] ?? 0;
      } else if (slot === 'reach') {
        values.forEach((v, i) => {
          reach[i] = (reach[i] ?? 0) + v;
        });
      }
    }
  }
  const zeros = reach.filter((v) => v === 0).length;
  return {
    sent,
    answered,
    expired,
    held: Object.fromEntries(FATIGUE_REASONS.map((r, i) => [r, held[i] ?? 0])) as Record<FatigueReason, number>,
    requestersAsked: estimateDistinct(zeros),
    requestersSaturated: zeros === 0,
    requesterComments,
    notScoredLanguage,
  };
}
