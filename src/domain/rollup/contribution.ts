import { z } from 'zod';
import { INDICATOR_IDS } from '../indicator';
import type { TicketOutcomes } from '../outcomes';
import { SCALES, isValidScore } from '../question';
import {
  CellSchema,
  LOST_TIME_SLOT,
  answerSlot,
  canonicalCells,
  cellKey,
  makeCell,
  slotWidth,
  type Cell,
} from './cell';

/**
 * What one ticket adds to the rollups: a canonical (merged, key-ordered) list of cells over every
 * XLA that covers the ticket. It is stored with the ticket so a later change can subtract it.
 */
export type Contribution = readonly Cell[];

/** Signed cells to add to the rollups; canonical like a contribution, and empty when nothing changes. */
export type RollupDelta = readonly Cell[];

const MAX_CONTRIBUTION_CELLS = 64 * (INDICATOR_IDS.length + 2);

function isCanonical(cells: ReadonlyArray<Cell>): boolean {
  for (let i = 1; i < cells.length; i++) {
    const previous = cells[i - 1];
    const current = cells[i];
    if (previous === undefined || current === undefined || cellKey(previous) >= cellKey(current)) return false;
  }
  return true;
}

export const ContributionSchema = z
  .array(CellSchema)
  .max(MAX_CONTRIBUTION_CELLS)
  .refine(isCanonical, 'cells must be unique and ordered by key');
export const RollupDeltaSchema = ContributionSchema;

const SECONDS_PER_MINUTE = 60;

/**
 * @throws RangeError when an answer score does not fit its question kind or lost time is
 * negative: outcomes are built by the app, so that is a bug, and it must not reach the rollups.
 */
export function contributionOf(outcomesByXla: Readonly<Record<string, TicketOutcomes>>): Contribution {
  const cells: Cell[] = [];
  for (const [xlaId, outcomes] of Object.entries(outcomesByXla)) {
    const { segment } = outcomes;
    for (const id of INDICATOR_IDS) {
      const outcome = outcomes.indicators[id];
      if (outcome === undefined) continue;
      cells.push(makeCell({ xlaId, segment, day: outcome.day, slot: id }, [outcome.good ? 1 : 0, 1]));
    }
    const answer = outcomes.answer;
    if (answer !== null) {
      if (!isValidScore(answer.kind, answer.score)) {
        throw new RangeError(`score ${answer.score} does not fit a ${answer.kind} question`);
      }
      const slot = answerSlot(answer.kind);
      const histogram = new Array<number>(slotWidth(slot)).fill(0);
      histogram[answer.score - SCALES[answer.kind].min] = 1;
      cells.push(makeCell({ xlaId, segment, day: answer.day, slot }, histogram));
    }
    const lost = outcomes.lostTime;
    if (lost !== null) {
      if (!(lost.minutes >= 0) || !Number.isFinite(lost.minutes)) {
        throw new RangeError(`lost time must be a non-negative number of minutes, not ${lost.minutes}`);
      }
      // Whole seconds keep sums exact, so subtracting a contribution restores the bucket bit for bit.
      const seconds = Math.round(lost.minutes * SECONDS_PER_MINUTE);
      cells.push(makeCell({ xlaId, segment, day: lost.day, slot: LOST_TIME_SLOT }, [seconds, 1]));
    }
  }
  return canonicalCells(cells);
}

/** new − old. Either side may be null (first sight of a ticket, or a deleted ticket). */
export function contributionDelta(previous: Contribution | null, next: Contribution | null): RollupDelta {
  return canonicalCells([...(next ?? []), ...canonicalCells(previous ?? [], -1)]);
}

export function invertDelta(delta: RollupDelta): RollupDelta {
  return canonicalCells(delta, -1);
}
