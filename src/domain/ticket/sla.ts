import { z } from 'zod';
import type { EpochMs } from '../time';
import { EXPERIENCE_LIMITS as L, type SlaState, type TicketExperience } from './experience';
import type { Applied } from './apply-event';
import { signalsAdded } from './signals';
import { truncate } from './sorted';

/*
 * JSM has no SLA events; SLA state is read from `GET /rest/servicedeskapi/request/{key}/sla`
 * (https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-sla-get).
 * Loose schemas: we rely on the name and the `breached` flags only.
 */
const SlaTimeSchema = z.looseObject({ epochMillis: z.number().optional() });

export const SlaCycleSchema = z.looseObject({
  breached: z.boolean(),
  breachTime: SlaTimeSchema.optional(),
  startTime: SlaTimeSchema.optional(),
  stopTime: SlaTimeSchema.optional(),
});

export const SlaMetricSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  name: z.string().min(1),
  completedCycles: z.array(SlaCycleSchema).default([]),
  ongoingCycle: SlaCycleSchema.nullable().optional(),
});
export type SlaMetric = z.infer<typeof SlaMetricSchema>;

/** One page of the servicedeskapi answer (`values` holds the metrics). */
export const SlaPageSchema = z.looseObject({ values: z.array(SlaMetricSchema), isLastPage: z.boolean().optional() });
export type SlaPage = z.infer<typeof SlaPageSchema>;

function stateOf(metric: SlaMetric, previous: SlaState | undefined, now: EpochMs): SlaState {
  const cycles = [...metric.completedCycles, ...(metric.ongoingCycle ? [metric.ongoingCycle] : [])];
  const breachedCycles = cycles.filter((c) => c.breached);
  const breached = breachedCycles.length > 0;
  const times = breachedCycles.map((c) => c.breachTime?.epochMillis ?? c.stopTime?.epochMillis ?? now);
  // The first time we saw it breached stays the breach time, so a re-read does not move the signal.
  const breachedAt = breached ? Math.min(...times, previous?.breachedAt ?? Number.POSITIVE_INFINITY) : null;
  return { name: truncate(metric.name, 120), applies: cycles.length > 0, breached, breachedAt };
}

/**
 * Replaces the ticket's SLA state with a fresh read taken at `now`. A read older than the one
 * already applied is ignored (reads can race), and the same read twice changes nothing.
 */
export function applySlaState(experience: TicketExperience, metrics: readonly SlaMetric[], now: EpochMs): Applied {
  if (experience.slaCheckedAt !== null && now < experience.slaCheckedAt) return { experience, newSignals: [] };
  const previous = new Map(experience.slas.map((s) => [s.name, s]));
  const slas = metrics
    .map((m) => stateOf(m, previous.get(m.name), now))
    // Breached first, so a ticket with more SLAs than the record keeps never loses a breach.
    .sort((a, b) => Number(b.breached) - Number(a.breached) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, L.slas);
  const next: TicketExperience = { ...experience, slas, slaCheckedAt: now };
  return { experience: next, newSignals: signalsAdded(experience, next) };
}
