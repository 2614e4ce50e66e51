/**
 * A reopen in a workflow that keeps the resolution: the changelog names only the statuses, the
 * payload only the current one's category. The ticket record knows the category of the status left
 * (it was in it), so the move out of done still counts as a reopen.
 * Oracle: the site's own changelog (a done status left for an open one, no resolution item) and
 * Jira's meaning of the status categories.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE, startTestHost, stopTestHost, type TestHost } from './support/host';

describe('a reopen that keeps the resolution, on the local host', () => {
  let h: TestHost;

  beforeAll(async () => {
    h = await startTestHost();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  it('counts as a reopen', async () => {
    const agent = h.users.agents[0] ?? '';
    const t = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Get IT help',
      summary: 'VPN drops',
      reporter: h.users.customers[0] ?? '',
    });
    await h.waitForIdle();
    h.advanceBoth(10 * MINUTE);
    h.site.transition(t.key, 'Resolved', agent);
    await h.waitForIdle();
    h.advanceBoth(10 * MINUTE);
    h.site.raw.transition(t.key, 'In Progress', { accountId: agent }, { keepResolution: true });
    await h.waitForIdle();
    expect(h.site.raw.issue(t.key)?.resolution).toBe('Done');
    const row = h.entity('ticket').find((r) => r.key === t.id);
    const reopens = (row?.value as { record?: { experience?: { reopens?: unknown[] } } }).record?.experience?.reopens;
    expect(reopens).toHaveLength(1);
  });
});
