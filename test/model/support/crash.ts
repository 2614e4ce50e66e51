/**
 * Delivers events in a separate process (crash-child.ts) on a host's data folder and kills it with
 * SIGKILL once `killAfter` deliveries have returned — mid-way through the others, with whatever
 * they had half done on disk. Returns which deliveries were acknowledged before the kill; the
 * caller restarts the host and delivers the rest again, as Forge does for unacknowledged events.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../local/host';
import type { JiraEvent } from './deliver';

export async function deliverAndKill(
  dataDir: string,
  clock: number,
  concurrency: number,
  events: readonly JiraEvent[],
  killAfter: number,
): Promise<Set<number>> {
  const file = join(dataDir, 'deliveries.json');
  writeFileSync(file, JSON.stringify(events));
  const acked = new Set<number>();
  await new Promise<void>((resolve, reject) => {
    const env = { ...process.env };
    // Run the app bundled, as `npm start` does, not through the test runner's module loader.
    delete env.VITEST;
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(REPO_ROOT, 'test/model/support/crash-child.ts'),
        dataDir,
        String(clock),
        String(concurrency),
        file,
      ],
      { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /^ack (\d+)$/.exec(line);
        if (m) acked.add(Number(m[1]));
        if (acked.size >= killAfter && child.exitCode === null) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL' || code === 0) resolve();
      else reject(new Error(`the delivering process failed (${code}): ${stderr.slice(-2000)}`));
    });
  });
  return acked;
}
