import type { DashboardWindow } from '@contracts/project';

/** The dashboard's window selector; every XLA is evaluated over the chosen window. */
export const DEFAULT_WINDOW: DashboardWindow = '30d';

export const WINDOW_OPTIONS: ReadonlyArray<{ value: DashboardWindow; label: string }> = [
  { value: '7d', label: '7 days' },
  { value: '30d', label: '30 days' },
  { value: '90d', label: '90 days' },
  { value: 'month', label: 'This month' },
];
