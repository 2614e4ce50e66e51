// Custom-entity value rules and every time-ranged index, through the unmodified @forge/kvs client
// and the app's own storage adapter, on the local host.
// Oracle: storage-reference/entities-manifest ("Values": integer is 32-bit signed, float is 0 or
// 1E-130..9.99E+125 with 38 digits) and expectations computed by hand from the rows written here.
import { ForgeKvsAPIError, kvs, Sort, WhereConditions } from '@forge/kvs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../local/index';
import { createKvsStores } from '../../src/platform/kvs-store';
import { aPendingAsk, aTicketRecord } from '../app/builders';
import type { TicketRecord } from '../../src/app/tickets/ticket-record';

let h: RunningHost;
const T = Date.UTC(2026, 0, 5, 9); // 1 767 603 600 000: thirteen digits
const HOUR = 3_600_000;

beforeAll(async () => {
  h = await startHost({ dataDir: ':memory:', seed: 'basic', clock: T });
});
afterAll(async () => {
  await h.close();
});

async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ForgeKvsAPIError);
  const k = e as ForgeKvsAPIError;
  return { status: k.responseDetails.status, code: k.code };
}

describe('entity attribute values (documented limits)', () => {
  const doc = (rev: unknown) => kvs.entity('doc').set('limits', { rev, body: {} });

  it('refuses a 13-digit number in an integer attribute with 400 INVALID_ENTITY_VALUE', async () => {
    expect(await refusal(doc(T))).toEqual({ status: 400, code: 'INVALID_ENTITY_VALUE' });
  });

  it('accepts the int32 bounds and refuses one past them', async () => {
    await doc(2_147_483_647);
    await doc(-2_147_483_648);
    expect((await refusal(doc(2_147_483_648))).code).toBe('INVALID_ENTITY_VALUE');
    expect((await refusal(doc(-2_147_483_649))).code).toBe('INVALID_ENTITY_VALUE');
    expect((await refusal(doc(1.5))).code).toBe('INVALID_ENTITY_VALUE');
  });

  it('keeps epoch milliseconds exactly in a float attribute, and refuses what the float range excludes', async () => {
    await kvs.entity('audit').set('a-1', { scope: 'limits', at: T + 1, record: {} });
    expect(await kvs.entity('audit').get('a-1')).toMatchObject({ at: T + 1 });
    expect((await refusal(kvs.entity('audit').set('a-2', { scope: 'limits', at: 1e-131, record: {} }))).code).toBe(
      'INVALID_ENTITY_VALUE',
    );
    expect((await refusal(kvs.entity('audit').set('a-3', { scope: 'limits', at: '1', record: {} }))).code).toBe(
      'INVALID_ENTITY_VALUE',
    );
  });

  it('refuses an empty or blank string attribute', async () => {
    expect((await refusal(kvs.entity('audit').set('a-4', { scope: '  ', at: T, record: {} }))).code).toBe(
      'INVALID_ENTITY_VALUE',
    );
  });
});

/** Tickets at known times: created i hours after T, last agent activity and last event likewise. */
function ticket(i: number, open: boolean): TicketRecord {
  const base = aTicketRecord();
  const id = `2000${i}`;
  return {
    ...base,
    ticketId: id,
    projectId: 'P1',
    open,
    createdAt: T + i * HOUR,
    lastAgentActivityAt: T + i * HOUR + 1,
    updatedAt: T + i * HOUR + 2,
    experience: { ...base.experience, issueId: id, lastEventAt: T + i * HOUR + 3 },
  };
}

describe('the app’s time-ranged queries with millisecond times', () => {
  const store = createKvsStores();

  beforeAll(async () => {
    // Tickets 0..4; 1 and 3 are closed.
    for (let i = 0; i < 5; i++) await store.tickets.putTicket(ticket(i, i !== 1 && i !== 3), 0);
    // Asks created 0, 1, 2 hours after T for one requester on tickets 20000..20002.
    for (let i = 0; i < 3; i++) {
      const base = aPendingAsk(`plan-${i}`, 'cust-x');
      await store.asks.putAsk(
        {
          ...base,
          id: `ask-${i}`,
          ticketId: `2000${i}`,
          createdAt: T + i * HOUR,
          expiresAt: T + (10 + i) * HOUR,
          reminderDueAt: null,
        },
        0,
      );
    }
    for (let i = 0; i < 3; i++)
      await store.audit.appendAudit({
        id: `audit-${i}`,
        at: T + i * HOUR,
        actorId: 'admin',
        action: 'xla-saved',
        target: `x${i}`,
        summary: `s${i}`,
      });
    const held = ticket(9, true);
    await store.tickets.commit({
      ticket: { record: held, expectedRev: 0 },
      holdings: ['acc-a', 'acc-b'].map((accountId) => ({ accountId, holder: { kind: 'ticket', id: held.ticketId } })),
    });
    // The audit entries' actor has an account row too (written with the entry).
    await store.accounts.markAccountsReported(['admin'], T + 4 * HOUR);
    await store.accounts.markAccountsReported(['acc-a'], T + 5 * HOUR);
  });

  it('by-open-activity: open tickets idle since before T+2h05', async () => {
    const page = await store.tickets.openTicketsIdleSince(T + 2 * HOUR + 5, null);
    expect(page.items.map((t) => t.ticketId)).toEqual(['20000', '20002']);
  });

  it('by-open-created: open tickets created before T+4h', async () => {
    const page = await store.tickets.openTicketsCreatedBefore(T + 4 * HOUR, null);
    expect(page.items.map((t) => t.ticketId)).toEqual(['20000', '20002']);
  });

  it('by-created: every ticket in creation order', async () => {
    const page = await store.tickets.allTickets(null, 100);
    expect(page.items.map((t) => t.value.ticketId)).toEqual(['20000', '20001', '20002', '20003', '20004', '20009']);
  });

  it('by-project-activity: tickets of a project active since T+2h, newest first', async () => {
    const page = await store.tickets.ticketsByActivity({ projectId: 'P1', since: T + 2 * HOUR, limit: 10 }, null);
    expect(page.items.map((t) => t.ticketId)).toEqual(['20009', '20004', '20003', '20002']);
  });

  it('by-requester: the newest ask of a requester, and all of them oldest first', async () => {
    expect((await store.asks.lastAskOf('cust-x'))?.id).toBe('ask-2');
    expect((await store.asks.asksOf('cust-x', null)).items.map((a) => a.ask.id)).toEqual(['ask-0', 'ask-1', 'ask-2']);
  });

  it('by-status-due: pending asks due by T+11h', async () => {
    const page = await store.asks.pendingAsksDueBy(T + 11 * HOUR, null);
    expect(page.items.map((a) => a.id)).toEqual(['ask-0', 'ask-1']);
  });

  it('by-ticket and by-status-expiry answer ranges of milliseconds', async () => {
    const byTicket = await kvs
      .entity('ask')
      .query()
      .index('by-ticket', { partition: ['20001'] })
      .where(WhereConditions.between(T, T + HOUR))
      .getMany();
    expect(byTicket.results.map((r) => r.key)).toEqual(['ask-1']);
    const expiring = await kvs
      .entity('ask')
      .query()
      .index('by-status-expiry', { partition: ['pending'] })
      .where(WhereConditions.greaterThan(T + 10 * HOUR))
      .sort(Sort.ASC)
      .getMany();
    expect(expiring.results.map((r) => r.key)).toEqual(['ask-1', 'ask-2']);
  });

  it('by-scope-time: the audit log newest first', async () => {
    const page = await store.audit.auditLog(null, 10);
    expect(page.items.map((a) => a.id)).toEqual(['audit-2', 'audit-1', 'audit-0']);
  });

  it('by-reported: accounts least recently reported first', async () => {
    const page = await store.accounts.accountsToReport(10, null);
    expect(page.items.map((a) => a.accountId)).toEqual(['acc-b', 'admin', 'acc-a']);
  });
});
