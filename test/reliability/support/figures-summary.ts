/**
 * Vitest global set-up: clears the reliability figures before a run and prints them, summed, after
 * it (each test file appends its figures in `reportFigures`). Prints nothing when no reliability
 * file ran.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURES_ENV } from './figures';

const FIGURES_DIR = join(process.cwd(), 'node_modules', '.cache', 'sentio-reliability', `run-${process.pid}`);

export function setup(): void {
  rmSync(FIGURES_DIR, { recursive: true, force: true });
  mkdirSync(FIGURES_DIR, { recursive: true });
  process.env[FIGURES_ENV] = FIGURES_DIR;
}

export function teardown(): void {
  if (!existsSync(FIGURES_DIR)) return;
  const lines = readdirSync(FIGURES_DIR)
    .sort()
    .flatMap((f) =>
      readFileSync(`${FIGURES_DIR}/${f}`, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== ''),
    );
  rmSync(FIGURES_DIR, { recursive: true, force: true });
  printAdversarial(lines.filter((l) => (JSON.parse(l) as { name: string }).name === 'adversarial'));
  printReliability(lines.filter((l) => (JSON.parse(l) as { name: string }).name !== 'adversarial'));
}

/** The adversarial suite: cases tried and broken per category, summed from each case's record. */
function printAdversarial(lines: readonly string[]): void {
  if (lines.length === 0) return;
  const byCategory = new Map<string, { cases: number; broken: number }>();
  for (const line of lines) {
    const { figures } = JSON.parse(line) as { figures: { category: string; cases: number; broken: number } };
    const c = byCategory.get(figures.category) ?? { cases: 0, broken: 0 };
    c.cases += figures.cases;
    c.broken += figures.broken;
    byCategory.set(figures.category, c);
  }
  const total = [...byCategory.values()].reduce((t, c) => ({ cases: t.cases + c.cases, broken: t.broken + c.broken }), {
    cases: 0,
    broken: 0,
  });
  console.log('\nAdversarial suite');
  for (const [category, c] of [...byCategory].sort(([a], [b]) => a.localeCompare(b)))
    console.log(`  ${category.padEnd(22)} cases=${c.cases} broken=${c.broken}`);
  console.log(`  total: cases=${total.cases} broken=${total.broken}\n`);
}

function printReliability(lines: readonly string[]): void {
  if (lines.length === 0) return;
  const totals = { casesTried: 0, faultsInjected: 0, losses: 0 };
  for (const line of lines) {
    const figures = JSON.parse(line) as { name: string; figures: Record<string, number | string> };
    const n = (k: string): number => (typeof figures.figures[k] === 'number' ? Number(figures.figures[k]) : 0);
    totals.casesTried += n('casesTried');
    totals.faultsInjected += n('faultsInjected');
    totals.losses += n('losses');
  }
  console.log('\nReliability suite');
  for (const line of lines) {
    const { name, figures } = JSON.parse(line) as { name: string; figures: Record<string, number | string> };
    console.log(
      `  ${name.padEnd(22)} ${Object.entries(figures)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
  }
  console.log(
    `  total: cases tried=${totals.casesTried} faults injected=${totals.faultsInjected} losses=${totals.losses}\n`,
  );
}
