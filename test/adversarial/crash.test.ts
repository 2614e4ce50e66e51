/**
 * A crash during delivery: the process delivering a burst of events is killed (SIGKILL) while
 * invocations are in flight, the host restarts on the same data, and Forge delivers again every
 * event it had no answer for (and, at least once, some it had). Nothing may be lost or counted
 * twice: each request keeps its one survey, every comment and change, and rollups that equal the
 * sum of what each ticket contributes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { startHost, type RunningHost } from '../../local/index';
import { deliver, EventSwitch, type JiraEvent } from '../model/support/deliver';
import { deliverAndKill } from '../model/support/crash';
import { contributionCells, readAppState, storedRollupCells } from '../reliability/support/harness';
import { attack } from './support/attacks';
import { MODULE, T0, call, ok, surveyPlan } from './support/site';

const TICKETS = 6;
const COMMENTS = 2;

async function open(dir: string, sw: EventSwitch): Promise<RunningHost> {
  const h = await startHost({
    dataDir: dir,
    seed: 'basic',
    clock: T0,
    delayScale: 0,
    scheduler: false,
    handlers: { 'issue-event': sw.handler },
  });
  sw.bind(h);
  return h;
}

/** Plays the burst on the site and returns the events Jira emitted (the switch only records them). */
async function burst(h: RunningHost): Promise<JiraEvent[]> {
  ok(
    await call(
      h,
      MODULE.admin,
      'savePlan',
      { plan: surveyPlan('on-create', { kind: 'created' }) },
      h.users.admins[0] ?? '',
    ),
  );
  const from = h.events(1).at(-1)?.seq ?? 0;
  for (let i = 0; i < TICKETS; i++) {
    const reporter = h.users.customers[i] ?? '';
    const key = h.site.createTicket({ projectKey: i % 2 === 0 ? 'IT' : 'HR', summary: `Crash ${i}`, reporter }).key;
    // A few seconds between changes, as people make them.
    const step = (): void => h.site.advance(5_000);
    for (let c = 0; c < COMMENTS; c++) {
      step();
      h.site.comment(key, c === 0 ? 'Still broken.' : 'Any update on this?', { author: reporter });
    }
    step();
    h.site.assign(key, h.users.agents[i % 4] ?? '', h.users.agents[0] ?? '');
    step();
    h.site.transition(key, 'In Progress', h.users.agents[0] ?? '');
  }
  await h.waitForIdle();
  return h
    .events(500)
    .filter((e) => e.seq > from && !e.selfGenerated)
    .map((e) => e.payload);
}

describe('crash during delivery', () => {
  for (const killAfter of [1, 4, 9, 16])
    attack('crash', `killed after ${killAfter} deliveries returned: nothing lost, nothing counted twice`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sentio-crash-'));
      try {
        let sw = new EventSwitch();
        let h = await open(dir, sw);
        const events = await burst(h);
        expect(events.length).toBeGreaterThan(killAfter);
        await h.close();
        const acked = await deliverAndKill(dir, T0 + 3_600_000, 4, events, killAfter);
        expect(acked.size).toBeGreaterThanOrEqual(killAfter);
        sw = new EventSwitch();
        h = await open(dir, sw);
        // Forge redelivers what it had no answer for; here everything once more (at least once).
        const again = await deliver(
          h,
          sw,
          events.map((event) => ({ event, faults: [] })),
          4,
        );
        expect(again.lost).toBe(0);
        const state = await readAppState(h);
        expect(state.tickets.size).toBe(TICKETS);
        for (const t of state.tickets.values()) {
          expect(t.asks.map((a) => a.waypoint)).toEqual(['created']);
          expect(t.experience.requesterComments.length).toBe(COMMENTS);
          expect(t.experience.assignments.length).toBe(1);
          expect(t.experience.status?.name).toBe('In Progress');
        }
        expect(storedRollupCells(state)).toEqual(contributionCells(state));
        await h.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
});
