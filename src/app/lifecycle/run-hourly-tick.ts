/**
 * The hourly scheduled trigger: pending asks that are due (expiry, reminders, owed comments),
 * time-based waypoints on open tickets, then three bounded housekeeping steps: compacting changed
 * rollup days into day summaries, deleting retired rollup generations and one step of the daily
 * site-priors computation. `deliver` is the
 * post-commit delivery the handler gives it (src/app/delivery/deliver-ticket-change.ts).
 */
import { effectiveConfig } from '../configuration/effective-config';
import type { Deliver } from '../delivery/deliver-ticket-change';
import type { AppPorts } from '../ports';
import { collectRetiredGenerations } from '../recompute/collect-retired-generations';
import { compactRollups } from '../scorecards/compact-rollups';
import { refreshSitePriors, type PriorsRefresh } from '../scorecards/refresh-site-priors';
import { askAtTimeWaypoints } from '../surveys/ask-at-time-waypoints';
import { updateDueAsks } from '../surveys/update-due-asks';

export interface HourlyResult {
  readonly expired: number;
  readonly reminded: number;
  readonly asked: number;
  /** Survey comments that had failed after their commit and were sent now. */
  readonly delivered: number;
  /** Rollup days summed into their day summary this run. */
  readonly compacted: number;
  /** Buckets of retired rollup generations deleted this run. */
  readonly collected: number;
  /** Where the daily site-priors computation stands after this run. */
  readonly priors: PriorsRefresh['state'];
}

export async function runHourlyTick(ports: AppPorts, deliver: Deliver): Promise<HourlyResult> {
  const now = ports.clock.now();
  const { expired, reminded, delivered } = await updateDueAsks(ports, deliver, now);
  const asked = await askAtTimeWaypoints(ports, deliver, await effectiveConfig(ports), now);
  // Housekeeping last, each bounded per run: the survey work above is what requesters wait for.
  const compacted = (await compactRollups(ports)).compacted;
  const collected = (await collectRetiredGenerations(ports)).deleted;
  const priors = (await refreshSitePriors(ports)).state;
  return { expired, reminded, asked, delivered, compacted, collected, priors };
}
