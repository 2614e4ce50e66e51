import type { DashboardWindow } from '@contracts/project';
import type { Translator } from '@domain/i18n';

/** The dashboard's window selector; every XLA is evaluated over the chosen window. */
export const DEFAULT_WINDOW: DashboardWindow = '30d';

export function windowOptions(m: Translator): ReadonlyArray<{ value: DashboardWindow; label: string }> {
  return [
    { value: '7d', label: m.t('projectPage.window.days', { days: 7 }) },
    { value: '30d', label: m.t('projectPage.window.days', { days: 30 }) },
    { value: '90d', label: m.t('projectPage.window.days', { days: 90 }) },
    { value: 'month', label: m.t('projectPage.window.month') },
  ];
}
