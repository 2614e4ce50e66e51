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
