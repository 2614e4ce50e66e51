import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Where each reliability file leaves its figures for the summary printed after the run. */
export const FIGURES_DIR = join(process.cwd(), 'node_modules', '.cache', 'sentio-reliability');

export function recordFigures(name: string, figures: Record<string, number | string>): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  appendFileSync(join(FIGURES_DIR, `${name}.jsonl`), `${JSON.stringify({ name, figures })}\n`);
}
