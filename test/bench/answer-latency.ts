/**
 * Item 4 — survey answer latency: the portal's `answerAsk` end to end through the host's bridge
 * endpoint, as the Custom UI calls it (HTTP POST from the iframe's bridge → resolver → KVS
 * transaction → issue property), timed from the request to the parsed response, under the
 * latency model with its delays waited out (the `invoke` itself and every platform call).
 */
import { portalResolvers } from '../../src/contracts';
import { CREATED_PULSE_PLAN, installPlans, startReliabilityHost } from '../reliability/support/harness';
import { LATENCY_PROFILES } from '../../local/latency';
import { attachLatency } from './latency-hook';
import { fmt, log, max, median, percentile, table, type BenchResult } from './lib';

const TICKETS = 20;
const ANSWERS_PER_TICKET = 3;

export async function benchAnswerLatency(): Promise<BenchResult> {
  const h = await startReliabilityHost({ clock: Date.now() });
  try {
    await installPlans(h, [CREATED_PULSE_PLAN]);
    const customers = h.users.customers;
    const tickets = Array.from({ length: TICKETS }, (_, i) => {
      const reporter = customers[i % customers.length] ?? '';
      return { key: h.site.createTicket({ projectKey: 'IT', summary: `Latency ${i}`, reporter }).key, reporter };
    });
    await h.waitForIdle();
    const hook = attachLatency(h.host, { profile: LATENCY_PROFILES.forge, mode: 'wait' });
    const latencies: number[] = [];
    for (const [i, t] of tickets.entries()) {
      const cookie = `persona=${encodeURIComponent(t.reporter)}`;
      const page = await (await fetch(`${h.url}/portal/${t.key}`, { headers: { cookie } })).text();
      const token = /data-module="sentio-portal-survey" data-token="([^"]+)"/.exec(page)?.[1];
      if (token === undefined) throw new Error(`no portal frame on /portal/${t.key}`);
      const call = async (functionKey: string, payload: unknown): Promise<unknown> => {
        const res = await fetch(`${h.url}/__host/bridge/${token}/invoke`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json' },
          body: JSON.stringify({ functionKey, payload }),
        });
        return ((await res.json()) as { value?: unknown }).value;
      };
      const mine = portalResolvers.getMyAsk.response.parse(
        ((await call(portalResolvers.getMyAsk.name, {})) as { data: unknown }).data,
      );
      const askId = mine.ask?.askId;
      if (askId === undefined) throw new Error(`no ask on ${t.key}`);
      for (let k = 0; k < ANSWERS_PER_TICKET; k++) {
        const start = performance.now();
        const value = (await call(portalResolvers.answerAsk.name, {
          askId,
          score: 1 + ((i + k) % 5),
          reasons: [],
          comment: k === 0 ? null : 'Changed my mind',
          lostTimeChoiceId: null,
        })) as { ok: boolean };
        const ms = performance.now() - start;
        if (value.ok !== true) throw new Error(`answerAsk failed: ${JSON.stringify(value)}`);
        latencies.push(ms);
      }
    }
    const answered = h.metrics.invocations({ kind: 'resolver', cause: 'answerAsk' });
    const roundTrips = answered.map((m) => hook.path(m.invocationId).roundTrips);
    const functionMs = answered.map((m) => m.durationMs);
    hook.detach();
    const p50 = median(latencies);
    const p95 = percentile(latencies, 95);
    log(`answer latency: p50 ${fmt(p50)} ms, p95 ${fmt(p95)} ms over ${latencies.length}`);
    const detail = [
      `${latencies.length} answers (${TICKETS} requesters' asks, each answered then changed twice) posted to the host's bridge endpoint \`/__host/bridge/<frame>/invoke\` with the requester's session, as the portal panel's \`invoke('answerAsk')\` does; includes HTTP, the resolver's asUser permission check, the KVS transaction and the issue-property write. Under the latency model, delays waited out (the \`invoke\`: ${LATENCY_PROFILES.forge.perCall.invoke.ms} ms).`,
      '',
      table(
        ['answers', 'median ms', 'p95 ms', 'max ms', 'ms in the function, median', 'round trips (max)'],
        [
          [
            String(latencies.length),
            fmt(p50, 0),
            fmt(p95, 0),
            fmt(Math.max(...latencies), 0),
            fmt(median(functionMs), 0),
            String(max(roundTrips)),
          ],
        ],
      ),
    ].join('\n');
    return {
      title: 'Survey answer latency',
      detail,
      summary: [
        {
          item: '4. portal answerAsk through the bridge under the model (median / p95; round trips)',
          result: `${fmt(p50, 0)} / ${fmt(p95, 0)} ms; ${max(roundTrips)}`,
          budget: '—',
          met: null,
        },
      ],
    };
  } finally {
    await h.close();
  }
}
