/**
 * On Forge the app's functions run on Atlassian's machines, never beside the person's browser. The
 * render bench runs the local host (functions, storage, the site) in its own process, so on a small
 * machine a resolver's CPU would be taken from the browser's and charged to the view, and not to the
 * bare frame, which invokes nothing. With two CPUs or more the bench gives the host the first CPU it
 * may use and the browser the others (Linux affinity, `taskset` of util-linux): a child process
 * keeps the affinity it was started with, so the bench moves itself to the browser's CPUs, starts
 * Chromium, and moves itself back to the host's.
 */
import { execFileSync } from 'node:child_process';

/** `taskset -cp` prints "pid 123's current affinity list: 0-2,5"; the CPUs it names, in order. */
export function affinityList(printed: string): number[] {
  const list = /affinity list:\s*([0-9,\s-]+)$/m.exec(printed.trim())?.[1];
  if (list === undefined) throw new Error(`not an affinity list: ${JSON.stringify(printed)}`);
  const cpus = list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .flatMap((part) => {
      const [from, to] = part.split('-').map((n) => Number(n));
      if (from === undefined || !Number.isInteger(from) || (to !== undefined && !(Number.isInteger(to) && to >= from)))
        throw new Error(`not a CPU range: ${JSON.stringify(part)}`);
      return Array.from({ length: (to ?? from) - from + 1 }, (_, i) => from + i);
    });
  return [...new Set(cpus)].sort((a, b) => a - b);
}

/** The host's CPU and the browser's, or why the run is not split. */
export type CpuSplit = { host: number[]; browser: number[] } | { notSplit: string };

export function splitCpus(cpus: readonly number[]): CpuSplit {
  if (cpus.length < 2) return { notSplit: `only ${cpus.length} CPU to use` };
  return { host: cpus.slice(0, 1), browser: cpus.slice(1) };
}

function pin(cpus: readonly number[]): void {
  // -a: every thread of this process (V8's and libuv's too), not only the main one.
  execFileSync('taskset', ['-a', '-cp', cpus.join(','), String(process.pid)], { stdio: 'ignore' });
}

/**
 * Runs `launch` (which starts the browser) on the browser's CPUs, then leaves this process on the
 * host's. Without `taskset` or a second CPU, `launch` runs as is and the result says why.
 */
export async function launchOnOwnCpus<T>(launch: () => Promise<T>): Promise<{ value: T; split: CpuSplit }> {
  let split: CpuSplit;
  try {
    split = splitCpus(affinityList(execFileSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' })));
  } catch (e) {
    split = { notSplit: `taskset is not usable here (${e instanceof Error ? e.message.split('\n')[0] : String(e)})` };
  }
  if ('notSplit' in split) return { value: await launch(), split };
  pin(split.browser);
  try {
    return { value: await launch(), split };
  } finally {
    pin(split.host);
  }
}

export function describeSplit(split: CpuSplit): string {
  return 'notSplit' in split
    ? `browser and host share the CPUs: ${split.notSplit}`
    : `the host (functions, storage, site) on CPU ${split.host.join(',')}, the browser on CPU ${split.browser.join(',')}`;
}
