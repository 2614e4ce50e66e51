/**
 * 500 events and answers at once on one project and one day: every ticket's change races for the
 * same eight rollup shards. The checked transactions may make writers retry, never lose an update:
 * the rollup totals must equal the sum of the ticket contributions exactly, and each contribution
 * must be what the ticket's experience says under the configuration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalResolvers } from '../../src/contracts';
import { contributionFor } from '../../src/app/tickets/derive-record';
import { defaultXla } from '../../src/domain/xla';
import {
  callResolver,
  contributionCells,
  CREATED_PULSE_PLAN,
  envelopeOf,
  installPlans,
  MINUTE,
  MODULE,
  portalExtension,
  prng,
  readAppState,
  reportFigures,
  startReliabilityHost,
  storedRollupCells,
  totalCount,
  transactionConflicts,
  type AppState,
  type Host,
} from './support/harness';

const PRE_CREATED = 80;
const CREATED_IN_BURST = 20;

describe('500 concurrent events and answers on one project', () => {
  let h: Host;
  let state: AppState;
  let burstEvents = 0;
  let answers = 0;
  let answerRetries = 0;
  const keys: string[] = [];
  const reporters = new Map<string, string>();

  beforeAll(async () => {
    h = await startReliabilityHost({ concurrency: 8 });
    await installPlans(h, [CREATED_PULSE_PLAN]);
    const r = prng(500);
    const customers = h.users.customers;
    const agents = h.users.agents;
    const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
    for (let i = 0; i < PRE_CREATED; i++) {
      const reporter = pickOf(customers);
      const t = h.site.createTicket({ projectKey: 'IT', summary: `Burst ${i}`, reporter });
      keys.push(t.key);
      reporters.set(t.key, reporter);
    }
    await h.waitForIdle();

    // The burst: every site change below is queued at once; the host runs 8 deliveries at a time
    // while the 80 portal answers run all together.
    h.site.advance(10 * MINUTE);
    const before = h.events(100_000).length;
    for (const key of keys) {
      const agent = pickOf(agents);
      h.site.assign(key, agent, agent);
      h.site.comment(key, 'Looking into it now.', { author: agent, public: true });
      h.site.comment(key, 'Any update? Still broken and I cannot work.', {
        author: reporters.get(key) ?? '',
        public: true,
      });
      h.site.transition(key, 'Resolved', agent);
    }
    for (let i = 0; i < CREATED_IN_BURST; i++)
      h.site.createTicket({ projectKey: 'IT', summary: `Late ${i}`, reporter: pickOf(customers) });
    burstEvents = h.events(100_000).length - before;

    await Promise.all(
      keys.map(async (key, i) => {
        const requester = reporters.get(key) ?? '';
        const ext = portalExtension(h, key);
        const mine = await callResolver(h, MODULE.portal, portalResolvers.getMyAsk, {}, requester, ext);
        const askId = mine.ask?.askId;
        if (askId === undefined) throw new Error(`no ask on ${key}`);
        // A client retries an "unavailable" answer, as the portal UI offers to.
        for (let attempt = 0; attempt < 10; attempt++) {
          const res = await h.invoke(
            MODULE.portal,
            portalResolvers.answerAsk.name,
            { askId, score: 1 + (i % 5), reasons: [], comment: null, lostTimeChoiceId: null },
            requester,
            ext,
          );
          const env = envelopeOf(res.value);
          if (env.ok) {
            answers += 1;
            return;
          }
          if (env.error.code !== 'unavailable')
            throw new Error(`answer on ${key}: ${env.error.code} ${env.error.message}`);
          answerRetries += 1;
        }
      }),
    );
    await h.waitForIdle();
    state = await readAppState(h);
    const redelivered = h.deliveries({ kind: 'trigger', limit: 100_000 }).filter((d) => d.attempt > 0).length;
    reportFigures('concurrency', {
      casesTried: burstEvents + answers,
      events: burstEvents,
      answers,
      inFlight: 8,
      conflictsRetried: transactionConflicts(h),
      redeliveries: redelivered,
      answerRetries,
      rollupCount: totalCount(storedRollupCells(state)),
      losses: keys.length - answers,
    });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('ran 500 events and answers, racing for the same records, and every delivery ended done', () => {
    expect(burstEvents + keys.length).toBeGreaterThanOrEqual(500);
    expect(transactionConflicts(h)).toBeGreaterThan(0);
    expect(answers).toBe(PRE_CREATED);
    const failed = h.deliveries({ kind: 'trigger', limit: 100_000 }).filter((d) => d.state !== 'done');
    expect(failed).toEqual([]);
  });

  it('kept every update of every ticket', () => {
    expect(state.tickets.size).toBe(PRE_CREATED + CREATED_IN_BURST);
    for (const key of keys) {
      const ticket = [...state.tickets.values()].find((t) => t.experience.issueKey === key);
      expect(ticket?.experience.answers.length, key).toBe(1);
      expect(ticket?.experience.resolutions.length, key).toBe(1);
      expect(ticket?.experience.assignments.length, key).toBe(1);
      expect(ticket?.experience.firstPublicAgentResponseAt, key).not.toBeNull();
      expect(ticket?.open, key).toBe(false);
    }
  });

  it('has rollup totals equal to the sum of ticket contributions, exactly', () => {
    const rollups = storedRollupCells(state);
    expect(totalCount(rollups)).toBeGreaterThan(0);
    expect(rollups).toEqual(contributionCells(state));
  });

  it('stores each ticket contribution to the XLA as its experience implies', () => {
    const xla = defaultXla();
    // Only the XLA's cells: the contribution may carry other app-wide counters beside them.
    for (const t of state.tickets.values())
      expect(
        t.contribution.filter((c) => c[0] === xla.id),
        t.ticketId,
      ).toEqual(contributionFor(t.experience, [xla]));
  });
});
