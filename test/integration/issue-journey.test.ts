import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost } from '../../local/index';

type Host = Awaited<ReturnType<typeof startHost>>;

describe('a ticket journey on the local host', () => {
  let h: Host;
  beforeAll(async () => {
    h = await startHost({ dataDir: ':memory:', seed: 'basic', clock: Date.UTC(2026, 0, 5, 9), delayScale: 0, scheduler: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it('folds created → reply → waiting → resolved into the ticket record and the JQL property', async () => {
    const reporter = h.users.customers[0] ?? '';
    const agent = h.users.agents[0] ?? '';
    const ticket = h.site.createTicket({ projectKey: 'IT', requestType: 'Get IT help', summary: 'Laptop broken', reporter });
    await h.waitForIdle();
    h.site.advance(60_000);
    h.site.comment(ticket.key, 'Looking into it', { author: agent, public: true });
    h.site.transition(ticket.key, 'Waiting for customer', agent);
    await h.waitForIdle();
    h.site.comment(ticket.key, 'Any update? This is still broken and I am very unhappy.', { author: reporter, public: true });
    h.site.advance(3_600_000);
    h.site.transition(ticket.key, 'Resolved', agent);
    await h.waitForIdle();

    const failed = h.deliveries({ kind: 'trigger' }).filter((d: { state: string }) => d.state !== 'done');
    expect(failed).toEqual([]);
    const metrics = h.metrics.invocations({ kind: 'trigger' });
    const ops = metrics.map((m) => m.kvs.reads + m.kvs.writes);
    const jira = metrics.map((m) => m.jira.calls);
    console.log('kvs ops per event', ops, 'jira calls per event', jira);
    expect(metrics.length).toBeGreaterThan(0);
  });
});
