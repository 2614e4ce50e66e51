/**
 * Item 1 — cost per lifecycle event: KVS operations, KVS bytes and Jira calls of every trigger
 * invocation over a seeded journey mix (the reliability suite's generator: creates, assignments,
 * agent and requester comments, edits, participants, waiting/resolved/reopened, with two survey
 * plans), against a NAIVE BASELINE built here: an app without rollups that, on each event,
 * recomputes the project from raw tickets (JQL search of the project, comments and SLA of every
 * ticket, one KVS write of the aggregate). The baseline runs on the same host, through the real
 * `@forge/api` and `@forge/kvs` clients, at the same moments (every 10th event).
 */
import { asApp, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { InvocationMetrics } from '../../local/index';
import {
  CREATED_PULSE_PLAN,
  answerInPortal,
  installPlans,
  prng,
  RESOLVED_CSAT_PLAN,
  startReliabilityHost,
  type Host,
} from '../reliability/support/harness';
import { journeys, playJourneys } from '../reliability/support/journeys';
import { fmt, log, max, mean, table, type BenchResult } from './lib';

const JOURNEYS = 120;
const BASELINE_EVERY = 10;

const SearchPage = z.object({
  issues: z.array(z.object({ id: z.string(), key: z.string() })),
  nextPageToken: z.string().optional().nullable(),
});

/** The naive baseline: everything from raw tickets, every time. */
async function naiveRecompute(projectKey: string): Promise<number> {
  const issues: Array<{ id: string; key: string }> = [];
  let nextPageToken: string | undefined;
  do {
    const res = await asApp().requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({
        jql: `project = ${projectKey}`,
        maxResults: 100,
        fields: ['status', 'resolutiondate'],
        ...(nextPageToken ? { nextPageToken } : {}),
      }),
    });
    const page = SearchPage.parse(await res.json());
    issues.push(...page.issues);
    nextPageToken = page.nextPageToken ?? undefined;
  } while (nextPageToken !== undefined);
  let comments = 0;
  for (const issue of issues) {
    const c = await asApp().requestJira(route`/rest/api/3/issue/${issue.id}/comment`);
    comments += c.ok ? 1 : 0;
    await asApp().requestJira(route`/rest/servicedeskapi/request/${issue.key}/sla`);
  }
  await kvs.get('naive-config');
  await kvs.set('naive-aggregate', { tickets: issues.length, comments });
  return issues.length;
}

interface Row {
  readonly cause: string;
  readonly n: number;
  readonly ops: number[];
  readonly bytes: number[];
  readonly jira: number[];
}

function rowOf(cause: string, ms: readonly InvocationMetrics[]): Row {
  return {
    cause,
    n: ms.length,
    ops: ms.map((m) => m.kvs.reads + m.kvs.writes),
    bytes: ms.map((m) => m.kvs.bytesRead + m.kvs.bytesWritten),
    jira: ms.map((m) => m.jira.calls),
  };
}

function cells(r: Row): string[] {
  return [
    r.cause,
    String(r.n),
    fmt(mean(r.ops), 2),
    String(max(r.ops)),
    fmt(mean(r.bytes), 0),
    String(max(r.bytes)),
    fmt(mean(r.jira), 2),
    String(max(r.jira)),
  ];
}

export async function benchEventCost(): Promise<BenchResult> {
  const h: Host = await startReliabilityHost({ concurrency: 1 });
  try {
    await installPlans(h, [CREATED_PULSE_PLAN, RESOLVED_CSAT_PLAN]);
    h.metrics.reset();
    const baseline: InvocationMetrics[] = [];
    let events = 0;
    const people = { agents: h.users.agents, customers: h.users.customers };
    const actions = journeys(prng(1001), JOURNEYS, people);
    const keys = await playJourneys(h, actions, async () => {
      await h.waitForIdle();
      const seen = h.metrics.invocations({ kind: 'trigger' }).length;
      if (Math.floor(seen / BASELINE_EVERY) > Math.floor(events / BASELINE_EVERY)) {
        const run = await h.host.runAs({ moduleKey: 'naive-baseline' }, () => naiveRecompute('IT'));
        baseline.push(run.metrics);
      }
      events = seen;
    });
    log(`event cost: ${events} events over ${keys.size} journeys, ${baseline.length} baseline samples`);
    let answers = 0;
    for (const key of [...keys.values()].sort()) {
      const issue = h.site.raw.issue(key);
      if (issue && (await answerInPortal(h, key, issue.reporter, 1 + (Number(issue.id) % 5)))) answers += 1;
    }
    await h.waitForIdle();
    const triggers = h.metrics.invocations({ kind: 'trigger' });
    const causes = [...new Set(triggers.map((m) => m.cause))].sort();
    const rows = causes.map((c) =>
      rowOf(
        c,
        triggers.filter((m) => m.cause === c),
      ),
    );
    const all = rowOf('**all events**', triggers);
    const answerRow = rowOf(
      'portal `answerAsk` (resolver, for reference)',
      h.metrics.invocations({ kind: 'resolver', cause: 'answerAsk' }),
    );
    const naive = rowOf('naive baseline: recompute project from raw tickets', baseline);
    const opsRatio = mean(naive.ops) / mean(all.ops);
    const jiraRatio = mean(naive.jira) / mean(all.jira);
    const detail = [
      `${JOURNEYS} seeded journeys (seed 1001) → ${triggers.length} product events through the real trigger, concurrency 1; ${answers} portal answers. Plans: ask at creation and at resolution.`,
      '',
      table(
        [
          'event',
          'n',
          'KVS ops mean',
          'KVS ops max',
          'KVS bytes mean',
          'KVS bytes max',
          'Jira calls mean',
          'Jira calls max',
        ],
        [...rows.map(cells), cells(all), cells(answerRow), cells(naive)],
      ),
      '',
      `Naive baseline (built in \`test/bench/event-cost.ts\`, sampled at every ${BASELINE_EVERY}th event, same host, same run): per event ${fmt(mean(naive.jira), 0)} Jira calls and ${fmt(mean(naive.ops), 1)} KVS ops on average, growing with the project (max ${max(naive.jira)} Jira calls at the end, IT only). Ratio naive / Sentio, measured in the same run: **${fmt(jiraRatio, 0)}× the Jira calls**, ${fmt(opsRatio, 2)}× the KVS ops — the baseline's cost is O(tickets) while Sentio's is constant.`,
      'KVS ops and bytes are as the local host meters them per invocation (`local/kvs.ts`, `InvocationMetrics.kvs.reads + writes`).',
    ].join('\n');
    return {
      title: 'Cost per lifecycle event',
      detail,
      summary: [
        {
          item: '1. KVS operations per event (mean / max)',
          result: `${fmt(mean(all.ops), 2)} / ${max(all.ops)}`,
          budget: '≤ 6 on average',
          met: mean(all.ops) <= 6,
        },
        {
          item: '1. Jira calls per event (mean / max)',
          result: `${fmt(mean(all.jira), 2)} / ${max(all.jira)}`,
          budget: '≤ 2 on average',
          met: mean(all.jira) <= 2,
        },
        {
          item: '1. KVS bytes per event (mean / max)',
          result: `${fmt(mean(all.bytes), 0)} / ${max(all.bytes)}`,
          budget: '—',
          met: null,
        },
        {
          item: '1. naive baseline / Sentio, Jira calls per event',
          result: `${fmt(jiraRatio, 0)}×`,
          budget: '(baseline)',
          met: null,
        },
      ],
    };
  } finally {
    await h.close();
  }
}
