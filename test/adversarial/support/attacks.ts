/**
 * Every attack is one named case in a category. A case passes when the app refuses the attack the
 * way the product promises (and writes nothing it should not); each outcome is recorded so the
 * run ends with a count per category — cases tried and cases broken — computed from the cases
 * themselves (test/reliability/support/figures-summary.ts prints it).
 */
import { it } from 'vitest';
import { recordFigures } from '../../reliability/support/figures';

export const CATEGORIES = [
  'reported defects',
  'tokens',
  'GET never records',
  'access',
  'payloads',
  'stored XSS',
  'CSV formulas',
  'CPU bombs',
  'crash',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Registers one attack as a test; its outcome counts in the category's figures. */
export function attack(category: Category, title: string, run: () => Promise<void> | void): void {
  it(`[${category}] ${title}`, async () => {
    try {
      await run();
    } catch (e) {
      recordFigures('adversarial', { category, broken: 1, cases: 1 });
      throw e;
    }
    recordFigures('adversarial', { category, broken: 0, cases: 1 });
  });
}
