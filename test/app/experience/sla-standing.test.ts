/**
 * Where an SLA stands, from JSM's cycles. Oracle: JSM's own display rules ("How teams see SLAs":
 * breached once past the goal, at risk under 30 minutes left, a pause icon while paused, a
 * completed SLA met or breached), applied by hand to each case.
 */
import { describe, expect, it } from 'vitest';
import type { LiveSla, LiveSlaCycle } from '../../../src/app/ports';
import { slaStandingOf, slaStandings } from '../../../src/app/experience/sla-standing';

const MINUTE = 60_000;
const cycle = (patch: Partial<LiveSlaCycle> = {}): LiveSlaCycle => ({
  breached: false,
  remainingMs: 60 * MINUTE,
  goalMs: 240 * MINUTE,
  breachAt: null,
  startAt: null,
  stopAt: null,
  ...patch,
});
const sla = (
  name: string,
  completed: LiveSlaCycle[],
  ongoing: (LiveSlaCycle & { paused: boolean }) | null,
): LiveSla => ({
  name,
  completedCycles: completed,
  ongoingCycle: ongoing,
});

describe('slaStandingOf', () => {
  it('has no standing before the SLA starts (no cycle)', () => {
    expect(slaStandingOf(sla('Time to resolution', [], null))).toBeNull();
  });

  it.each([
    ['30 minutes left is not yet at risk', { remainingMs: 30 * MINUTE }, 'on-track'],
    ['29 minutes left is at risk', { remainingMs: 29 * MINUTE }, 'at-risk'],
    ['past the goal is breached even if the flag lags', { remainingMs: -MINUTE }, 'breached'],
    ['the breached flag is breached', { breached: true, remainingMs: 5 * MINUTE }, 'breached'],
    ['paused with time left is paused', { paused: true, remainingMs: 10 * MINUTE }, 'paused'],
    ['paused after the breach is still breached', { paused: true, breached: true, remainingMs: -MINUTE }, 'breached'],
  ] as const)('an ongoing cycle: %s', (_what, patch, state) => {
    const ongoing = { ...cycle(), paused: false, ...patch };
    expect(slaStandingOf(sla('Time to resolution', [], ongoing))?.state).toBe(state);
  });

  it('a completed SLA is met or breached by its last cycle, and remembers an earlier breach', () => {
    const breachedThenMet = sla('Time to resolution', [cycle({ breached: true, remainingMs: -MINUTE }), cycle()], null);
    expect(slaStandingOf(breachedThenMet)).toEqual({
      name: 'Time to resolution',
      state: 'met',
      remainingMs: 60 * MINUTE,
      breachedBefore: true,
    });
    expect(
      slaStandingOf(sla('Time to resolution', [cycle({ breached: true, remainingMs: -MINUTE })], null))?.state,
    ).toBe('breached');
  });
});

describe('slaStandings', () => {
  it('puts the worst first: breached, at risk, on track, paused, met; then by name', () => {
    const names = slaStandings([
      sla('E met', [cycle()], null),
      sla('D paused', [], { ...cycle(), paused: true }),
      sla('C on track', [], { ...cycle(), paused: false }),
      sla('B at risk', [], { ...cycle({ remainingMs: MINUTE }), paused: false }),
      sla('A2 breached', [cycle({ breached: true })], null),
      sla('A1 breached', [], { ...cycle({ breached: true, remainingMs: -MINUTE }), paused: false }),
      sla('not started', [], null),
    ]).map((s) => s.name);
    expect(names).toEqual(['A1 breached', 'A2 breached', 'B at risk', 'C on track', 'D paused', 'E met']);
  });
});
