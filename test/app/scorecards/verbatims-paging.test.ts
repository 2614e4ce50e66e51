/**
 * The verbatims list reads storage 100 tickets at a time (one round trip for a page of the list)
 * and resumes inside a read by its own position. Oracle: the reader it replaced, which read up to
 * four pages of 25 one after the other (support/reference-verbatims.ts). Walking every page of the
 * list, both give the same verbatims, reason counts and answers read, and end on the same page.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectVerbatims, type VerbatimQuery } from '../../../src/app/scorecards/verbatims';
import { newRecord } from '../../../src/app/tickets/ticket-record';
import { emptyExperience, type TicketExperience } from '../../../src/domain/ticket';
import { DAY_MS } from '../../../src/domain/time';
import { shardOf } from '../../../src/platform/storage-layout';
import { fakeWorld, type FakeWorld } from '../fakes/ports';
import { referenceVerbatims } from './support/reference-verbatims';

const PROJECT = '10000';

const ticketArb = fc.record({
  ageDays: fc.integer({ min: 0, max: 45 }),
  requestType: fc.constantFrom('rt-1', 'rt-2', null),
  answers: fc.array(
    fc.record({
      score: fc.integer({ min: 1, max: 5 }),
      comment: fc.constantFrom(null, '', 'Slow', 'Thanks a lot'),
      reasons: fc.subarray(['slow', 'kind', 'unclear']),
      ageDays: fc.integer({ min: 0, max: 45 }),
    }),
    { maxLength: 2 },
  ),
  comments: fc.array(fc.integer({ min: 0, max: 2 }), { maxLength: 2 }),
});

type TicketSpec = typeof ticketArb extends fc.Arbitrary<infer T> ? T : never;

function seed(w: FakeWorld, tickets: readonly TicketSpec[]): void {
  w.site.requestTypes = [{ id: 'rt-1', name: 'Get IT help', projectId: PROJECT }];
  tickets.forEach((t, i) => {
    const id = String(20_000 + i);
    // Distinct activity times: the index orders by them.
    const at = w.now - t.ageDays * DAY_MS - i;
    const e: TicketExperience = {
      ...emptyExperience({ issueId: id, issueKey: `IT-${i}`, projectId: PROJECT }, at),
      requestTypeId: t.requestType,
      answers: t.answers.map((a, k) => ({
        askId: `ask-${i}-${k}`,
        questionKind: 'csat5' as const,
        score: a.score,
        favourable: a.score >= 4,
        waypoint: 'created' as const,
        midFlight: true,
        answeredAt: w.now - a.ageDays * DAY_MS - k,
        comment: a.comment,
        reasons: a.reasons,
        lostTimeMinutes: null,
        followUpDoneAt: null,
      })),
      requesterComments: t.comments.map((n, k) => ({
        commentId: `c-${i}-${k}`,
        at: at - k,
        version: at - k,
        s: -0.5,
        negativeSentences: Array.from({ length: n }, (_, j) => `It is still broken (${j})`),
        chaser: false,
        frustrationReasons: [],
      })),
    };
    w.tickets.set(id, { value: newRecord(e, at, shardOf(id)), rev: 1 });
  });
}

async function walk(read: (cursor: string | undefined) => ReturnType<typeof projectVerbatims>) {
  const pages: unknown[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await read(cursor);
    const { verbatims, reasonCounts, answersRead } = page;
    pages.push({ verbatims, reasonCounts, answersRead, last: page.nextCursor === null });
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  return pages;
}

describe('verbatims paging', () => {
  it('pages through the same list as the reader of 25-ticket pages, whatever the filters', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(ticketArb, { maxLength: 260, size: 'max' }),
        fc.record({
          window: fc.constantFrom('7d' as const, '30d' as const, '90d' as const),
          band: fc.constantFrom(undefined, 'negative' as const, 'positive' as const),
          source: fc.constantFrom(undefined, 'answer' as const, 'comment' as const),
          requestTypeId: fc.constantFrom(undefined, 'rt-1'),
          limit: fc.constantFrom(1, 5, 25, 100),
        }),
        async (tickets, filters) => {
          const w = fakeWorld();
          seed(w, tickets);
          const query = (cursor: string | undefined): VerbatimQuery => ({ ...filters, cursor });
          const actual = await walk((c) => projectVerbatims(w.ports, PROJECT, query(c)));
          const expected = await walk(async (c) => ({
            ...(await referenceVerbatims(w.ports, PROJECT, query(c))),
          }));
          expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads storage once for a page of the list from the start, twice at most from inside a read', async () => {
    const w = fakeWorld();
    seed(
      w,
      Array.from({ length: 300 }, () => ({ ageDays: 1, requestType: null, answers: [], comments: [1] })),
    );
    let reads = 0;
    const tickets = w.ports.tickets;
    const ports = {
      ...w.ports,
      tickets: {
        ...tickets,
        ticketsByActivity: (...a: Parameters<typeof tickets.ticketsByActivity>) => (
          (reads += 1),
          tickets.ticketsByActivity(...a)
        ),
      },
    };
    // One verbatim per ticket: a page of 30 stops after the second block of 25 tickets.
    const first = await projectVerbatims(ports, PROJECT, { window: '30d', limit: 30 });
    expect([first.verbatims.length, reads]).toEqual([50, 1]);
    reads = 0;
    const next = await projectVerbatims(ports, PROJECT, { window: '30d', limit: 100, cursor: first.nextCursor ?? '' });
    expect([next.verbatims.length, reads]).toEqual([100, 2]);
  });
});
