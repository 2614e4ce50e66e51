// Oracles: the CPU list format of taskset(1) (util-linux: "0,5,8-11"), hand-read; and Node's
// os.availableParallelism(), which asks the kernel for this process's affinity itself.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { affinityList, splitCpus } from '../../scripts/cpu-split';

describe('the render bench’s CPU split', () => {
  it('reads the CPU lists taskset prints', () => {
    expect(affinityList("pid 27900's current affinity list: 0,1\n")).toEqual([0, 1]);
    expect(affinityList("pid 1's current affinity list: 0-3")).toEqual([0, 1, 2, 3]);
    expect(affinityList("pid 1's current affinity list: 8-11,0,5")).toEqual([0, 5, 8, 9, 10, 11]);
    expect(affinityList("pid 1's current affinity list: 2")).toEqual([2]);
  });

  it('refuses what is not a CPU list', () => {
    expect(() => affinityList('taskset: failed to get pid 1 affinity')).toThrow(/not an affinity list/);
    expect(() => affinityList("pid 1's current affinity list: 3-1")).toThrow(/not a CPU range/);
  });

  it('gives the host the first CPU and the browser the rest, and splits nothing with one CPU', () => {
    expect(splitCpus([0, 1])).toEqual({ host: [0], browser: [1] });
    expect(splitCpus([2, 3, 6])).toEqual({ host: [2], browser: [3, 6] });
    expect(splitCpus([4])).toEqual({ notSplit: 'only 1 CPU to use' });
  });

  it('reads as many CPUs from this process’s own taskset line as the kernel gives Node', () => {
    const printed = execFileSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' });
    expect(affinityList(printed)).toHaveLength(availableParallelism());
  });
});
