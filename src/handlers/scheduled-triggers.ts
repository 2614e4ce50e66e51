/** The scheduled triggers: the hourly job and the weekly personal-data report. */
import { deliverTicketChange } from '../app/delivery/deliver-ticket-change';
import { runHourlyTick } from '../app/lifecycle/run-hourly-tick';
import { backfillHoldings } from '../app/privacy/backfill-holdings';
import { reportPersonalData } from '../app/privacy/report-personal-data';
import type { TriggerDeps } from './trigger-deps';

export function hourlyHandler(deps: TriggerDeps) {
  return async (): Promise<unknown> => {
    const ports = deps.ports();
    const tick = await runHourlyTick(ports, (delivery) => deliverTicketChange(ports, delivery));
    // After the survey work, bounded per run: account rows for data stored before they were kept.
    return { ...tick, accountBackfill: await backfillHoldings(ports) };
  };
}

export function weeklyPrivacyHandler(deps: TriggerDeps) {
  return async (): Promise<unknown> => reportPersonalData(deps.ports());
}
