/**
 * The request type on a site whose JSM request-type field is not navigable:
 * `GET /rest/api/3/issue/{id}?fields=*navigable` leaves it out (the `fields` parameter:
 * "*navigable Returns navigable fields"), while `*all` "Returns all fields" — so the one issue read
 * the created event makes already carries it, and the event stays within issue 16's budget of
 * 2 Jira calls (the issue, then its property) instead of asking JSM's request as a third.
 * Oracles: the site's own request type of the ticket, the host's metering of each route, and the
 * budget of 2 Jira calls per event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, stopTestHost, type TestHost } from './support/host';

const ISSUE_READ = 'GET /rest/api/3/issue/{id}';
const REQUEST_READ = 'GET /rest/servicedeskapi/request/{id}';

describe('the request type whether or not its field is navigable, on the local host', () => {
  let h: TestHost;

  beforeAll(async () => {
    h = await startTestHost();
  });

  afterAll(async () => {
    await stopTestHost(h);
  });

  async function created(navigable: boolean) {
    h.site.raw.requestTypeFieldNavigable = navigable;
    h.metrics.reset();
    const t = h.site.createTicket({
      projectKey: 'IT',
      requestType: 'Request new software',
      summary: 'Licence',
      reporter: h.users.customers[0] ?? '',
    });
    await h.waitForIdle();
    const [event] = h.metrics.invocations({ kind: 'trigger', cause: 'avi:jira:created:issue' });
    const row = h.entity('ticket').find((r) => r.key === t.id);
    const stored = (row?.value as { record?: { experience?: { requestTypeId?: string | null } } }).record?.experience
      ?.requestTypeId;
    return { t, event, stored, expected: h.site.raw.issue(t.key)?.requestTypeId };
  }

  it('reads the request type from the issue alone while the field is navigable', async () => {
    const { event, stored, expected } = await created(true);
    expect(expected).toBeDefined();
    expect(stored).toBe(expected);
    expect(event?.jira.byRoute[REQUEST_READ]).toBeUndefined();
  });

  it('reads it from the same one issue read when the field is not navigable: 2 Jira calls in all', async () => {
    const { t, event, stored, expected } = await created(false);
    // The site really leaves it out: the oracle for "the issue read lacks the JSM request data".
    const read = h.host.callJira(
      { kind: 'app', accountId: h.users.app },
      'GET',
      `/rest/api/3/issue/${t.id}?fields=*navigable`,
      undefined,
      true,
    );
    expect(JSON.stringify(read.body)).not.toContain('customfield_10010');
    expect(stored).toBe(expected);
    expect(event?.jira.byRoute[ISSUE_READ]).toBe(1);
    expect(event?.jira.byRoute[REQUEST_READ]).toBeUndefined();
    expect(event?.jira.calls).toBeLessThanOrEqual(2);
  });
});
