/**
 * Hand-written in-memory fakes of the app's ports (no mocks): enough behaviour for the use cases
 * under test — revisions are checked like the KVS adapter checks them — and a log of Jira writes.
 */
import type { Ask } from '../../../src/domain/ask';
import type { AuditEntry } from '../../../src/contracts/admin';
import { WriteConflict } from '../../../src/app/errors';
import type { AppPorts, HmacKey, Store, StoredAsk, StoredConfig, Versioned } from '../../../src/app/ports';
import type { StoredBucket, TicketRecord } from '../../../src/app/records';

export interface FakeWorld {
  readonly ports: AppPorts;
  readonly tickets: Map<string, Versioned<TicketRecord>>;
  readonly asks: Map<string, StoredAsk>;
  readonly audit: AuditEntry[];
  readonly comments: Array<{ issueKey: string; text: string }>;
  keys: { current: HmacKey; previous: HmacKey | null };
  /** Makes the next n public comments fail like a Jira 500. */
  failComments: number;
  now: number;
}

export function fakeWorld(config: StoredConfig = { version: 1, xlas: [], plans: [] }): FakeWorld {
  const tickets = new Map<string, Versioned<TicketRecord>>();
  const asks = new Map<string, StoredAsk>();
  const buckets = new Map<string, Versioned<StoredBucket>>();
  const audit: AuditEntry[] = [];
  const comments: Array<{ issueKey: string; text: string }> = [];
  let ids = 0;
  const unused = (name: string) => () => Promise.reject(new Error(`fake store: ${name} is not used by this test`));
  const check = (key: string, stored: number, expected: number) => {
    if (stored !== expected) throw new WriteConflict(key);
  };
  const world: FakeWorld = {
    tickets,
    asks,
    audit,
    comments,
    keys: { current: { id: 'k1', secret: 'a'.repeat(43) }, previous: null },
    failComments: 0,
    now: Date.UTC(2026, 0, 5, 9),
    ports: undefined as unknown as AppPorts,
  };
  const store: Store = {
    getConfig: async () => config,
    saveConfig: unused('saveConfig'),
    getTicket: async (id) => tickets.get(id) ?? null,
    getAsk: async (id) => asks.get(id) ?? null,
    lastAskOf: async (requesterId) => [...asks.values()].map((a) => a.ask).filter((a) => a.requesterId === requesterId).sort((a, b) => b.createdAt - a.createdAt)[0] ?? null,
    pendingAsksDueBy: unused('pendingAsksDueBy'),
    openTicketsIdleSince: unused('openTicketsIdleSince'),
    openTicketsCreatedBefore: unused('openTicketsCreatedBefore'),
    allTickets: unused('allTickets'),
    atRiskTickets: unused('atRiskTickets'),
    ticketsByActivity: unused('ticketsByActivity'),
    bucketsIn: unused('bucketsIn'),
    getBuckets: async (keys) => keys.flatMap((k) => (buckets.has(k) ? [buckets.get(k) as Versioned<StoredBucket>] : [])),
    async commit(unit) {
      if (unit.ticket) check(unit.ticket.record.ticketId, tickets.get(unit.ticket.record.ticketId)?.rev ?? 0, unit.ticket.expectedRev);
      for (const b of unit.buckets ?? []) check(b.bucket.key, buckets.get(b.bucket.key)?.rev ?? 0, b.expectedRev);
      if (unit.ticket) tickets.set(unit.ticket.record.ticketId, { value: unit.ticket.record, rev: unit.ticket.expectedRev + 1 });
      for (const a of unit.asks ?? []) asks.set(a.ask.id, { ask: a.ask, usedNonces: a.usedNonces ?? [], rev: (asks.get(a.ask.id)?.rev ?? 0) + 1 });
      for (const b of unit.buckets ?? []) buckets.set(b.bucket.key, { value: b.bucket, rev: b.expectedRev + 1 });
    },
    appendAudit: async (entry) => {
      audit.push(entry);
    },
    auditLog: unused('auditLog'),
    getRecompute: unused('getRecompute'),
    saveRecompute: unused('saveRecompute'),
    accountsToReport: unused('accountsToReport'),
    markAccountsReported: unused('markAccountsReported'),
    forgetAccount: async () => undefined,
    asksOf: async (requesterId) => ({ items: [...asks.values()].filter((a) => a.ask.requesterId === requesterId), cursor: null }),
    async putAsk(ask: Ask, expectedRev, usedNonces = []) {
      check(ask.id, asks.get(ask.id)?.rev ?? 0, expectedRev);
      asks.set(ask.id, { ask, usedNonces, rev: expectedRev + 1 });
    },
    async putTicket(record, expectedRev) {
      check(record.ticketId, tickets.get(record.ticketId)?.rev ?? 0, expectedRev);
      tickets.set(record.ticketId, { value: record, rev: expectedRev + 1 });
    },
  };
  const ports: AppPorts = {
    store,
    jira: {
      getIssue: async () => null,
      getSlaMetrics: async () => [],
      getParticipants: async () => [],
      async addPublicComment(issueKey, text) {
        if (world.failComments > 0) {
          world.failComments -= 1;
          throw new Error('Jira 500');
        }
        comments.push({ issueKey, text });
      },
      setExperienceProperty: async () => undefined,
      accountExists: async () => true,
    },
    clock: { now: () => world.now },
    random: { next: () => 0.5, id: () => `id-${++ids}` },
    queue: { pushRecompute: async () => undefined },
    secrets: {
      signingKeys: async () => world.keys,
      async rotateSigningKey() {
        world.keys = { current: { id: `key-${++ids}`, secret: 'b'.repeat(43) }, previous: world.keys.current };
        return world.keys;
      },
    },
    personalData: { report: async () => [] },
    links: { oneClickUrl: async () => 'https://example.test/x1/one-click' },
  };
  (world as { ports: AppPorts }).ports = ports;
  return world;
}
