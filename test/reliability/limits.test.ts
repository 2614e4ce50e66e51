/**
 * Platform limits: one KVS value ≤ 240 KiB, 25 s per trigger or resolver. The largest
 * configuration the schemas allow and a ticket with 1,000 comments must fit, or be refused
 * clearly before anything is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminResolvers } from '../../src/contracts';
import { INDICATOR_IDS } from '../../src/domain/indicator';
import { defaultIndicatorSpec } from '../../src/domain/indicator';
import type { SurveyPlanInput } from '../../src/domain/survey-plan';
import type { XlaDefinitionInput } from '../../src/domain/xla';
import {
  adminId,
  envelopeOf,
  MINUTE,
  MODULE,
  readAppState,
  reportFigures,
  startReliabilityHost,
  type Host,
} from './support/harness';

const KVS_VALUE_LIMIT = 240 * 1024;
const COMMENTS = 1_000;
/** Three UTF-8 bytes a character: the worst case for a byte limit. */
const wide = (n: number): string => '€'.repeat(n);
const ids = (n: number, prefix: string): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${i}`.padEnd(64, 'x'));

function largestXla(i: number): XlaDefinitionInput {
  return {
    id: `xla-${i}`.padEnd(64, 'x'),
    name: wide(120),
    description: wide(1000),
    scope: { projectIds: ids(200, 'p'), requestTypeIds: ids(200, 'r'), priorities: ids(200, 'q') },
    indicators: INDICATOR_IDS.map(defaultIndicatorSpec),
    slaNames: Array.from({ length: 20 }, () => wide(120)),
    csatSource: {
      waypoints: [
        'created',
        'first-response',
        'status-changed',
        'reassigned',
        'idle',
        'long-running',
        'reopened',
        'resolved',
        'manual',
      ],
      midFlightOnly: false,
    },
  };
}

function largestPlan(i: number): SurveyPlanInput {
  return {
    id: `plan-${i}`.padEnd(64, 'x'),
    name: wide(120),
    scope: { projectIds: ids(200, 'p'), requestTypeIds: ids(200, 'r'), priorities: ids(200, 'q') },
    waypoint: {
      kind: 'status-changed',
      toStatuses: Array.from({ length: 50 }, () => wide(120)),
      toCategories: ['new', 'indeterminate', 'done'],
    },
    question: { kind: 'csat5', text: wide(200) },
    followUps: {
      reasonChips: {
        negative: Array.from({ length: 8 }, (_, i) => ({ id: `n${i}`.padEnd(40, 'x'), label: wide(40) })),
        neutral: Array.from({ length: 8 }, (_, i) => ({ id: `u${i}`.padEnd(40, 'x'), label: wide(40) })),
        positive: Array.from({ length: 8 }, (_, i) => ({ id: `p${i}`.padEnd(40, 'x'), label: wide(40) })),
      },
      comment: { enabled: true, maxLength: 2000 },
      lostTime: {
        enabled: true,
        choices: Array.from({ length: 8 }, (_, k) => ({
          id: `choice-${k}`.padEnd(32, 'x'),
          label: wide(40),
          minutes: 43_200,
        })),
      },
    },
  };
}

describe('platform limits', () => {
  let h: Host;
  beforeAll(async () => {
    h = await startReliabilityHost({ concurrency: 1 });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('saves the largest single XLA the schema allows under the value limit', async () => {
    const res = await h.invoke(MODULE.admin, adminResolvers.saveXla.name, { xla: largestXla(0) }, adminId(h));
    const env = envelopeOf(res.value);
    expect(env.ok ? 'ok' : `${env.error.code}: ${env.error.message}`).toBe('ok');
    const biggestWrite = Math.max(
      ...h.metrics.invocations({ kind: 'resolver', cause: adminResolvers.saveXla.name }).map((m) => m.kvs.bytesWritten),
    );
    expect(biggestWrite).toBeLessThan(KVS_VALUE_LIMIT);
    reportFigures('limits', { largestXlaBytes: biggestWrite, valueLimit: KVS_VALUE_LIMIT });
  });

  it('a configuration at every schema maximum (50 XLAs, 100 plans) is stored or refused clearly, never half-written', async () => {
    const before = await h.invoke(MODULE.admin, adminResolvers.getConfig.name, {}, adminId(h));
    const config = {
      format: 'sentio-config',
      version: 1,
      xlas: Array.from({ length: 50 }, (_, i) => largestXla(i)),
      plans: Array.from({ length: 100 }, (_, i) => largestPlan(i)),
    };
    const res = await h.invoke(MODULE.admin, adminResolvers.importConfig.name, { config, mode: 'replace' }, adminId(h));
    const env = envelopeOf(res.value);
    const after = await h.invoke(MODULE.admin, adminResolvers.getConfig.name, {}, adminId(h));
    reportFigures('limits', {
      maxConfigJsonBytes: Buffer.byteLength(JSON.stringify(config)),
      maxConfigOutcome: env.ok ? 'stored' : env.error.code,
    });
    if (env.ok) {
      expect(res.metrics.kvs.bytesWritten).toBeLessThan(KVS_VALUE_LIMIT * 25);
    } else {
      expect(env.error.code).toBe('validation');
      expect(env.error.message).toMatch(/too large|size|KiB|limit/i);
      expect(envelopeOf(after.value)).toEqual(envelopeOf(before.value));
    }
  });

  it(`keeps a ticket with ${COMMENTS} comments under the value limit and every event inside the time limit`, async () => {
    const reporter = h.users.customers[0] ?? '';
    const agent = h.users.agents[0] ?? '';
    const t = h.site.createTicket({ projectKey: 'IT', summary: 'A very long conversation', reporter });
    await h.waitForIdle();
    h.metrics.reset();
    for (let i = 0; i < COMMENTS; i++) {
      h.site.advance(MINUTE);
      const fromRequester = i % 2 === 0;
      h.site.comment(
        t.key,
        fromRequester
          ? `Still broken after attempt ${i}, any update? I am losing a lot of time here.`
          : `Trying fix number ${i}, please check.`,
        { author: fromRequester ? reporter : agent, public: true },
      );
    }
    await h.waitForIdle();
    const runs = h.metrics.invocations({ kind: 'trigger' });
    expect(runs.length).toBe(COMMENTS);
    expect(runs.filter((m) => m.outcome !== 'ok')).toEqual([]);
    const slowest = Math.max(...runs.map((m) => m.durationMs));
    expect(slowest).toBeLessThan(25_000);
    const state = await readAppState(h);
    const ticket = [...state.tickets.values()].find((x) => x.experience.issueKey === t.key);
    const bytes = Buffer.byteLength(JSON.stringify(ticket));
    expect(bytes).toBeLessThan(KVS_VALUE_LIMIT);
    const largestWrite = Math.max(...runs.map((m) => m.kvs.bytesWritten));
    reportFigures('limits', {
      casesTried: COMMENTS + 2,
      comments: COMMENTS,
      ticketRecordBytes: bytes,
      largestEventWriteBytes: largestWrite,
      slowestEventMs: slowest,
    });
  });
});
