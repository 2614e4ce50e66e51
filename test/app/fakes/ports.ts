/**
 * Hand-written in-memory fakes of the app's ports (no mocks): enough behaviour for the use cases
 * under test — revisions are checked like the KVS adapter checks them, queries page like KVS
 * pages (`pageSize`, opaque cursors) — and a log of Jira writes and store calls.
 */
import type { Ask } from '../../../src/domain/ask';
import { forgeTranslator } from '../../i18n/forge-translations';
import { WriteConflict } from '../../../src/app/errors';
import type {
  CachedLocale,
  AppDocKey,
  AuditEntry,
  RecomputeState,
  ScopeOptions,
  AppPorts,
  HmacKey,
  LiveSla,
  Page,
  AccountStore,
  AskStore,
  AccountHolding,
  AuditLog,
  BucketRef,
  ConfigStore,
  DocumentStore,
  RollupStore,
  TicketStore,
  StoredAsk,
  StoredConfig,
  Versioned,
} from '../../../src/app/ports';
import type { StoredBucket, TicketRecord } from '../../../src/app/tickets/ticket-record';
import {
  DAY_SUMMARY_SHARD,
  ROLLUP_SHARDS,
  rollupKey,
  rollupScope,
  shardOf,
} from '../../../src/platform/storage-layout';
import type { EpochMs } from '../../../src/domain/time';
import {
  AccountBackfillStateV1,
  RollupGcStateV1,
  ScopeOptionsCacheV1,
  SitePriorsStateV1,
} from '../../../src/platform/stored-shapes';

const DOC_SHAPES = {
  'account-backfill': AccountBackfillStateV1,
  'site-priors': SitePriorsStateV1,
  'rollup-gc': RollupGcStateV1,
  'scope-options': ScopeOptionsCacheV1,
} as const;

export interface FakeWorld {
  readonly ports: AppPorts;
  readonly tickets: Map<string, Versioned<TicketRecord>>;
  readonly asks: Map<string, StoredAsk>;
  /** By storage key (src/platform/storage-layout.ts `rollupKey`), as KVS keys them. */
  readonly buckets: Map<string, Versioned<StoredBucket>>;
  readonly accounts: Map<string, { reportedAt: EpochMs; updatedAt: EpochMs }>;
  /** Links from account ids to what holds them, by `holder kind/holder id/account id`. */
  readonly holdings: Map<string, AccountHolding>;
  /** Cached profile languages by account id (the `locale:` keys). */
  readonly locales: Map<string, CachedLocale>;
  readonly projects: Set<string>;
  readonly docs: Map<AppDocKey, Versioned<unknown>>;
  readonly audit: AuditEntry[];
  readonly comments: Array<{ issueKey: string; text: string; links?: ReadonlyArray<{ label: string; url: string }> }>;
  readonly pushed: string[];
  /** How many times each store method was called (bounded-cost assertions). */
  readonly calls: Map<string, number>;
  /** Personal-data reports made, one array of account ids per call. */
  readonly reports: string[][];
  config: StoredConfig & { rev: number };
  recompute: Versioned<RecomputeState> | null;
  keys: { current: HmacKey; previous: HmacKey | null };
  /** Makes the next n public comments fail like a Jira 500. */
  failComments: number;
  /** Page size of every fake query (KVS: 100). */
  pageSize: number;
  /** What the personal-data API answers for an account (default: nothing to do). */
  accountStatus: Map<string, 'closed' | 'updated'>;
  /** The site Jira lists for the scope pickers, and display names by account id. */
  site: { -readonly [K in keyof ScopeOptions]: ScopeOptions[K] } & {
    people: Map<string, string>;
    /** Profile languages in Jira's form (`de_DE`); absent: hidden or unknown. */
    locales: Map<string, string>;
  };
  /** Jira reads made, by method (scope lists, display names). */
  jiraReads: string[];
  /** Makes Jira's reads fail like a 503 while true. */
  jiraDown: boolean;
  /** What JSM answers for a request's SLAs (the agent panel's live read). */
  liveSlas: LiveSla[];
  now: number;
}

function pageOf<T>(items: readonly T[], cursor: string | null, size: number): Page<T> {
  const from = cursor === null ? 0 : Number(cursor);
  const slice = items.slice(from, from + size);
  return { items: slice, cursor: from + size < items.length ? String(from + size) : null };
}

/**
 * A page of an index like KVS pages it: the cursor is a position in (sort value, key) order, not
 * an offset, so rows that leave the index (an expired ask) or move in it do not shift the walk.
 */
function indexPage<T>(
  items: readonly T[],
  sortKey: (item: T) => readonly [number, string],
  cursor: string | null,
  size: number,
): Page<T> {
  const after = cursor === null ? null : (JSON.parse(cursor) as [number, string]);
  const later = (k: readonly [number, string]) =>
    after === null || k[0] > after[0] || (k[0] === after[0] && k[1] > after[1]);
  const rows = items
    .map((item) => ({ item, k: sortKey(item) }))
    .sort((a, b) => a.k[0] - b.k[0] || (a.k[1] < b.k[1] ? -1 : a.k[1] > b.k[1] ? 1 : 0))
    .filter((r) => later(r.k));
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { items: page.map((r) => r.item), cursor: rows.length > size && last ? JSON.stringify(last.k) : null };
}

/** When the hourly scan sees a pending ask: at once while its comment is owed, else reminder or expiry (as kvs-store's `dueAt`). */
function dueAtOf(ask: Ask, owed: boolean): number {
  if (owed) return ask.createdAt;
  return ask.reminderDueAt !== null && ask.remindedAt === null
    ? Math.min(ask.reminderDueAt, ask.expiresAt)
    : ask.expiresAt;
}

export function fakeWorld(config: StoredConfig = { version: 1, xlas: [], plans: [] }): FakeWorld {
  const tickets = new Map<string, Versioned<TicketRecord>>();
  const asks = new Map<string, StoredAsk>();
  const buckets = new Map<string, Versioned<StoredBucket>>();
  /** Keys of shard buckets written since their day was last compacted (the `live` layer). */
  const live = new Set<string>();
  const calls = new Map<string, number>();
  let ids = 0;
  const check = (key: string, stored: number, expected: number) => {
    if (stored !== expected) throw new WriteConflict(key);
  };
  const world: FakeWorld = {
    tickets,
    asks,
    buckets,
    accounts: new Map(),
    holdings: new Map(),
    locales: new Map(),
    projects: new Set(),
    docs: new Map(),
    audit: [],
    comments: [],
    pushed: [],
    calls,
    reports: [],
    config: { ...config, rev: config.rev ?? config.version },
    recompute: null,
    keys: { current: { id: 'k1', secret: 'a'.repeat(43) }, previous: null },
    failComments: 0,
    pageSize: 100,
    accountStatus: new Map(),
    site: { projects: [], requestTypes: [], priorities: [], people: new Map(), locales: new Map() },
    jiraReads: [],
    jiraDown: false,
    liveSlas: [],
    now: Date.UTC(2026, 0, 5, 9),
    ports: undefined as unknown as AppPorts,
  };
  const openTickets = (keep: (t: TicketRecord) => boolean, order: (t: TicketRecord) => number) =>
    [...tickets.values()]
      .map((t) => t.value)
      .filter((t) => t.open && keep(t))
      .sort((a, b) => order(a) - order(b));
  const openPage = (keep: (t: TicketRecord) => boolean, order: (t: TicketRecord) => number, cursor: string | null) =>
    indexPage(openTickets(keep, order), (t) => [order(t), t.ticketId], cursor, world.pageSize);

  const jiraRead = <T>(method: string, value: T): T => {
    if (world.jiraDown) throw new Error('Jira 503');
    world.jiraReads.push(method);
    return value;
  };

  const holdingId = (h: AccountHolding) => `${h.holder.kind}/${h.holder.id}/${h.accountId}`;
  function recordHoldings(holdings: readonly AccountHolding[], at: EpochMs): void {
    for (const h of holdings) {
      world.accounts.set(h.accountId, { reportedAt: 0, updatedAt: at });
      world.holdings.set(holdingId(h), h);
    }
  }

  type Stores = ConfigStore & TicketStore & AskStore & RollupStore & DocumentStore & AuditLog & AccountStore;
  const store: Stores = {
    shardOf,
    getConfig: async () => world.config,
    async saveConfig(next, expectedRev) {
      check('config', world.config.rev, expectedRev);
      world.config = { ...next, rev: expectedRev + 1 };
    },
    getTicket: async (id) => tickets.get(id) ?? null,
    ticketsCreatedFrom: async (since, limit) =>
      [...tickets.values()]
        .map((t) => t.value)
        .filter((t) => t.createdAt >= since)
        .sort((a, b) => a.createdAt - b.createdAt || (a.ticketId < b.ticketId ? -1 : 1))
        .slice(0, Math.min(limit, world.pageSize)),
    asksOnTicket: async (ticketId) =>
      [...asks.values()]
        .map((a) => a.ask)
        .filter((a) => a.ticketId === ticketId)
        .sort((a, b) => a.createdAt - b.createdAt),
    getAsk: async (id) => asks.get(id) ?? null,
    getAskWithLocale: async (id, accountId) => ({
      stored: asks.get(id) ?? null,
      cached: world.locales.get(accountId) ?? null,
    }),
    lastAskOf: async (requesterId) =>
      [...asks.values()]
        .map((a) => a.ask)
        .filter((a) => a.requesterId === requesterId)
        .sort((a, b) => b.createdAt - a.createdAt)[0] ?? null,
    async pendingAsksDueBy(before, cursor) {
      const due = (a: Ask) => dueAtOf(a, tickets.get(a.ticketId)?.value.undelivered.includes(a.id) === true);
      const pending = [...asks.values()].map((a) => a.ask).filter((a) => a.status === 'pending' && due(a) <= before);
      return indexPage(pending, (a) => [due(a), a.id], cursor, world.pageSize);
    },
    openTicketsIdleSince: async (before, cursor) =>
      openPage(
        (t) => t.lastAgentActivityAt < before,
        (t) => t.lastAgentActivityAt,
        cursor,
      ),
    openTicketsCreatedBefore: async (before, cursor) =>
      openPage(
        (t) => t.createdAt < before,
        (t) => t.createdAt,
        cursor,
      ),
    allTickets: async (cursor, limit) =>
      pageOf(
        [...tickets.values()].sort((a, b) => a.value.createdAt - b.value.createdAt),
        cursor,
        Math.min(limit, world.pageSize),
      ),
    atRiskTickets: async (q) =>
      openTickets(
        (t) => t.projectId === q.projectId && t.riskScore >= q.minRiskScore,
        (t) => -t.riskScore,
      ).slice(0, q.limit),
    ticketsByActivity: async (q, cursor) =>
      pageOf(
        [...tickets.values()]
          .map((t) => t.value)
          .filter((t) => t.projectId === q.projectId && t.updatedAt >= q.since)
          .sort((a, b) => b.updatedAt - a.updatedAt),
        cursor,
        Math.min(q.limit, world.pageSize),
      ),
    async bucketsIn(q) {
      calls.set('bucketsIn', (calls.get('bucketsIn') ?? 0) + 1);
      const generation = q.generation ?? world.config.rollups?.active ?? '';
      return [...buckets.values()]
        .map((b) => b.value)
        .filter(
          (b) =>
            b.generation === generation &&
            b.projectId === q.projectId &&
            b.period >= q.fromDay &&
            b.period <= q.toDay &&
            b.shard !== DAY_SUMMARY_SHARD,
        );
    },
    async daysToCompact(generation, limit) {
      const days = new Map<string, { projectId: string; day: string }>();
      for (const key of [...live].sort()) {
        const b = buckets.get(key)?.value;
        if (b && b.generation === generation)
          days.set(`${b.projectId}/${b.period}`, { projectId: b.projectId, day: b.period });
      }
      return [...days.values()].slice(0, limit);
    },
    async dayRows(generation, projectId, day) {
      const ref = (shard: number) => rollupKey({ generation, projectId, period: day, shard });
      const shards = Array.from({ length: ROLLUP_SHARDS }, (_, s) => ref(s)).flatMap((key) => {
        const b = buckets.get(key);
        return b ? [{ ...b, live: live.has(key) }] : [];
      });
      return { generation, projectId, day, shards, summary: buckets.get(ref(DAY_SUMMARY_SHARD)) ?? null };
    },
    async saveDaySummary(rows, summary) {
      const key = rollupKey({ ...rows, period: rows.day, shard: DAY_SUMMARY_SHARD });
      check(key, buckets.get(key)?.rev ?? 0, rows.summary?.rev ?? 0);
      for (const s of rows.shards) check(rollupKey(s.value), buckets.get(rollupKey(s.value))?.rev ?? 0, s.rev);
      const value = { ...rows, period: rows.day, shard: DAY_SUMMARY_SHARD, bucket: summary };
      buckets.set(key, { value, rev: (rows.summary?.rev ?? 0) + 1 });
      for (const s of rows.shards) live.delete(rollupKey(s.value));
    },
    getBuckets: async (refs) =>
      refs.map(rollupKey).flatMap((k) => (buckets.has(k) ? [buckets.get(k) as Versioned<StoredBucket>] : [])),
    async commit(unit) {
      if (unit.configRev !== undefined) check('config', world.config.rev, unit.configRev);
      const written = [...(unit.ticket ? [unit.ticket] : []), ...(unit.tickets ?? [])];
      // As KVS transactions: at most 25 operations, each key once (storage-reference/entities-transactions).
      const keys = [
        ...written.map((t) => `ticket:${t.record.ticketId}`),
        ...(unit.asks ?? []).map((a) => `ask:${a.ask.id}`),
        ...(unit.buckets ?? []).map((b) => `rollup:${rollupKey(b.bucket)}`),
        ...(unit.projects ?? []).map((id) => `project:${id}`),
        ...(unit.configRev !== undefined ? ['doc:config'] : []),
      ];
      if (keys.length > 25) throw new Error(`a transaction of ${keys.length} operations (at most 25)`);
      if (new Set(keys).size !== keys.length) throw new Error('a key used twice in one transaction');
      // Account rows and links go no later than the data: here first, kept even if the write loses a race.
      recordHoldings(unit.holdings ?? [], written[0]?.record.updatedAt ?? 0);
      for (const t of written) check(t.record.ticketId, tickets.get(t.record.ticketId)?.rev ?? 0, t.expectedRev);
      for (const b of unit.buckets ?? [])
        check(rollupKey(b.bucket), buckets.get(rollupKey(b.bucket))?.rev ?? 0, b.expectedRev);
      for (const t of written) tickets.set(t.record.ticketId, { value: t.record, rev: t.expectedRev + 1 });
      for (const a of unit.asks ?? [])
        asks.set(a.ask.id, { ask: a.ask, usedNonces: a.usedNonces ?? [], rev: (asks.get(a.ask.id)?.rev ?? 0) + 1 });
      for (const b of unit.buckets ?? []) {
        buckets.set(rollupKey(b.bucket), { value: b.bucket, rev: b.expectedRev + 1 });
        live.add(rollupKey(b.bucket));
      }
      for (const id of unit.projects ?? []) world.projects.add(id);
    },
    async projectsSeen(cursor, limit) {
      calls.set('projectsSeen', (calls.get('projectsSeen') ?? 0) + 1);
      return indexPage([...world.projects], (id) => [0, id], cursor, Math.min(limit, world.pageSize));
    },
    async bucketsOfGeneration(generation, projectId, limit) {
      calls.set('bucketsOfGeneration', (calls.get('bucketsOfGeneration') ?? 0) + 1);
      const scope = rollupScope(generation, projectId);
      return [...buckets.entries()]
        .filter(([, b]) => rollupScope(b.value.generation, b.value.projectId) === scope)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .slice(0, Math.min(limit, world.pageSize))
        .map(([, b]): BucketRef => {
          const { generation: g, projectId: p, period, shard } = b.value;
          return { generation: g, projectId: p, period, shard };
        });
    },
    async deleteBuckets(refs) {
      for (const ref of refs) buckets.delete(rollupKey(ref));
    },
    async getDoc(key) {
      const doc = world.docs.get(key);
      // As stored: through JSON and the platform's stored shape of that document.
      const value: unknown = doc === undefined ? undefined : JSON.parse(JSON.stringify(doc.value));
      return doc === undefined ? null : { value: DOC_SHAPES[key].parse(value) as never, rev: doc.rev };
    },
    async putDoc(key, value, expectedRev) {
      check(key, world.docs.get(key)?.rev ?? 0, expectedRev);
      world.docs.set(key, { value, rev: expectedRev + 1 });
    },
    async putCachedDoc(key, value, rev) {
      world.docs.set(key, { value, rev });
    },
    appendAudit: async (entry) => {
      recordHoldings([{ accountId: entry.actorId, holder: { kind: 'audit', id: entry.id } }], entry.at);
      world.audit.push(entry);
    },
    auditFrom: async (since, limit) =>
      [...world.audit]
        .filter((e) => e.at >= since)
        .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
        .slice(0, Math.min(limit, world.pageSize)),
    getAudit: async (id) => world.audit.find((e) => e.id === id) ?? null,
    replaceAudit: async (entry) => {
      const i = world.audit.findIndex((e) => e.id === entry.id);
      if (i >= 0) world.audit[i] = entry;
    },
    recordHoldings: async (holdings, at) => recordHoldings(holdings, at),
    holdingsOf: async (accountId, limit) =>
      [...world.holdings.values()]
        .filter((h) => h.accountId === accountId)
        .slice(0, Math.min(limit, world.pageSize))
        .map((h) => h.holder),
    dropHoldings: async (accountId, holders) => {
      for (const h of holders) world.holdings.delete(holdingId({ accountId, holder: h }));
    },
    auditLog: async (cursor, limit) =>
      pageOf(
        [...world.audit].sort((a, b) => b.at - a.at),
        cursor,
        limit,
      ),
    getRecompute: async () => world.recompute,
    async saveRecompute(state, expectedRev) {
      check('recompute', world.recompute?.rev ?? 0, expectedRev);
      world.recompute = { value: state, rev: expectedRev + 1 };
    },
    async accountsToReport(limit, cursor) {
      const rows = [...world.accounts.entries()].map(([accountId, v]) => ({
        accountId,
        reportedAt: v.reportedAt,
        updatedAt: v.updatedAt,
      }));
      const page = indexPage(rows, (r) => [r.reportedAt, r.accountId], cursor, Math.min(limit, world.pageSize));
      return {
        items: page.items.map((r) => ({ accountId: r.accountId, updatedAt: r.updatedAt })),
        cursor: page.cursor,
      };
    },
    async markAccountsReported(accountIds, at) {
      for (const id of accountIds) {
        const row = world.accounts.get(id);
        if (row) world.accounts.set(id, { ...row, reportedAt: at });
      }
    },
    forgetAccount: async (accountId) => {
      world.accounts.delete(accountId);
      world.locales.delete(accountId);
    },
    cachedLocale: async (accountId) => world.locales.get(accountId) ?? null,
    rememberLocale: async (accountId, locale, at) => {
      world.locales.set(accountId, { locale, at });
    },
    forgetLocale: async (accountId) => {
      world.locales.delete(accountId);
    },
    asksOf: async (requesterId, cursor) =>
      indexPage(
        [...asks.values()].filter((a) => a.ask.requesterId === requesterId),
        (a) => [a.ask.createdAt, a.ask.id],
        cursor,
        world.pageSize,
      ),
    async putAsk(ask: Ask, expectedRev, usedNonces = []) {
      check(ask.id, asks.get(ask.id)?.rev ?? 0, expectedRev);
      asks.set(ask.id, { ask, usedNonces, rev: expectedRev + 1 });
    },
    async putTicket(record, expectedRev, erasedAccount) {
      check(record.ticketId, tickets.get(record.ticketId)?.rev ?? 0, expectedRev);
      tickets.set(record.ticketId, { value: record, rev: expectedRev + 1 });
      if (erasedAccount !== undefined)
        world.holdings.delete(holdingId({ accountId: erasedAccount, holder: { kind: 'ticket', id: record.ticketId } }));
    },
  };
  const ports: AppPorts = {
    config: store,
    tickets: store,
    asks: store,
    rollups: store,
    documents: store,
    audit: store,
    accounts: store,
    jira: {
      getIssue: async () => null,
      getSlaMetrics: async () => [],
      getLiveSlas: async () => ({ slas: jiraRead('getLiveSlas', world.liveSlas), more: false }),
      getParticipants: async () => [],
      getRequestTypeId: async () => null,
      async addPublicComment(issueKey, text, links) {
        if (world.failComments > 0) {
          world.failComments -= 1;
          throw new Error('Jira 500');
        }
        world.comments.push({ issueKey, text, links });
      },
      setExperienceProperty: async () => undefined,
      accountExists: async () => true,
    },
    directory: {
      listProjects: async () => jiraRead('listProjects', world.site.projects),
      listRequestTypes: async () => jiraRead('listRequestTypes', world.site.requestTypes),
      listPriorities: async () => jiraRead('listPriorities', world.site.priorities),
      projectName: async (id) => jiraRead('projectName', world.site.projects.find((p) => p.id === id)?.name ?? null),
      listRequestTypeNames: async () =>
        jiraRead(
          'listRequestTypeNames',
          world.site.requestTypes.map((rt) => ({ id: rt.id, name: rt.name })),
        ),
      displayNames: async (ids) =>
        jiraRead(
          'displayNames',
          new Map(
            ids.flatMap((id) => {
              const name = world.site.people.get(id);
              return name === undefined ? [] : [[id, name] as const];
            }),
          ),
        ),
      userLocale: async (id) => world.site.locales.get(id) ?? null,
    },
    clock: { now: () => world.now },
    random: { next: () => 0.5, id: () => `id-${++ids}` },
    queue: {
      pushRecompute: async (body) => {
        world.pushed.push(body.jobId);
      },
    },
    secrets: {
      signingKeys: async () => world.keys,
      async rotateSigningKey() {
        world.keys = { current: { id: `key-${++ids}`, secret: 'b'.repeat(43) }, previous: world.keys.current };
        return world.keys;
      },
    },
    personalData: {
      async report(accounts) {
        if (accounts.length > 90) throw new Error('fake personal-data API: at most 90 accounts a call');
        world.reports.push(accounts.map((a) => a.accountId));
        return accounts.flatMap((a) => {
          const status = world.accountStatus.get(a.accountId);
          return status === undefined ? [] : [{ accountId: a.accountId, status }];
        });
      },
    },
    links: { oneClickUrl: async () => 'https://example.test/x1/one-click' },
    messages: { forLocale: forgeTranslator },
  };
  (world as { ports: AppPorts }).ports = ports;
  return world;
}
