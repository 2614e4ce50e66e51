import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where each reliability file leaves its figures for the summary printed after the run: one folder
 * per run (the global set-up names it in the environment the test workers inherit), so two runs in
 * the same working tree do not mix or clear each other's figures.
 */
export const FIGURES_ENV = 'SENTIO_RELIABILITY_FIGURES_DIR';

export function figuresDir(): string {
  return (
    process.env[FIGURES_ENV] ??
    join(process.cwd(), 'node_modules', '.cache', 'sentio-reliability', `pid-${process.ppid}`)
  );
}

export function recordFigures(name: string, figures: Record<string, number | string>): void {
  const dir = figuresDir();
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, `${name}.jsonl`), `${JSON.stringify({ name, figures })}\n`);
}
