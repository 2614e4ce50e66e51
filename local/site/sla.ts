// SLA cycles as JSM computes them for two classic metrics, on a 24/7 calendar:
// - Time to first response: from creation until the first public comment by an agent.
// - Time to resolution: from creation (or a reopen) until resolved; paused while Waiting for customer.
// The response shape is `GET /rest/servicedeskapi/request/{key}/sla`.
import { friendlyDuration, sdDate } from './clock.js';
import type { Issue, JiraSite } from './site.js';

export const SLA_NAMES = { firstResponse: 'Time to first response', resolution: 'Time to resolution' } as const;

interface Cycle {
  start: number;
  stop?: number;
  pausedMs: number;
  paused: boolean;
}

function duration(ms: number): { millis: number; friendly: string } {
  return { millis: ms, friendly: friendlyDuration(ms) };
}

function cycleDto(c: Cycle, goalMs: number, now: number): Record<string, unknown> {
  const end = c.stop ?? now;
  const elapsed = Math.max(0, end - c.start - c.pausedMs);
  const breachAt = c.start + goalMs + c.pausedMs;
  const base = {
    startTime: sdDate(c.start),
    breachTime: sdDate(breachAt),
    breached: elapsed > goalMs,
    goalDuration: duration(goalMs),
    elapsedTime: duration(elapsed),
    remainingTime: duration(goalMs - elapsed),
  };
  if (c.stop !== undefined) return { ...base, stopTime: sdDate(c.stop) };
  return { ...base, paused: c.paused, withinCalendarHours: true };
}

export function computeSlas(site: JiraSite, issue: Issue, now: number): Array<Record<string, unknown>> {
  const rt = site.requestType(issue.requestTypeId);
  const frtGoal = (site.slaOverride(issue.id, SLA_NAMES.firstResponse)?.goalMinutes ?? rt?.frtGoalMin ?? 240) * 60_000;
  const ttrGoal = (site.slaOverride(issue.id, SLA_NAMES.resolution)?.goalMinutes ?? rt?.ttrGoalMin ?? 2880) * 60_000;

  // First response: one cycle.
  const firstAgentComment = site
    .comments(issue.id)
    .find(
      (c) =>
        c.public &&
        c.author !== issue.reporter &&
        (site.user(c.author)?.role === 'agent' || site.user(c.author)?.role === 'admin'),
    );
  const frt: Cycle = {
    start: issue.created,
    pausedMs: 0,
    paused: false,
    ...(firstAgentComment ? { stop: firstAgentComment.created } : {}),
  };

  // Resolution: walk the status history.
  const waitingId = site.status('Waiting for customer')?.id;
  const cycles: Cycle[] = [];
  let current: Cycle | undefined = { start: issue.created, pausedMs: 0, paused: false };
  let pausedSince: number | undefined;
  for (const entry of site.changelog(issue.id)) {
    const status = entry.items.find((i) => i.field === 'status');
    if (!status || status.to === null) continue;
    const to = site.status(status.to);
    if (!to) continue;
    const t = entry.created;
    if (current) {
      if (pausedSince !== undefined) {
        current.pausedMs += t - pausedSince;
        pausedSince = undefined;
      }
      if (to.category === 'done') {
        current.stop = t;
        cycles.push(current);
        current = undefined;
      } else if (to.id === waitingId) {
        pausedSince = t;
      }
    } else if (to.category !== 'done') {
      current = { start: t, pausedMs: 0, paused: false };
      if (to.id === waitingId) pausedSince = t;
    }
  }
  if (current && pausedSince !== undefined) {
    current.pausedMs += now - pausedSince;
    current.paused = true;
  }

  const entry = (
    id: string,
    name: string,
    completed: Cycle[],
    ongoing: Cycle | undefined,
    goal: number,
  ): Record<string, unknown> => ({
    id,
    name,
    _links: { self: `${site.baseUrl}/rest/servicedeskapi/request/${issue.id}/sla/${id}` },
    completedCycles: completed.map((c) => cycleDto(c, goal, now)),
    ...(ongoing ? { ongoingCycle: cycleDto(ongoing, goal, now) } : {}),
  });
  return [
    entry(
      '1',
      SLA_NAMES.firstResponse,
      frt.stop !== undefined ? [frt] : [],
      frt.stop === undefined ? frt : undefined,
      frtGoal,
    ),
    entry('2', SLA_NAMES.resolution, cycles, current, ttrGoal),
    // SLAs a test added beyond the two standard ones, timed like time to resolution.
    ...site
      .slaOverrides(issue.id)
      .filter((o) => o.name !== SLA_NAMES.firstResponse && o.name !== SLA_NAMES.resolution)
      .map((o, i) => entry(String(3 + i), o.name, cycles, current, o.goalMinutes * 60_000)),
  ];
}
