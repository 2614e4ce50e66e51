/** The scheduled triggers: the hourly job and the weekly personal-data report. */
import { deliverTicketChange } from '../app/delivery/deliver-ticket-change';
import { runHourlyTick } from '../app/lifecycle/run-hourly-tick';
import { reportPersonalData } from '../app/privacy/report-personal-data';
import type { TriggerDeps } from './trigger-deps';

export function hourlyHandler(deps: TriggerDeps) {
  return async (): Promise<unknown> => {
    const ports = deps.ports();
    return runHourlyTick(ports, (delivery) => deliverTicketChange(ports, delivery));
  };
}

export function weeklyPrivacyHandler(deps: TriggerDeps) {
  return async (): Promise<unknown> => reportPersonalData(deps.ports());
}
