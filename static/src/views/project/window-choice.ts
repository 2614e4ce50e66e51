import type { XlaWindow } from '../../../../src/domain/xla';

/** The dashboard's window selector: each XLA's own window, or one window for all. */
export type WindowChoice = 'own' | '7' | '30' | '90' | 'month';

export const WINDOW_OPTIONS: ReadonlyArray<{ value: WindowChoice; label: string }> = [
  { value: 'own', label: 'Each XLA’s window' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: 'month', label: 'This month' },
];

export function windowOf(choice: WindowChoice): XlaWindow | undefined {
  switch (choice) {
    case 'own':
      return undefined;
    case 'month':
      return { kind: 'calendar-month' };
    default:
      return { kind: 'rolling', days: Number(choice) as 7 | 30 | 90 };
  }
}
