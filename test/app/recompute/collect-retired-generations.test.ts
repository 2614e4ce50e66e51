/** Retired rollup generations: listed when they stop being live, deleted boundedly after a grace period. */
import { describe, expect, it } from 'vitest';
import { collectRetiredGenerations, RETIRED_GRACE_MS } from '../../../src/app/recompute/collect-retired-generations';
import { runRecomputeChunk } from '../../../src/app/recompute/run-recompute-chunk';
import { startRecompute } from '../../../src/app/recompute/start-recompute';
import { rollupKey } from '../../../src/platform/storage-layout';
import { xla } from '../../domain/rollup/builders';
import { fakeWorld, type FakeWorld } from '../fakes/ports';

function addBuckets(w: FakeWorld, generation: string, projectId: string, days: number): void {
  for (let d = 1; d <= days; d++) {
    const period = `2025-12-${String(d).padStart(2, '0')}`;
    const ref = { generation, projectId, period, shard: 0 };
    w.buckets.set(rollupKey(ref), { value: { ...ref, bucket: null }, rev: 1 });
  }
  w.projects.add(projectId);
}

function keysOf(w: FakeWorld, generation: string): number {
  return [...w.buckets.values()].filter((b) => b.value.generation === generation).length;
}

describe('cleaning up retired rollup generations', () => {
  function world() {
    const w = fakeWorld({ version: 3, xlas: [xla()], plans: [] });
    w.config = {
      ...w.config,
      rollups: {
        active: 'g2',
        building: null,
        retired: [
          { generation: 'g1', at: w.now - 2 * RETIRED_GRACE_MS },
          // Retired a moment ago: an in-flight event may still write into it.
          { generation: 'g0', at: w.now - 60_000 },
        ],
      },
    };
    addBuckets(w, 'g1', 'A', 30);
    addBuckets(w, 'g1', 'B', 5);
    addBuckets(w, 'g2', 'A', 3);
    addBuckets(w, 'g0', 'A', 2);
    return w;
  }

  it('deletes at most the per-run budget, resumes on the next run, and then forgets the generation', async () => {
    const w = world();
    expect(await collectRetiredGenerations(w.ports, { maxKeys: 20 })).toEqual({ deleted: 20, finished: [] });
    expect(keysOf(w, 'g1')).toBe(15);
    expect(w.config.rollups?.retired?.map((r) => r.generation)).toEqual(['g1', 'g0']);
    expect(await collectRetiredGenerations(w.ports, { maxKeys: 20 })).toEqual({ deleted: 15, finished: ['g1'] });
    expect(keysOf(w, 'g1')).toBe(0);
    // The active generation and the one still inside its grace period are untouched.
    expect(keysOf(w, 'g2')).toBe(3);
    expect(keysOf(w, 'g0')).toBe(2);
    expect(w.config.rollups?.retired?.map((r) => r.generation)).toEqual(['g0']);
    // Not an admin edit: the edit version did not move.
    expect(w.config.version).toBe(3);
    expect(await collectRetiredGenerations(w.ports)).toEqual({ deleted: 0, finished: [] });
  });

  it('stops at the query budget too, so a site of many empty projects still costs a bounded run', async () => {
    const w = world();
    for (let i = 0; i < 50; i++) w.projects.add(`empty-${String(i).padStart(2, '0')}`);
    const result = await collectRetiredGenerations(w.ports, { maxQueries: 10 });
    expect(result.finished).toEqual([]);
    expect((w.calls.get('bucketsOfGeneration') ?? 0) + (w.calls.get('projectsSeen') ?? 0)).toBe(10);
  });

  it('retires the half-built generation a restart supersedes, and the old active one when a job finishes', async () => {
    const w = fakeWorld({ version: 1, xlas: [xla()], plans: [] });
    const first = await startRecompute(w.ports, 'admin-1', { refuseIfRunning: false });
    const second = await startRecompute(w.ports, 'admin-1', { refuseIfRunning: false });
    expect(w.config.rollups).toMatchObject({
      active: '',
      building: second?.jobId,
      retired: [{ generation: first?.jobId, at: w.now }],
    });
    // No tickets: one chunk finishes the job and switches generations.
    expect(await runRecomputeChunk(w.ports, second?.jobId ?? '')).toBe(false);
    expect(w.config.rollups?.active).toBe(second?.jobId);
    expect(w.config.rollups?.retired?.map((r) => r.generation)).toEqual([first?.jobId, '']);
  });
});
