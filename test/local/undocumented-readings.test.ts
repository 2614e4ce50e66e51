// Where the Forge docs are silent, Sentio must be right under every plausible reading
// (local/CONFORMANCE.md, rows marked "undocumented"). The unmodified app runs on the host
// configured each way, and each outcome is checked against what the events themselves say:
// every requester comment folded into its ticket, the first public reply as the first response.
import { kvs } from '@forge/kvs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HostOptions, type RunningHost, startHost } from '../../local/index';

type Readings = NonNullable<HostOptions['readings']>;
const T0 = Date.UTC(2026, 2, 2, 9);
const MINUTE = 60_000;

const REFUSED_400 = { status: 400, code: 'TRANSACTION_CANCELLED' };
const STORAGE_READINGS: Array<[string, Readings]> = [
  ['the host’s default readings', {}],
  ['a refused condition answered 400 TRANSACTION_CANCELLED', { conditionFailure: REFUSED_400 }],
  ['a refused condition answered 409 KEY_CONFLICT', { conditionFailure: { status: 409, code: 'KEY_CONFLICT' } }],
  ['conditions on a missing key always fail', { missingKeyConditions: 'fail' }],
  [
    'both, and comment events without jsdPublic',
    { conditionFailure: REFUSED_400, missingKeyConditions: 'fail', commentJsdPublic: false },
  ],
  ['comment events without jsdPublic', { commentJsdPublic: false }],
];

interface StoredTicket {
  record: {
    experience: {
      requesterComments: unknown[];
      firstPublicAgentResponseAt: number | null;
    };
  };
}

async function storedTicket(issueId: string): Promise<StoredTicket['record']['experience'] | undefined> {
  const raw = (await kvs.entity('ticket').get(issueId)) as StoredTicket | undefined;
  return raw?.record.experience;
}

for (const [name, readings] of STORAGE_READINGS) {
  describe(`events, storage and comments: ${name}`, () => {
    let h: RunningHost;
    beforeAll(async () => {
      h = await startHost({ dataDir: ':memory:', seed: 'basic', clock: T0, delayScale: 0, concurrency: 4, readings });
    });
    afterAll(async () => {
      await h.close();
    });

    it('folds every requester comment of tickets commented on at once, and no delivery fails', async () => {
      const customer = h.users.customers[0] ?? '';
      const issues = [1, 2, 3].map((i) =>
        h.site.createTicket({ projectKey: 'IT', summary: `Race ${i}`, reporter: customer }),
      );
      for (const issue of issues)
        for (let c = 0; c < 5; c++) h.site.comment(issue.key, `Still broken (${c})`, { author: customer });
      await h.waitForIdle();
      for (const issue of issues) expect((await storedTicket(issue.id))?.requesterComments).toHaveLength(5);
      expect(h.deliveries({ kind: 'trigger' }).filter((d) => d.state !== 'done')).toEqual([]);
    });

    it('takes the first public reply, not an earlier internal note, as the first response', async () => {
      const issue = h.site.createTicket({ projectKey: 'IT', summary: 'Reply', reporter: h.users.customers[1] ?? '' });
      const agent = h.users.agents[0] ?? '';
      h.site.advance(10 * MINUTE);
      h.site.comment(issue.key, 'Internal: looks like the VPN again.', { author: agent, public: false });
      h.site.advance(10 * MINUTE);
      const replyAt = T0 + 20 * MINUTE;
      h.site.comment(issue.key, 'We are on it.', { author: agent, public: true });
      await h.waitForIdle();
      expect((await storedTicket(issue.id))?.firstPublicAgentResponseAt).toBe(replyAt);
    });
  });
}

describe('asUser() for portal customers, refused or allowed', () => {
  for (const asUserForCustomers of ['refused', 'allowed'] as const) {
    it(`lets the requester open the portal survey when asUser() for customers is ${asUserForCustomers}`, async () => {
      const h = await startHost({ dataDir: ':memory:', seed: 'basic', clock: T0, readings: { asUserForCustomers } });
      try {
        const customer = h.users.customers[0] ?? '';
        const issue = h.site.createTicket({ projectKey: 'IT', summary: 'Portal', reporter: customer });
        await h.waitForIdle();
        const r = await h.invoke('sentio-portal-survey', 'getMyAsk', {}, customer, { request: { key: issue.key } });
        expect(r.value).toEqual({ ok: true, data: { ask: null } });
      } finally {
        await h.close();
      }
    });
  }
});

describe('asUser() before the user granted access', () => {
  it('lets NeedsAuthenticationError reach the platform instead of answering an error envelope', async () => {
    const h = await startHost({
      dataDir: ':memory:',
      seed: 'basic',
      clock: T0,
      readings: { asUserConsent: 'required' },
    });
    try {
      const agent = h.users.agents[0] ?? '';
      const issue = h.site.createTicket({ projectKey: 'IT', summary: 'Consent', reporter: h.users.customers[0] ?? '' });
      await h.waitForIdle();
      const before = await h.invoke('sentio-issue-panel', 'getTicketExperience', {}, agent, {
        issue: { key: issue.key, id: issue.id },
      });
      expect(before.ok).toBe(false);
      expect(before.error?.name).toBe('NEEDS_AUTHENTICATION_ERR');
      h.host.grantConsent(agent);
      const after = await h.invoke('sentio-issue-panel', 'getTicketExperience', {}, agent, {
        issue: { key: issue.key, id: issue.id },
      });
      expect(after.ok).toBe(true);
      expect(after.value).toMatchObject({ ok: true });
    } finally {
      await h.close();
    }
  });
});
