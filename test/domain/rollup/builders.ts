import { INDICATOR_DEFAULTS, INDICATOR_IDS, type IndicatorId, type IndicatorSpec } from '../../../src/domain/indicator';
import type { Segment, TicketOutcomes } from '../../../src/domain/outcomes';
import type { QuestionKind } from '../../../src/domain/question';
import { bucketsOf, contributionOf, rollupOf, type Contribution, type RollupBucket } from '../../../src/domain/rollup';
import type { DayKey } from '../../../src/domain/time';
import { XlaDefinitionSchema, type XlaDefinition, type XlaDefinitionInput } from '../../../src/domain/xla';

export const TODAY: DayKey = '2026-05-20';
export const SEGMENT: Segment = { projectId: '10001', requestTypeId: '7', priority: '3' };

/** `good` of `total` tickets, e.g. csat 4/5 = [4, 5]. */
export type Counts = Partial<Record<IndicatorId, readonly [number, number]>>;

/**
 * Tickets that produce exactly these counts on one day: ticket i is good on an indicator while
 * i < good and observed while i < total.
 */
export function ticketsWith(counts: Counts, day: DayKey = TODAY, segment: Segment = SEGMENT): TicketOutcomes[] {
  const size = Math.max(0, ...Object.values(counts).map((c) => c[1]));
  return Array.from({ length: size }, (_, i) => {
    const indicators: TicketOutcomes['indicators'] = {};
    for (const id of INDICATOR_IDS) {
      const c = counts[id];
      if (c !== undefined && i < c[1]) indicators[id] = { good: i < c[0], day };
    }
    return { segment, indicators, answer: null, lostTime: null };
  });
}

export function answerTicket(
  kind: QuestionKind,
  score: number,
  day: DayKey = TODAY,
  segment: Segment = SEGMENT,
): TicketOutcomes {
  return { segment, indicators: {}, answer: { kind, score, day }, lostTime: null };
}

export function lostTimeTicket(minutes: number, day: DayKey = TODAY, segment: Segment = SEGMENT): TicketOutcomes {
  return { segment, indicators: {}, answer: null, lostTime: { minutes, day } };
}

/** Contributions of tickets to one XLA, folded into stored buckets. */
export function bucketsFor(xlaId: string, tickets: ReadonlyArray<TicketOutcomes>): RollupBucket[] {
  const contributions: Contribution[] = tickets.map((t) => contributionOf({ [xlaId]: t }));
  return bucketsOf(rollupOf(contributions));
}

export function spec(id: IndicatorId, overrides: Partial<Omit<IndicatorSpec, 'id'>> = {}): IndicatorSpec {
  const d = INDICATOR_DEFAULTS[id];
  return { id, weight: d.weight, floor: d.floor, target: d.target, prior: d.prior, ...overrides };
}

export function xla(overrides: Partial<XlaDefinitionInput> = {}): XlaDefinition {
  return XlaDefinitionSchema.parse({
    id: 'experience',
    name: 'People get back to work fast',
    indicators: INDICATOR_IDS.map((id) => spec(id)),
    ...overrides,
  });
}
