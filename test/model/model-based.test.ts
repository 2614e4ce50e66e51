/**
 * Model-based reliability: seeded histories are played on the local host and delivered the way
 * Forge may deliver them — each event once or several times, groups reversed, shuffled, the
 * change that matters first or last, copies in flight together, 1–8 deliveries at once, KVS and
 * Jira failing on first attempts, calls that never answer, and one process killed in the middle of
 * a burst and restarted. The app's stored state and resolver answers are then compared with an
 * independent reference model (reference/model.ts, written from DESIGN.md and SCORING.md, sharing
 * no code with src/). Losses = expected − observed, per category, computed from the comparison.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REORDERINGS, type Reordering } from './reference/history';
import { runModel, type Expected } from './reference/model';
import { addReports, CATEGORIES, compare, emptyReport, losses, type Report } from './support/compare';
import { generateHistory, WAYPOINTS } from './support/generate';
import { observe } from './support/observe';
import { emptyFigures, playHistory, type RunFigures } from './support/run';
import { recordFigures } from '../reliability/support/figures';

const HISTORIES = Number(process.env.SENTIO_MODEL_HISTORIES ?? 21);
const SEED = Number(process.env.SENTIO_MODEL_SEED ?? 20260105);
/** Histories whose busiest burst is delivered by a process that is killed part-way. */
const CRASH_EVERY = 10;

/**
 * Which reorderings the events behind each decision met: for an event's decision, the group that
 * held the trigger; for a tick's or an agent's, every group of the ticket delivered before it.
 */
function coverage(expected: Expected, historyGroups: Map<string, Array<{ at: number; reordering: Reordering }>>) {
  const cells = new Set<string>();
  for (const d of expected.decisions) {
    const before = (historyGroups.get(d.ref) ?? []).filter((g) => g.at <= d.at);
    const behind = d.source === 'event' ? before.slice(-1) : before;
    for (const g of behind) cells.add(`${d.waypoint}|${g.reordering}`);
  }
  return cells;
}

describe('the app against the reference model, under Forge delivery', () => {
  const total: Report = emptyReport();
  const cells = new Set<string>();
  const figures = emptyFigures();
  const concurrency = new Set<number>();
  const faultProfiles = new Set<string>();
  let skipped = 0;

  beforeAll(async () => {
    for (let i = 0; i < HISTORIES; i++) {
      const { history, skipped: s } = generateHistory(i, SEED, { crash: i % CRASH_EVERY === 7 });
      skipped += s;
      const expected = runModel(history);
      const started = performance.now();
      const played = await playHistory(history);
      if (process.env.SENTIO_MODEL_TIMING)
        console.log(
          `${history.name}: ${Math.round(performance.now() - started)} ms, ${history.delivery.faults}, c=${history.delivery.concurrency}, crash=${history.steps.some((s) => s.kind === 'burst' && s.crash)}`,
        );
      try {
        const observed = await observe(played);
        addReports(total, compare(history, expected, observed, played));
        if (observed.panelDisagreements.length > 0) throw new Error(observed.panelDisagreements.join('\n'));
      } finally {
        await played.close();
      }
      for (const k of Object.keys(figures) as (keyof RunFigures)[]) figures[k] += played.figures[k];
      concurrency.add(history.delivery.concurrency);
      faultProfiles.add(history.delivery.faults);
      const groups = new Map<string, Array<{ at: number; reordering: Reordering }>>();
      for (const step of history.steps)
        if (step.kind === 'burst')
          for (const g of step.groups)
            groups.set(g.ref, [...(groups.get(g.ref) ?? []), { at: step.deliverAt, reordering: g.reordering }]);
      for (const c of coverage(expected, groups)) cells.add(c);
    }
  }, 900_000);

  afterAll(() => {
    const rows = CATEGORIES.map((c) => {
      const t = total[c];
      return `  ${c.padEnd(17)} expected=${String(t.expected).padStart(5)} matched=${String(t.matched).padStart(5)} losses=${losses(t)} extra=${t.extra}`;
    });
    console.log(
      [
        `\nModel-based reliability: ${HISTORIES} histories (seed ${SEED}, ${skipped} ambiguous seeds skipped)`,
        `  delivery: ${figures.events} events, ${figures.deliveries} deliveries (${figures.duplicates} duplicate copies, ${figures.retries} retries), concurrency ${[...concurrency].sort((a, b) => a - b).join(',')}, faults ${[...faultProfiles].join('/')} (${figures.faultsInjected} injected), ${figures.crashes} process kill(s): ${figures.ackedBeforeKill} acknowledged before, ${figures.redeliveredAfterKill} redelivered after`,
        `  coverage: ${cells.size} of ${WAYPOINTS.length * REORDERINGS.length} (waypoint kind × reordering)`,
        ...rows,
        '',
      ].join('\n'),
    );
    recordFigures('model-based', {
      casesTried: CATEGORIES.reduce((n, c) => n + total[c].expected, 0),
      faultsInjected: figures.faultsInjected,
      losses: CATEGORIES.reduce((n, c) => n + losses(total[c]), 0),
      extra: CATEGORIES.reduce((n, c) => n + total[c].extra, 0),
    });
  });

  for (const category of CATEGORIES)
    it(`${category}: the app keeps every fact the model expects, and nothing else`, () => {
      const t = total[category];
      expect(t.expected, `no ${category} were compared`).toBeGreaterThan(0);
      expect({ losses: losses(t), extra: t.extra, details: t.details }).toEqual({ losses: 0, extra: 0, details: [] });
    });

  it('every waypoint kind met every reordering', () => {
    console.log(`coverage cells: ${[...cells].sort().join(' ')}`);
    const missing = WAYPOINTS.flatMap((w) =>
      REORDERINGS.filter((r) => !cells.has(`${w}|${r}`)).map((r) => `${w}|${r}`),
    );
    expect(missing).toEqual([]);
  });

  it('delivered at least once, out of order, concurrently, with faults and a crash, and Forge gave up on nothing', () => {
    expect(figures.duplicates).toBeGreaterThan(0);
    expect(figures.faultsInjected).toBeGreaterThan(0);
    expect(figures.retries).toBeGreaterThan(0);
    expect(figures.crashes).toBeGreaterThan(0);
    expect([...concurrency].sort((a, b) => a - b)).toEqual(
      HISTORIES >= 8 ? [1, 2, 3, 4, 5, 6, 7, 8] : [...concurrency].sort((a, b) => a - b),
    );
    expect(figures.lost).toBe(0);
  });
});
