/**
 * The host fails a share of KVS calls (429, 500, no answer in time) and Jira calls (429, 503, no
 * answer in time) while seeded journeys and portal answers run. Handlers answer with an
 * InvocationError or an "unavailable" error; once the platform's retries (and the requester's
 * retry in the portal) are delivered, the app's state equals a run of the same journeys without
 * faults: nothing lost, nothing counted twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../local/index';
import { portalResolvers } from '../../src/contracts';
import type { TicketRecord } from '../../src/app/tickets/ticket-record';
import {
  contributionCells,
  envelopeOf,
  installPlans,
  MODULE,
  portalExtension,
  prng,
  readAppState,
  reportFigures,
  RESOLVED_CSAT_PLAN,
  startReliabilityHost,
  storedRollupCells,
  totalCount,
  type AppState,
  type Host,
} from './support/harness';
import { journeys, playJourneys } from './support/journeys';

const JOURNEYS = 60;
const PROPERTY_KEY = 'sentio-experience';

const FAULTS: FaultRule[] = [
  { target: 'kvs', kind: 429, rate: 0.015 },
  { target: 'kvs', kind: 500, rate: 0.015 },
  { target: 'kvs', kind: 'timeout', rate: 0.005 },
  { target: 'jira', kind: 429, rate: 0.02 },
  { target: 'jira', kind: 503, rate: 0.02 },
  { target: 'jira', kind: 'timeout', rate: 0.005 },
];

interface Run {
  h: Host;
  state: AppState;
  keys: Map<number, string>;
  answered: number;
  clientRetries: number;
}

/** Plays the journeys; each requester whose ticket resolved answers in the portal, retrying when told to. */
async function run(withFaults: boolean): Promise<Run> {
  // Time limits scaled to 1/25 (25 s → 1 s) so an injected "no answer" costs a second, not 25.
  const h = await startReliabilityHost({ concurrency: 1, timeLimitScale: 0.04 });
  await installPlans(h, [RESOLVED_CSAT_PLAN]);
  if (withFaults) h.faults.set(FAULTS, 42);
  const people = { agents: h.users.agents, customers: h.users.customers };
  const keys = await playJourneys(h, journeys(prng(4242), JOURNEYS, people), () => h.waitForIdle());
  let answered = 0;
  let clientRetries = 0;
  for (const key of [...keys.values()].sort()) {
    const issue = h.site.raw.issue(key);
    if (issue === undefined) continue;
    const ext = portalExtension(h, key);
    for (let attempt = 0; attempt < 12; attempt++) {
      const mine = await h.invoke(MODULE.portal, portalResolvers.getMyAsk.name, {}, issue.reporter, ext);
      const env = mine.ok ? envelopeOf(mine.value) : null;
      if (env?.ok === false && env.error.code !== 'unavailable')
        throw new Error(`getMyAsk ${key}: ${env.error.code} ${env.error.message}`);
      if (env?.ok !== true) {
        clientRetries += 1;
        continue;
      }
      const ask = portalResolvers.getMyAsk.response.parse(env.data).ask;
      if (ask === null) break;
      const res = await h.invoke(
        MODULE.portal,
        portalResolvers.answerAsk.name,
        { askId: ask.askId, score: 1 + (Number(issue.id) % 5), reasons: [], comment: null, lostTimeChoiceId: null },
        issue.reporter,
        ext,
      );
      const answer = res.ok ? envelopeOf(res.value) : null;
      if (answer?.ok === true) {
        answered += 1;
        break;
      }
      if (answer?.ok === false && answer.error.code !== 'unavailable')
        throw new Error(`answerAsk ${key}: ${answer.error.code} ${answer.error.message}`);
      clientRetries += 1;
    }
  }
  h.faults.clear();
  await h.waitForIdle();
  return { h, state: await readAppState(h), keys, answered, clientRetries };
}

function comparable(t: TicketRecord): unknown {
  const { slaCheckedAt: _checked, lastEventAt: _last, ...experience } = t.experience;
  const answers = experience.answers.map(({ answeredAt: _at, ...a }) => a);
  return {
    experience: { ...experience, answers },
    contribution: t.contribution,
    open: t.open,
    asks: t.asks.map((a) => ({ id: a.id, status: a.status, score: a.score })),
  };
}

describe('injected KVS and Jira faults', () => {
  let clean: Run;
  let faulty: Run;
  let injected = 0;

  beforeAll(async () => {
    clean = await run(false);
    faulty = await run(true);
    injected = faulty.h.host.faults.injected;
    const deliveries = faulty.h.deliveries({ kind: 'trigger', limit: 100_000 });
    const lost = deliveries.filter((d) => d.state !== 'done').length;
    const invocations = faulty.h.metrics.invocations();
    reportFigures('faults', {
      casesTried: deliveries.length + faulty.answered,
      journeys: JOURNEYS,
      events: deliveries.length,
      faultsInjected: injected,
      retriedByPlatform: deliveries.filter((d) => d.attempt > 0).length,
      retriedByRequester: faulty.clientRetries,
      retryRequests: invocations.filter((m) => m.outcome === 'retry').length,
      timeouts: invocations.filter((m) => m.outcome === 'timeout').length,
      answers: faulty.answered,
      losses: lost,
    });
  });

  afterAll(async () => {
    await clean?.h.close();
    await faulty?.h.close();
  });

  it('injected faults of every kind and the handlers asked for retries', () => {
    expect(injected).toBeGreaterThan(20);
    expect(
      faulty.h.metrics.invocations({ kind: 'trigger' }).filter((m) => m.outcome === 'retry').length,
    ).toBeGreaterThan(0);
  });

  it('delivered every event in the end: none failed for good', () => {
    const notDone = faulty.h.deliveries({ kind: 'trigger', limit: 100_000 }).filter((d) => d.state !== 'done');
    expect(notDone.map((d) => `${String(d.payload.eventType)} attempt ${d.attempt}: ${d.lastError ?? ''}`)).toEqual([]);
  });

  it('recorded every answer once', () => {
    expect(clean.answered).toBeGreaterThan(10);
    expect(faulty.answered).toBe(clean.answered);
  });

  it('ends in the same state as the run without faults', () => {
    expect([...faulty.state.tickets.keys()].sort()).toEqual([...clean.state.tickets.keys()].sort());
    for (const [id, t] of clean.state.tickets)
      expect(comparable(faulty.state.tickets.get(id) as TicketRecord), `ticket ${id}`).toEqual(comparable(t));
  });

  it('counts nothing twice: rollups equal the fault-free run and the sum of contributions', () => {
    const rollups = storedRollupCells(faulty.state);
    expect(totalCount(rollups)).toBeGreaterThan(0);
    expect(rollups).toEqual(contributionCells(faulty.state));
    expect(rollups).toEqual(storedRollupCells(clean.state));
  });

  it('leaves every JQL property as the fault-free run wrote it', () => {
    for (const key of clean.keys.values()) {
      const a = clean.h.site.raw.issue(key);
      const b = faulty.h.site.raw.issue(key);
      expect(b && faulty.h.site.raw.property(b.id, PROPERTY_KEY), key).toEqual(
        a && clean.h.site.raw.property(a.id, PROPERTY_KEY),
      );
    }
  });
});
