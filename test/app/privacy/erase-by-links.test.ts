/**
 * Erasure reaches every document holding a closed account, through the links the writes recorded,
 * and a property: whatever sequence of ticket writes and audit entries, every account id in any
 * stored document has an account row (what the personal-data report walks).
 *
 * Oracle: the fake world's stored documents serialised and searched for the id — not the links.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERASED_ACCOUNT } from '../../../src/app/privacy/account-holdings';
import { eraseAccount } from '../../../src/app/privacy/erase-account';
import { commitTicketWrite } from '../../../src/app/tickets/commit-ticket-write';
import { summaryOf, type TicketRecord } from '../../../src/app/tickets/ticket-record';
import type { Ask } from '../../../src/domain/ask';
import { aPendingAsk, aTicketRecord, NOW } from '../builders';
import { fakeWorld, type FakeWorld } from '../fakes/ports';

/** The stored documents (not the account rows and links) that hold the id. */
function documentsHolding(w: FakeWorld, id: string): string[] {
  const needle = JSON.stringify(id);
  return [
    ...[...w.tickets.entries()].map(([k, v]) => [`ticket/${k}`, v] as const),
    ...[...w.asks.entries()].map(([k, v]) => [`ask/${k}`, v] as const),
    ...w.audit.map((e) => [`audit/${e.id}`, e] as const),
    ...[...w.locales.entries()].map(([k, v]) => [`locale/${k}`, { k, v }] as const),
  ]
    .filter(([, v]) => JSON.stringify(v).includes(needle))
    .map(([where]) => where);
}

function ticket(id: string, people: { reporter: string; assignees: string[]; participants: string[] }): TicketRecord {
  const base = aTicketRecord({ reporterId: people.reporter, participantIds: people.participants });
  return {
    ...base,
    ticketId: id,
    experience: {
      ...base.experience,
      issueId: id,
      assignments: people.assignees.map((assigneeId, i) => ({ key: `${id}-a${i}`, at: NOW + i, assigneeId })),
      assigneeId: people.assignees[people.assignees.length - 1] ?? null,
    },
  };
}

async function write(w: FakeWorld, after: TicketRecord, asks: readonly Ask[] = []): Promise<void> {
  const before = w.tickets.get(after.ticketId) ?? null;
  const summaries = asks.map(summaryOf);
  await commitTicketWrite(w.ports, w.config, {
    before,
    after: { ...after, asks: [...(before?.value.asks ?? []), ...summaries] },
    asks,
  });
}

describe('erasing a closed account by its links', () => {
  it('reaches the tickets it is a participant or assignee of, the asks it asked for and its audit entries', async () => {
    const w = fakeWorld();
    await write(w, ticket('20001', { reporter: 'rep', assignees: [], participants: ['gone', 'p2'] }));
    await write(w, ticket('20002', { reporter: 'rep', assignees: ['gone', 'agent-2'], participants: [] }));
    const manual = { ...aPendingAsk('manual', 'rep'), id: 'ask-manual', ticketId: '20003', requestedBy: 'gone' };
    await write(w, ticket('20003', { reporter: 'rep', assignees: [], participants: [] }), [manual]);
    await w.ports.audit.appendAudit({
      id: 'audit-1',
      at: NOW,
      actorId: 'gone',
      action: 'plan-saved',
      target: 'manual',
      summary: 'Saved plan manual',
    });
    expect(documentsHolding(w, 'gone').sort()).toEqual(
      ['ask/ask-manual', 'audit/audit-1', 'ticket/20001', 'ticket/20002'].sort(),
    );

    expect(await eraseAccount(w.ports, 'gone')).toBe(true);

    expect(documentsHolding(w, 'gone')).toEqual([]);
    expect(w.accounts.has('gone')).toBe(false);
    expect([...w.holdings.values()].filter((h) => h.accountId === 'gone')).toEqual([]);
    // What held the id keeps everything else: the other people, the audit entry with the erased marker.
    expect(w.tickets.get('20001')?.value.participantIds).toEqual(['p2']);
    expect(w.tickets.get('20002')?.value.experience.assignments.map((a) => a.assigneeId)).toEqual([
      ERASED_ACCOUNT,
      'agent-2',
    ]);
    expect(w.asks.get('ask-manual')?.ask).toMatchObject({ requesterId: 'rep', requestedBy: ERASED_ACCOUNT });
    expect(w.audit).toEqual([
      expect.objectContaining({ id: 'audit-1', actorId: ERASED_ACCOUNT, action: 'plan-saved' }),
    ]);
    for (const id of ['rep', 'p2', 'agent-2']) expect(w.accounts.has(id)).toBe(true);
  });

  it('stops after a bounded number of pages and keeps the account row, so the next run finishes', async () => {
    const w = fakeWorld();
    w.pageSize = 2;
    for (let i = 0; i < 120; i++)
      await write(w, ticket(String(30_000 + i), { reporter: 'rep', assignees: [], participants: ['busy'] }));
    expect(await eraseAccount(w.ports, 'busy')).toBe(false);
    expect(w.accounts.has('busy')).toBe(true);
    expect(await eraseAccount(w.ports, 'busy')).toBe(true);
    expect(documentsHolding(w, 'busy')).toEqual([]);
  });
});

describe('erasure racing a write that stores the id again', () => {
  it('a link the write sets after the erasure rewrote the ticket is kept, and the erasure meets the ticket again', async () => {
    const w = fakeWorld();
    await write(w, ticket('45001', { reporter: 'rep', assignees: [], participants: ['gone'] }));
    const putTicket = w.ports.tickets.putTicket.bind(w.ports.tickets);
    let raced = false;
    Object.assign(w.ports.tickets, {
      async putTicket(record: TicketRecord, rev: number, erased?: string) {
        await putTicket(record, rev, erased);
        if (raced) return;
        raced = true;
        // Jira still names the closed participant: the next event stores the id again.
        await write(w, { ...record, participantIds: [...record.participantIds, 'gone'] });
      },
    });
    expect(await eraseAccount(w.ports, 'gone')).toBe(true);
    expect(raced).toBe(true);
    // The write's link was kept, so the erasure met the ticket again and erased the id there too.
    expect(documentsHolding(w, 'gone')).toEqual([]);
  });

  it('a link written just before the account row is deleted brings the row back; the next run finishes', async () => {
    const w = fakeWorld();
    await write(w, ticket('45002', { reporter: 'rep', assignees: [], participants: ['gone'] }));
    const forget = w.ports.accounts.forgetAccount.bind(w.ports.accounts);
    let raced = false;
    Object.assign(w.ports.accounts, {
      async forgetAccount(accountId: string) {
        if (!raced) {
          raced = true;
          const stored = w.tickets.get('45002')?.value;
          if (stored) await write(w, { ...stored, participantIds: [...stored.participantIds, 'gone'] });
        }
        await forget(accountId);
      },
    });
    expect(await eraseAccount(w.ports, 'gone')).toBe(false);
    expect(documentsHolding(w, 'gone')).toEqual(['ticket/45002']);
    expect(w.accounts.has('gone')).toBe(true);
    expect(await eraseAccount(w.ports, 'gone')).toBe(true);
    expect(documentsHolding(w, 'gone')).toEqual([]);
  });
});

const PEOPLE = ['rep-1', 'rep-2', 'p-1', 'p-2', 'p-3', 'agent-1', 'agent-2', 'admin-1'] as const;
const person = fc.constantFrom(...PEOPLE);

/** One change a use case writes: a ticket's people change, an agent asks now, an admin saves. */
const step = fc.oneof(
  fc.record({
    kind: fc.constant('ticket' as const),
    ticket: fc.integer({ min: 0, max: 3 }),
    reporter: person,
    assignees: fc.array(person, { maxLength: 3 }),
    participants: fc.uniqueArray(person, { maxLength: 5 }),
  }),
  fc.record({ kind: fc.constant('ask' as const), ticket: fc.integer({ min: 0, max: 3 }), by: person, to: person }),
  fc.record({ kind: fc.constant('audit' as const), by: person }),
  fc.record({ kind: fc.constant('erase' as const), who: person }),
);

describe('every stored account id has an account row (property)', () => {
  it('after any sequence of ticket writes, asks now, audit entries and erasures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const w = fakeWorld();
        let n = 0;
        for (const s of steps) {
          n += 1;
          if (s.kind === 'ticket') {
            await write(w, ticket(String(40_000 + s.ticket), s));
          } else if (s.kind === 'ask') {
            const id = String(40_000 + s.ticket);
            const known = w.tickets.get(id)?.value ?? ticket(id, { reporter: s.to, assignees: [], participants: [] });
            const ask = { ...aPendingAsk('manual', s.to), id: `ask-${n}`, ticketId: id, requestedBy: s.by };
            await write(w, known, [ask]);
          } else if (s.kind === 'audit') {
            const entry = { id: `audit-${n}`, at: NOW + n, actorId: s.by, target: 'x', summary: 'saved' };
            await w.ports.audit.appendAudit({ ...entry, action: 'xla-saved' });
          } else {
            await eraseAccount(w.ports, s.who);
            expect(documentsHolding(w, s.who)).toEqual([]);
          }
          for (const id of PEOPLE) if (documentsHolding(w, id).length > 0) expect(w.accounts.has(id)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
