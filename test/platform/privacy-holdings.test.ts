/**
 * Account rows and links through the real `@forge/kvs` client on the local host: a ticket write
 * whose new ids do not fit in its transaction (25 operations, mirror/storage-reference/transactions/index.md)
 * writes them in batches of 25 (mirror/storage-reference/batchops-entities/index.md) *before* the
 * transaction — a failed batch leaves no ticket, a failed transaction leaves rows with no data —
 * and a write whose ids fit carries them inside its one transaction. The links are found again by
 * the `by-account` index, one page at a time, and dropped.
 * Oracle: the host's raw rows and its count of calls by path (local/kvs.ts), and its fault
 * injection at the wire (local/faults.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../local/index';
import type { AppPorts, UnitOfWork } from '../../src/app/ports';
import type { TicketRecord } from '../../src/app/tickets/ticket-record';
import { backfillHoldings } from '../../src/app/privacy/backfill-holdings';
import { appPorts } from '../../src/composition';
import { shardOf } from '../../src/platform/storage-layout';
import { aPendingAsk, aTicketRecord, NOW } from '../app/builders';

function ticket(id: string, participantIds: string[]): TicketRecord {
  const t = aTicketRecord({ reporterId: `rep-${id}`, participantIds });
  return { ...t, ticketId: id, shard: shardOf(id), experience: { ...t.experience, issueId: id, issueKey: `IT-${id}` } };
}

function unitFor(record: TicketRecord, expectedRev = 0): UnitOfWork {
  const ids = [record.experience.reporterId ?? '', ...record.participantIds];
  return {
    ticket: { record, expectedRev },
    holdings: ids.map((accountId) => ({ accountId, holder: { kind: 'ticket', id: record.ticketId } })),
  };
}

describe('account rows and links on the local host', () => {
  let h: RunningHost;
  const as = async <T>(fn: (ports: AppPorts) => Promise<T>) => h.host.runAs({}, () => fn(appPorts()));
  const keys = (entity: string) => h.host.kvs.dump('entity', entity).map((r) => r.key);
  const participants = (tag: string) => Array.from({ length: 50 }, (_, i) => `${tag}-${i}`);

  beforeAll(async () => {
    h = await startHost({ dataDir: ':memory:', seed: 'basic', delayScale: 0, scheduler: false });
  });
  afterAll(async () => {
    await h.close();
  });

  it('50 new participants: rows in batches of 25 before the one transaction', async () => {
    const record = ticket('601', participants('p'));
    const done = await as((p) => p.tickets.commit(unitFor(record)));
    // 51 account rows + 51 links = 102 rows: 5 batches, then the ticket's transaction.
    expect(done.metrics.kvs.byPath['/api/v1/batch/set']).toBe(5);
    expect(done.metrics.kvs.byPath['/api/v1/transaction']).toBe(1);
    expect(keys('ticket')).toContain('601');
    for (const id of ['rep-601', ...record.participantIds]) expect(keys('account')).toContain(id);
  });

  it('a failed batch of rows writes no ticket; a failed transaction leaves only rows', async () => {
    h.faults.set([{ target: 'kvs', kind: 500, rate: 1, pathIncludes: '/batch/set' }]);
    const refused = await as((p) => p.tickets.commit(unitFor(ticket('602', participants('q'))))).catch(
      (e: unknown) => e,
    );
    h.faults.clear();
    expect(refused).toBeInstanceOf(Error);
    expect(keys('ticket')).not.toContain('602');

    h.faults.set([{ target: 'kvs', kind: 500, rate: 1, pathIncludes: '/transaction' }]);
    const lost = await as((p) => p.tickets.commit(unitFor(ticket('603', participants('r'))))).catch((e: unknown) => e);
    h.faults.clear();
    expect(lost).toBeInstanceOf(Error);
    expect(keys('ticket')).not.toContain('603');
    // Reported with no data: harmless (the report answers, erasure finds nothing to change).
    expect(keys('account')).toContain('r-0');
  });

  it('a few new ids ride in the ticket’s transaction: no extra storage call', async () => {
    const done = await as((p) => p.tickets.commit(unitFor(ticket('604', ['s-1', 's-2']))));
    expect(done.metrics.kvs.byPath['/api/v1/batch/set']).toBeUndefined();
    expect(done.metrics.kvs.byPath['/api/v1/transaction']).toBe(1);
    for (const id of ['rep-604', 's-1', 's-2']) expect(keys('account')).toContain(id);
  });

  it('finds every holder of an account by the by-account index, a page at a time, and drops the links', async () => {
    for (let i = 0; i < 3; i++) await as((p) => p.tickets.commit(unitFor(ticket(String(610 + i), ['shared']))));
    const found = await as((p) => p.accounts.holdingsOf('shared', 2));
    expect(found.value).toHaveLength(2);
    const all = await as((p) => p.accounts.holdingsOf('shared', 100));
    expect(all.value.map((x) => x.id).sort()).toEqual(['610', '611', '612']);
    await as((p) => p.accounts.dropHoldings('shared', all.value));
    expect((await as((p) => p.accounts.holdingsOf('shared', 100))).value).toEqual([]);
    expect(keys('holding').filter((k) => k.endsWith('.shared'))).toEqual([]);
  });

  it('back-fills data stored without rows through the real queries (by-created, by-ticket, by-scope-time)', async () => {
    // Stored the old way: a ticket with an ask and an audit entry, and no account row or link.
    const old = ticket('620', ['old-participant']);
    const ask = { ...aPendingAsk('manual', 'rep-620'), id: 'ask-620', ticketId: '620', requestedBy: 'old-agent' };
    await as((p) => p.tickets.commit({ ticket: { record: old, expectedRev: 0 }, asks: [{ ask }] }));
    const entry = { id: 'audit-old', at: NOW, actorId: 'old-admin', action: 'xla-saved', target: 'x', summary: '' };
    await as((p) => p.audit.replaceAudit({ ...entry, action: 'xla-saved' }));
    for (const id of ['rep-620', 'old-participant', 'old-agent', 'old-admin'])
      expect(keys('account')).not.toContain(id);

    const run = await as((p) => backfillHoldings(p));
    expect(run.value.phase).toBe('done');
    for (const id of ['rep-620', 'old-participant', 'old-agent', 'old-admin']) expect(keys('account')).toContain(id);
    const agentHolds = await as((p) => p.accounts.holdingsOf('old-agent', 100));
    expect(agentHolds.value).toEqual([{ kind: 'ask', id: 'ask-620' }]);
    // Done: the next run reads its document only.
    const again = await as((p) => backfillHoldings(p));
    expect(again.value).toEqual({ phase: 'done', tickets: 0, auditEntries: 0 });
    expect(again.metrics.kvs.reads + again.metrics.kvs.writes).toBe(1);
  });
});
