import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LifecycleEvent, StatusRef } from '../../../src/domain/lifecycle-event';
import {
  EXPERIENCE_LIMITS,
  TicketExperienceSchema,
  applyEvents,
  chaserCount,
  isDone,
  reassignmentCount,
  reopenCount,
  storedSize,
  waitingForSupportMs,
  type ApplyEventDeps,
  type TicketExperience,
} from '../../../src/domain/ticket';
import { STATUS, deps, ev } from './builders';

const T0 = Date.UTC(2025, 2, 3, 8);
const MINUTE = 60_000;
const STATUSES: readonly StatusRef[] = Object.values(STATUS);
const AGENTS = ['qm:agent-bo', 'qm:agent-cy', 'qm:agent-di'];
const TEXTS = ['Still dropping. Any update?', 'Thanks, works now', 'This is useless.', 'unscorable ¿'];

/**
 * One event per generated step; keys are unique per step, and whatever a key names is fixed by it
 * (a comment's creation time and text follow from its id and version), as Jira guarantees.
 */
const eventArb: fc.Arbitrary<(i: number, t: number) => LifecycleEvent> = fc.oneof(
  fc.record({ s: fc.constantFrom(...STATUSES), f: fc.constantFrom(...STATUSES) }).map(
    ({ s, f }) =>
      (i: number, t: number) =>
        ev.status(`s${i}`, t, f, s),
  ),
  fc.constant((i: number, t: number) => ev.resolved(`r${i}`, t)),
  fc.constant((i: number, t: number) => ev.reopened(`o${i}`, t, STATUS.inProgress)),
  fc.record({ to: fc.constantFrom(...AGENTS, null) }).map(
    ({ to }) =>
      (i: number, t: number) =>
        ev.assigned(`a${i}`, t, null, to),
  ),
  fc.boolean().map((pub) => (i: number, t: number) => ev.agentComment(`ac${i}`, t, pub)),
  fc.record({ id: fc.integer({ min: 1, max: 6 }), v: fc.integer({ min: 0, max: 3 }) }).map(
    ({ id, v }) =>
      () =>
        ev.requesterComment(
          `rc${id}`,
          T0 + id * MINUTE,
          TEXTS[(id + v) % TEXTS.length] ?? '',
          T0 + id * MINUTE + v * 1000,
        ),
  ),
);

/** A journey: created, then steps spread over `spanMinutes`. */
function journeyArb(spanMinutes: number): fc.Arbitrary<LifecycleEvent[]> {
  return fc
    .array(fc.tuple(eventArb, fc.integer({ min: 1, max: spanMinutes * 60 })), { minLength: 1, maxLength: 25 })
    .map((steps) => [
      ev.created(T0, STATUS.waitingForSupport, 'qm:agent-bo'),
      ...steps.map(([make, seconds], i) => make(i, T0 + seconds * 1000)),
    ]);
}

function fold(events: readonly LifecycleEvent[], d: ApplyEventDeps = deps): TicketExperience {
  const e = applyEvents(null, events, d);
  if (e === null) throw new Error('empty');
  return e;
}

function facts(e: TicketExperience) {
  return {
    status: e.status,
    done: isDone(e),
    reopens: reopenCount(e),
    reassignments: reassignmentCount(e),
    chasers: chaserCount(e),
    firstResponse: e.firstPublicAgentResponseAt,
    lastActivity: e.lastPublicAgentActivityAt,
    scores: e.requesterComments.map((c) => [c.commentId, c.version, c.s]),
    waited: waitingForSupportMs(e, e.lastEventAt),
    assignee: e.assigneeId,
  };
}

describe('the experience fold', () => {
  it('gives the same record when every event arrives twice', () => {
    fc.assert(
      fc.property(journeyArb(600), (events) => {
        expect(fold([...events, ...events])).toEqual(fold(events));
        expect(fold(events.flatMap((e) => [e, e]))).toEqual(fold(events));
      }),
    );
  });

  it('gives the same counts and flags when events within a few minutes arrive shuffled', () => {
    fc.assert(
      fc.property(
        journeyArb(5).chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        ([inOrder, shuffled]) => {
          expect(facts(fold(shuffled))).toEqual(facts(fold(inOrder)));
        },
      ),
    );
  });

  it('gives the very same record for any arrival order, duplicates included', () => {
    fc.assert(
      fc.property(
        journeyArb(60 * 24).chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray([...events, ...events], { minLength: events.length * 2, maxLength: events.length * 2 }),
          ),
        ),
        ([inOrder, shuffled]) => {
          expect(fold(shuffled)).toEqual(fold(inOrder));
        },
      ),
    );
  });

  it('stays a valid record under the caps', () => {
    fc.assert(
      fc.property(journeyArb(600), (events) => {
        expect(TicketExperienceSchema.safeParse(fold(events)).success).toBe(true);
      }),
    );
  });
});

describe('the stored record size', () => {
  const KVS_VALUE_LIMIT = 240 * 1024;

  it('stays under the 240 KiB KVS value limit for a ticket with 1,000 long, negative, chasing comments', () => {
    const sentence = 'Ça ne marche toujours pas — 这个还是坏的 '.repeat(20);
    const heavy: ApplyEventDeps = {
      score: () => ({
        kind: 'scored',
        s: -0.9,
        negativeSentences: [sentence, sentence, sentence, sentence, sentence],
        chaser: true,
      }),
      waitingForCustomerStatuses: ['Waiting for customer'],
    };
    const events: LifecycleEvent[] = [ev.created(T0, STATUS.waitingForSupport, 'qm:agent-bo')];
    for (let i = 0; i < 1000; i++) {
      const t = T0 + i * 10 * MINUTE;
      events.push(ev.requesterComment(`c${i}`, t, sentence.repeat(5)));
      events.push(ev.agentComment(`a${i}`, t + MINUTE));
      events.push(
        ev.status(
          `s${i}`,
          t + 2 * MINUTE,
          STATUS.waitingForCustomer,
          i % 2 === 0 ? STATUS.inProgress : { id: `9${i}`, name: 'x'.repeat(200), category: 'indeterminate' },
        ),
      );
      events.push(ev.assigned(`a${i}`, t + 3 * MINUTE, null, `${AGENTS[i % 3]}-${'y'.repeat(100)}`));
      if (i % 10 === 0)
        events.push(ev.reopened(`o${i}`, t + 4 * MINUTE, STATUS.inProgress), ev.resolved(`r${i}`, t + 5 * MINUTE));
    }
    const e = fold(events, heavy);
    expect(storedSize(e)).toBeLessThan(KVS_VALUE_LIMIT);
    expect(storedSize(e)).toBeGreaterThan(80 * 1024); // the fixture really does fill the caps
    expect(TicketExperienceSchema.safeParse(e).success).toBe(true);
    expect(e.requesterComments).toHaveLength(EXPERIENCE_LIMITS.requesterComments);
    expect(chaserCount(e)).toBe(1000);
    expect(reopenCount(e)).toBe(100);
    // The created assignment to Bo, then 1,000 changes.
    expect(reassignmentCount(e)).toBe(1000);
  });
});
