/**
 * Item 3 — throughput: events per second through the trigger handler. The events of seeded
 * journeys are recorded first, then delivered to the real handler with 1 and 8 in flight, each as
 * its own host invocation. Information only (CPU-bound here; the recompute is `recompute.ts`).
 */
import { prng, startReliabilityHost } from '../reliability/support/harness';
import { deliver, EventSwitch, switchedHandlers } from '../reliability/support/delivery';
import { journeys, playJourneys } from '../reliability/support/journeys';
import { fmt, log, median, table, timed, type BenchResult } from './lib';

const JOURNEYS = 80;
const RUNS = 3;

async function eventsPerSecond(
  inFlight: number,
  seed: number,
): Promise<{ events: number; perSecond: number; cpuMsPerEvent: number }> {
  const sw = new EventSwitch();
  const h = await startReliabilityHost({ handlers: switchedHandlers(sw) });
  try {
    sw.bind(h);
    await playJourneys(
      h,
      journeys(prng(seed), JOURNEYS, { agents: h.users.agents, customers: h.users.customers }),
      () => h.waitForIdle(),
    );
    sw.mode = 'forward';
    const events = sw.captured.map((c) => c.event);
    const t = await timed(() => deliver(h, events, inFlight));
    if (t.value.failures > 0) throw new Error(`${t.value.failures} deliveries failed`);
    return {
      events: events.length,
      perSecond: events.length / (t.wallMs / 1000),
      cpuMsPerEvent: t.cpuMs / events.length,
    };
  } finally {
    await h.close();
  }
}

export async function benchThroughput(): Promise<BenchResult> {
  const rows: string[][] = [];
  const perMode = new Map<number, number>();
  for (const inFlight of [1, 8]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await eventsPerSecond(inFlight, 300 + i));
    const eps = median(runs.map((r) => r.perSecond));
    perMode.set(inFlight, eps);
    rows.push([
      String(inFlight),
      String(runs[0]?.events ?? 0),
      `${fmt(eps)} (${runs.map((r) => fmt(r.perSecond, 0)).join(', ')})`,
      fmt(median(runs.map((r) => r.cpuMsPerEvent)), 2),
    ]);
    log(`throughput: ${inFlight} in flight → ${fmt(eps)} events/s`);
  }
  const ratio8 = (perMode.get(8) ?? Number.NaN) / (perMode.get(1) ?? Number.NaN);
  const detail = [
    `Events of ${JOURNEYS} seeded journeys per run, recorded first, then delivered to the real trigger handler (each delivery a host invocation with KVS, Jira and the time limit); median of ${RUNS} runs, one fresh host per run. Two cores: 8 in flight mostly overlaps waits, and same-project events race for the same rollup shards (the checked transactions retry).`,
    '',
    table(['in flight', 'events per run', 'events/s median (runs)', 'CPU ms per event'], rows),
    '',
    `8 in flight / 1 in flight, same run: ${fmt(ratio8, 2)}×.`,
  ].join('\n');
  return {
    title: 'Throughput',
    detail,
    summary: [
      {
        item: '3. events/s through the trigger, 1 in flight',
        result: fmt(perMode.get(1) ?? Number.NaN),
        budget: '—',
        met: null,
      },
      {
        item: '3. events/s through the trigger, 8 in flight',
        result: `${fmt(perMode.get(8) ?? Number.NaN)} (${fmt(ratio8, 2)}× of 1)`,
        budget: '—',
        met: null,
      },
    ],
  };
}
