import type { IndicatorId } from '@domain/indicator';

export const INDICATOR_NAME: Readonly<Record<IndicatorId, string>> = {
  csat: 'Satisfaction',
  sentiment: 'Comment tone',
  sla: 'SLAs met',
  reopen: 'Not reopened',
  reassign: 'Few reassignments',
  wait: 'Short waits',
  chaser: 'No chasers',
};

/** The longer form, where an indicator is chosen or weighed (the XLA editor, admin lists). */
export const INDICATOR_LONG_NAME: Readonly<Record<IndicatorId, string>> = {
  csat: 'Satisfaction (survey answers)',
  sentiment: 'Comment tone',
  sla: 'SLAs met',
  reopen: 'Not reopened',
  reassign: 'At most one reassignment',
  wait: 'Wait for support under the threshold',
  chaser: 'No chasers',
};
