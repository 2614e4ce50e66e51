/**
 * Where each SLA of a ticket stands now, read from JSM's own SLA answer, in the states Jira's SLA
 * panel shows: breached, at risk, on track, paused, met. JSM shows an ongoing SLA as breached once
 * its remaining time is past the goal, as at risk when less than 30 minutes remain, and with a pause
 * icon while paused; a completed one as met or breached, with the time left (or past the goal) when
 * it completed ("How teams see SLAs", confluence.atlassian.com/servicemanagementserver0421/how-teams-see-slas-1115653768.html).
 */
import type { EpochMs } from '../../domain/time';
import type { SlaMetric } from '../../domain/ticket';
import type { LiveSla, LiveSlaCycle } from '../ports';

export type SlaStandingState = 'breached' | 'at-risk' | 'on-track' | 'paused' | 'met';

export interface SlaStanding {
  readonly name: string;
  readonly state: SlaStandingState;
  /** Time left in the cycle shown (negative: overdue by that much); null when JSM did not say. */
  readonly remainingMs: number | null;
  /** A completed cycle of this SLA breached, though the cycle shown did not (a reopened ticket). */
  readonly breachedBefore: boolean;
}

/** The panel's live read: the SLAs, or that Jira could not be asked. */
/** `more`: Jira has more SLAs than were read; the standings are of the first ones only. */
export type SlaReading =
  | { readonly read: 'read'; readonly slas: readonly SlaStanding[]; readonly more: boolean }
  | { readonly read: 'failed' };

/** JSM's "less than 30 minutes before breaching" colour. */
export const SLA_AT_RISK_MS = 30 * 60_000;

/** Worst first: the order the chip picks its headline SLA by. */
export const SLA_STATE_ORDER: readonly SlaStandingState[] = ['breached', 'at-risk', 'on-track', 'paused', 'met'];

function ongoingState(c: LiveSlaCycle & { readonly paused: boolean }): SlaStandingState {
  // Past the goal is breached, as JSM draws it, even in an answer whose flag lags the clock.
  if (c.breached || (c.remainingMs !== null && c.remainingMs < 0)) return 'breached';
  if (c.paused) return 'paused';
  return c.remainingMs !== null && c.remainingMs < SLA_AT_RISK_MS ? 'at-risk' : 'on-track';
}

/** One SLA's standing; null for an SLA with no cycle yet (not started: Jira shows no clock). */
export function slaStandingOf(sla: LiveSla): SlaStanding | null {
  const shown = sla.ongoingCycle ?? sla.completedCycles[sla.completedCycles.length - 1];
  if (shown === undefined) return null;
  const earlier = sla.ongoingCycle === null ? sla.completedCycles.slice(0, -1) : sla.completedCycles;
  return {
    name: sla.name,
    state: sla.ongoingCycle !== null ? ongoingState(sla.ongoingCycle) : shown.breached ? 'breached' : 'met',
    remainingMs: shown.remainingMs,
    breachedBefore: earlier.some((c) => c.breached),
  };
}

/** The standings in the chip's order: worst first, then by name. */
export function slaStandings(slas: readonly LiveSla[]): SlaStanding[] {
  const rank = (s: SlaStanding) => SLA_STATE_ORDER.indexOf(s.state);
  return slas
    .flatMap((s) => slaStandingOf(s) ?? [])
    .sort((a, b) => rank(a) - rank(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The live SLAs in the shape the ticket's stored SLA state is built from, so risk and chip agree. */
export function asSlaMetrics(slas: readonly LiveSla[]): SlaMetric[] {
  const time = (at: EpochMs | null) => (at === null ? undefined : { epochMillis: at });
  const cycle = (c: LiveSlaCycle) => ({
    breached: c.breached,
    breachTime: time(c.breachAt),
    startTime: time(c.startAt),
    stopTime: time(c.stopAt),
  });
  return slas.map((s) => ({
    name: s.name,
    completedCycles: s.completedCycles.map(cycle),
    ongoingCycle: s.ongoingCycle === null ? null : cycle(s.ongoingCycle),
  }));
}
