/** The daily site-wide priors (SCORING.md §2.2) against fakes: pooled across projects, bounded per run, used by scorecards. */
import { describe, expect, it } from 'vitest';
import { buildScorecards } from '../../../src/app/scorecards/build-scorecards';
import { refreshSitePriors } from '../../../src/app/scorecards/refresh-site-priors';
import type { SitePriorsState } from '../../../src/app/scorecards/site-priors-state';
import type { StoredConfig } from '../../../src/app/ports';
import type { RollupBucket } from '../../../src/domain/rollup';
import { dayStart } from '../../../src/domain/time';
import { bucketsFor, ticketsWith, TODAY, xla, type Counts } from '../../domain/rollup/builders';
import { rollupKey } from '../../../src/platform/storage-layout';
import { fakeWorld, type FakeWorld } from '../fakes/ports';

const XLA = xla({ id: 'experience', minSample: 1 });
const CONFIG: StoredConfig = { version: 1, xlas: [XLA], plans: [] };

function store(w: FakeWorld, projectId: string, buckets: readonly RollupBucket[]): void {
  for (const bucket of buckets) {
    const ref = { generation: '', projectId, period: bucket.k, shard: 0 };
    w.buckets.set(rollupKey(ref), { value: { ...ref, bucket }, rev: 1 });
  }
  w.projects.add(projectId);
}

function siteWith(projects: Record<string, Counts>): FakeWorld {
  const w = fakeWorld(CONFIG);
  w.now = dayStart(TODAY) + 9 * 3_600_000;
  for (const [projectId, counts] of Object.entries(projects)) {
    store(
      w,
      projectId,
      bucketsFor(XLA.id, ticketsWith(counts, TODAY, { projectId, requestTypeId: '7', priority: '3' })),
    );
  }
  return w;
}

function priorsDoc(w: FakeWorld): SitePriorsState {
  return w.docs.get('site-priors')?.value as SitePriorsState;
}

describe('site-wide priors', () => {
  it('uses the site rate once the pooled projects reach n_eff 30, and the default below it', async () => {
    // csat: 20/25 + 10/15 = 30/40 (n_eff 40, all today) → μ 0.75 from the site; neither project alone would do.
    // sla: 5/10 (n_eff 10) → stays on the default 0.90.
    const w = siteWith({ A: { csat: [20, 25], sla: [5, 10] }, B: { csat: [10, 15] } });
    expect(await refreshSitePriors(w.ports)).toEqual({ state: 'computed', projects: 2 });
    const csat = priorsDoc(w).byXla.experience?.csat;
    expect(csat?.source).toBe('site');
    expect(csat?.mu).toBeCloseTo(0.75, 12);
    expect(csat?.nEff).toBeCloseTo(40, 9);
    expect(priorsDoc(w).byXla.experience?.sla).toMatchObject({ source: 'default', mu: 0.9 });
    expect(priorsDoc(w).byXla.experience?.sla?.rate).toBeCloseTo(0.5, 12);

    const [card] = await buildScorecards(w.ports, 'A', '30d');
    const byId = Object.fromEntries((card?.indicators ?? []).map((i) => [i.id, [i.prior, i.priorSource]]));
    expect(byId.csat).toEqual([0.75, 'site']);
    expect(byId.sla).toEqual([0.9, 'default']);
    // The smoothed csat of project A uses μ = 0.75: (20 + 10·0.75)/(25 + 10) = 27.5/35.
    expect(card?.indicators.find((i) => i.id === 'csat')?.smoothedRate).toBeCloseTo(27.5 / 35, 12);
  });

  it('keeps the configured default when the whole site rests on n_eff < 30', async () => {
    const w = siteWith({ A: { csat: [20, 25] } });
    await refreshSitePriors(w.ports);
    expect(priorsDoc(w).byXla.experience?.csat).toMatchObject({ source: 'default', mu: 0.8 });
    const [card] = await buildScorecards(w.ports, 'A', '30d');
    expect(card?.indicators.find((i) => i.id === 'csat')).toMatchObject({ prior: 0.8, priorSource: 'default' });
  });

  it('scores with the defaults before the first computation finished (no document yet)', async () => {
    const w = siteWith({ A: { csat: [30, 40] } });
    const [card] = await buildScorecards(w.ports, 'A', '30d');
    expect(card?.indicators.find((i) => i.id === 'csat')).toMatchObject({ prior: 0.8, priorSource: 'default' });
  });

  it('folds a bounded number of projects per run, resumes from the saved cursor, then computes at most once a day', async () => {
    const w = siteWith({ A: { csat: [20, 25] }, B: { csat: [5, 5] }, C: { csat: [5, 10] } });
    expect(await refreshSitePriors(w.ports, { maxProjects: 2 })).toEqual({ state: 'in-progress', projects: 2 });
    expect(w.calls.get('bucketsIn')).toBe(2);
    // Nothing is published until the last project is folded in.
    expect(priorsDoc(w).byXla).toEqual({});
    expect(await refreshSitePriors(w.ports, { maxProjects: 2 })).toEqual({ state: 'computed', projects: 3 });
    expect(w.calls.get('bucketsIn')).toBe(3);
    // 30/40 pooled over the three projects, each read once.
    expect(priorsDoc(w).byXla.experience?.csat?.mu).toBeCloseTo(0.75, 12);
    expect(await refreshSitePriors(w.ports)).toEqual({ state: 'fresh' });
    expect(w.calls.get('bucketsIn')).toBe(3);
    // The next day it is computed again.
    w.now += 24 * 3_600_000;
    expect(await refreshSitePriors(w.ports)).toEqual({ state: 'computed', projects: 3 });
    expect(priorsDoc(w).day).toBe('2026-05-21');
  });

  it('reads one cached document per dashboard call, whatever the number of projects', async () => {
    const w = siteWith({ A: { csat: [20, 25] }, B: { csat: [10, 15] }, C: { csat: [1, 1] } });
    await refreshSitePriors(w.ports);
    const before = w.calls.get('bucketsIn') ?? 0;
    await buildScorecards(w.ports, 'A', '30d');
    // The project's own window only: the site-wide view came from the priors document.
    expect((w.calls.get('bucketsIn') ?? 0) - before).toBe(1);
    expect(w.calls.get('projectsSeen')).toBe(1);
  });
});
