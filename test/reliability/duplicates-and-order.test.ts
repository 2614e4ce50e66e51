/**
 * Jira delivers product events at least once, up to ~3 minutes late and out of order. Two hosts
 * play the same 200 seeded journeys; one app receives every event once, in order; the other
 * receives each event 1–3 times, shuffled within a 3-minute window, four deliveries in flight.
 * Their stored state must be the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketRecord } from '../../src/app/tickets/ticket-record';
import {
  contributionCells,
  installPlans,
  prng,
  readAppState,
  reportFigures,
  RESOLVED_CSAT_PLAN,
  startReliabilityHost,
  storedRollupCells,
  totalCount,
  type AppState,
  type Host,
} from './support/harness';
import { deliver, EventSwitch, switchedHandlers, type CapturedEvent } from './support/delivery';
import { journeys, playJourneys } from './support/journeys';

const JOURNEYS = Number(process.env.SENTIO_JOURNEYS ?? 200);
const WINDOW_MS = 3 * 60_000;

/** What must not depend on delivery: the fold, the contribution, ask ids and states. Wall-clock fields are left out. */
function comparable(t: TicketRecord): unknown {
  const { slaCheckedAt: _checked, lastEventAt: _last, ...experience } = t.experience;
  return {
    experience,
    contribution: t.contribution,
    open: t.open,
    projectId: t.projectId,
    createdAt: t.createdAt,
    shard: t.shard,
    asks: t.asks.map((a) => ({ id: a.id, planId: a.planId, waypoint: a.waypoint, status: a.status, score: a.score })),
    participantIds: [...t.participantIds].sort(),
  };
}

/** Every event 1–3 times, each copy at its emission time plus up to 3 minutes, in delivery order. */
function duplicatedAndShuffled(captured: readonly CapturedEvent[], r: () => number): Record<string, unknown>[] {
  const copies: Array<{ due: number; tie: number; event: Record<string, unknown> }> = [];
  for (const c of captured) {
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++)
      copies.push({ due: c.at + Math.floor(r() * WINDOW_MS), tie: r(), event: { ...c.event } });
  }
  return copies.sort((a, b) => a.due - b.due || a.tie - b.tie).map((c) => c.event);
}

describe('duplicate and out-of-order delivery', () => {
  const inOrder = new EventSwitch();
  const shuffled = new EventSwitch();
  let a: Host;
  let b: Host;
  let stateA: AppState;
  let stateB: AppState;
  let copies = 0;
  let reordered = 0;

  beforeAll(async () => {
    a = await startReliabilityHost({ handlers: switchedHandlers(inOrder) });
    b = await startReliabilityHost({ handlers: switchedHandlers(shuffled) });
    for (const [h, sw] of [
      [a, inOrder],
      [b, shuffled],
    ] as const) {
      sw.bind(h);
      await installPlans(h, [RESOLVED_CSAT_PLAN]);
      const people = { agents: h.users.agents, customers: h.users.customers };
      await playJourneys(h, journeys(prng(20260105), JOURNEYS, people), () => h.waitForIdle());
      sw.mode = 'forward';
    }
    expect(shuffled.captured.length).toBe(inOrder.captured.length);

    const once = await deliver(
      a,
      inOrder.captured.map((c) => c.event),
    );
    const plan = duplicatedAndShuffled(shuffled.captured, prng(7));
    copies = plan.length;
    const twice = await deliver(b, plan, 4);
    expect(once.reasons).toEqual([]);
    expect(twice.reasons).toEqual([]);
    stateA = await readAppState(a);
    stateB = await readAppState(b);
    reordered = countInversions(plan, shuffled.captured);
    // Losses: tickets the in-order app holds that the shuffled one lacks or holds differently, plus
    // rollup cells that differ between the two or from the sum of the shuffled app's tickets.
    const ticketLosses = [...stateA.tickets].filter(([id, t]) => {
      const other = stateB.tickets.get(id);
      return other === undefined || JSON.stringify(comparable(other)) !== JSON.stringify(comparable(t));
    }).length;
    const cellLosses =
      cellDifferences(storedRollupCells(stateA), storedRollupCells(stateB)) +
      cellDifferences(contributionCells(stateB), storedRollupCells(stateB));
    reportFigures('duplicates-and-order', {
      casesTried: twice.deliveries,
      journeys: JOURNEYS,
      events: inOrder.captured.length,
      deliveries: twice.deliveries,
      duplicates: copies - shuffled.captured.length,
      outOfOrder: reordered,
      conflictRetries: twice.retries,
      tickets: stateB.tickets.size,
      rollupCount: totalCount(storedRollupCells(stateB)),
      losses: ticketLosses + cellLosses,
    });
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('delivered every copy, many of them out of order', () => {
    expect(copies).toBeGreaterThan(inOrder.captured.length);
    expect(reordered).toBeGreaterThan(0);
  });

  it('keeps the same tickets with the same folds, contributions and asks', () => {
    expect([...stateB.tickets.keys()].sort()).toEqual([...stateA.tickets.keys()].sort());
    expect(stateA.tickets.size).toBe(JOURNEYS);
    const asks = [...stateA.tickets.values()].reduce((n, t) => n + t.asks.length, 0);
    expect(asks).toBeGreaterThan(JOURNEYS / 4);
    for (const [id, t] of stateA.tickets)
      expect(comparable(stateB.tickets.get(id) as TicketRecord), `ticket ${id}`).toEqual(comparable(t));
  });

  it('ends with identical rollups, equal to the sum of ticket contributions', () => {
    const rollupsA = storedRollupCells(stateA);
    expect(totalCount(rollupsA)).toBeGreaterThan(0);
    expect(storedRollupCells(stateB)).toEqual(rollupsA);
    expect(contributionCells(stateB)).toEqual(storedRollupCells(stateB));
  });
});

/** Cells present in one list and not the other, or with other counts. */
function cellDifferences(a: readonly unknown[], b: readonly unknown[]): number {
  const left = new Set(a.map((c) => JSON.stringify(c)));
  const right = new Set(b.map((c) => JSON.stringify(c)));
  return [...left].filter((c) => !right.has(c)).length + [...right].filter((c) => !left.has(c)).length;
}

/** How many deliveries came before an event emitted earlier than them (pairs out of order, adjacent only). */
function countInversions(plan: readonly Record<string, unknown>[], captured: readonly CapturedEvent[]): number {
  const seq = new Map<string, number>();
  for (const c of captured) seq.set(JSON.stringify(c.event), c.seq);
  let n = 0;
  let maxSeen = -1;
  for (const e of plan) {
    const s = seq.get(JSON.stringify(e)) ?? -1;
    if (s < maxSeen) n += 1;
    maxSeen = Math.max(maxSeen, s);
  }
  return n;
}
