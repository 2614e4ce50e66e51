/**
 * The `Store` port over Forge KVS custom entities (docs/storage.md). Every value read back is parsed
 * with zod; every multi-record write is one `kvs.transact()` whose sets are conditioned on the
 * revision read, so a concurrent writer makes the commit fail instead of losing an update.
 * https://developer.atlassian.com/platform/forge/storage-reference/transactions/
 */
import { kvs, Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import type { z } from 'zod';
import type { Ask } from '../domain/ask';
import type {
  ActivityQuery,
  AppDocKey,
  AppDocs,
  AuditEntry,
  BucketQuery,
  Page,
  RecomputeState,
  RiskQuery,
  Store,
  StoredAsk,
  StoredConfig,
  UnitOfWork,
} from '../app/ports';
import type { StoredBucket, TicketRecord } from '../app/tickets/ticket-record';
import { kvsCall } from './kvs-errors';
import { AUDIT_SCOPE, DOC_KEY, ENTITY, INDEX, rollupScope } from './storage-layout';
import {
  AccountEntityV1 as AccountEntitySchema,
  AskEntityV1 as AskEntitySchema,
  AuditEntityV1 as AuditEntitySchema,
  DocEntityV1 as DocEntitySchema,
  ProjectEntityV1 as ProjectEntitySchema,
  RecomputeStateV1 as RecomputeStateSchema,
  RollupEntityV1 as RollupEntitySchema,
  RollupGcStateV1,
  ScopeOptionsCacheV1,
  SitePriorsStateV1,
  StoredConfigV1 as StoredConfigSchema,
  TicketEntityV1 as TicketEntitySchema,
  type AccountEntity,
  type AskEntity,
  type AuditEntity,
  type DocEntity,
  type ProjectEntity,
  type RollupEntity,
  type TicketEntity,
} from './stored-shapes';

const PAGE = 100;

/** Each app document: its key in the `doc` entity and the stored shape its body is parsed with. */
const APP_DOCS: { readonly [K in AppDocKey]: { readonly key: string; readonly schema: z.ZodType<AppDocs[K]> } } = {
  'site-priors': { key: DOC_KEY.sitePriors, schema: SitePriorsStateV1 },
  'rollup-gc': { key: DOC_KEY.rollupGc, schema: RollupGcStateV1 },
  'scope-options': { key: DOC_KEY.scopeOptions, schema: ScopeOptionsCacheV1 },
};

function ticketEntity(record: TicketRecord, rev: number): TicketEntity {
  return {
    projectId: record.projectId,
    openState: record.open ? 'open' : 'closed',
    riskScore: record.riskScore,
    lastAgentActivityAt: record.lastAgentActivityAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    activityAt: record.experience.lastEventAt,
    rev,
    record,
  };
}

/**
 * The earliest moment the hourly job has something to do with a pending ask: at once while its
 * survey comment is still owed, else its reminder or expiry.
 */
function dueAt(ask: Ask, commentOwed: boolean): number {
  if (commentOwed && ask.status === 'pending') return ask.createdAt;
  return ask.reminderDueAt !== null && ask.remindedAt === null
    ? Math.min(ask.reminderDueAt, ask.expiresAt)
    : ask.expiresAt;
}

function askEntity(ask: Ask, rev: number, usedNonces: readonly string[], commentOwed = false): AskEntity {
  return {
    ticketId: ask.ticketId,
    requesterId: ask.requesterId,
    status: ask.status,
    createdAt: ask.createdAt,
    expiresAt: ask.expiresAt,
    dueAt: dueAt(ask, commentOwed),
    rev,
    record: ask,
    usedNonces: [...usedNonces],
  };
}

/** A checked set: the stored revision must still be the one we read (absent when we read nothing). */
function revCondition<T extends { rev: number }>(expectedRev: number) {
  const filter = new Filter<T>();
  return expectedRev === 0
    ? filter.and('rev', FilterConditions.notExists())
    : filter.and('rev', FilterConditions.equalTo(expectedRev));
}

function parseOr<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Error(`stored ${what} does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export function createKvsStore(): Store {
  const tickets = () => kvs.entity<TicketEntity>(ENTITY.ticket);
  const asks = () => kvs.entity<AskEntity>(ENTITY.ask);
  const rollups = () => kvs.entity<RollupEntity>(ENTITY.rollup);
  const docs = () => kvs.entity<DocEntity>(ENTITY.doc);

  async function getDoc(key: string): Promise<{ rev: number; body: unknown } | null> {
    const raw = await kvsCall(key, () => docs().get(key));
    return raw === undefined ? null : parseOr(DocEntitySchema, raw, `document ${key}`);
  }

  async function putDoc(key: string, body: unknown, expectedRev: number): Promise<void> {
    await kvsCall(key, () =>
      kvs
        .transact()
        .set<DocEntity>(
          key,
          { rev: expectedRev + 1, body },
          { entityName: ENTITY.doc, conditions: revCondition<DocEntity>(expectedRev) },
        )
        .execute(),
    );
  }

  async function openTickets(indexName: string, before: number, cursor: string | null): Promise<Page<TicketRecord>> {
    let q = tickets()
      .query()
      .index(indexName, { partition: ['open'] })
      .where(WhereConditions.lessThan(before))
      .sort(Sort.ASC)
      .limit(PAGE);
    if (cursor) q = q.cursor(cursor);
    const page = await kvsCall(indexName, () => q.getMany());
    return {
      items: page.results.map((r) => parseOr(TicketEntitySchema, r.value, 'ticket').record),
      cursor: page.nextCursor ?? null,
    };
  }

  return {
    async getConfig(): Promise<StoredConfig> {
      const doc = await getDoc(DOC_KEY.config);
      if (doc === null)
        return { version: 0, xlas: [], plans: [], rollups: { active: '', building: null, retired: [] }, rev: 0 };
      return { ...parseOr(StoredConfigSchema, doc.body, 'configuration'), rev: doc.rev };
    },

    async saveConfig(next, expectedRev) {
      // The admin's edit version travels in the body; the document revision checks every write.
      const { rev: _rev, ...body } = next;
      await putDoc(DOC_KEY.config, body, expectedRev);
    },

    async getTicket(ticketId) {
      const raw = await kvsCall(ticketId, () => tickets().get(ticketId));
      if (raw === undefined) return null;
      const entity = parseOr(TicketEntitySchema, raw, 'ticket');
      return { value: entity.record, rev: entity.rev };
    },

    async putTicket(record, expectedRev) {
      await kvsCall(record.ticketId, () =>
        kvs
          .transact()
          .set<TicketEntity>(record.ticketId, ticketEntity(record, expectedRev + 1), {
            entityName: ENTITY.ticket,
            conditions: revCondition<TicketEntity>(expectedRev),
          })
          .execute(),
      );
    },

    async getAsk(askId) {
      const raw = await kvsCall(askId, () => asks().get(askId));
      if (raw === undefined) return null;
      const entity = parseOr(AskEntitySchema, raw, 'ask');
      return { ask: entity.record, usedNonces: entity.usedNonces, rev: entity.rev };
    },

    async putAsk(ask, expectedRev, usedNonces = []) {
      await kvsCall(ask.id, () =>
        kvs
          .transact()
          .set<AskEntity>(ask.id, askEntity(ask, expectedRev + 1, usedNonces), {
            entityName: ENTITY.ask,
            conditions: revCondition<AskEntity>(expectedRev),
          })
          .execute(),
      );
    },

    async lastAskOf(requesterId) {
      const page = await kvsCall(requesterId, () =>
        asks()
          .query()
          .index(INDEX.askByRequester, { partition: [requesterId] })
          .sort(Sort.DESC)
          .limit(1)
          .getMany(),
      );
      const first = page.results[0];
      return first ? parseOr(AskEntitySchema, first.value, 'ask').record : null;
    },

    async asksOf(requesterId, cursor) {
      let q = asks()
        .query()
        .index(INDEX.askByRequester, { partition: [requesterId] })
        .sort(Sort.ASC)
        .limit(PAGE);
      if (cursor) q = q.cursor(cursor);
      const page = await kvsCall(requesterId, () => q.getMany());
      return {
        items: page.results.map((r): StoredAsk => {
          const e = parseOr(AskEntitySchema, r.value, 'ask');
          return { ask: e.record, usedNonces: e.usedNonces, rev: e.rev };
        }),
        cursor: page.nextCursor ?? null,
      };
    },

    async pendingAsksDueBy(before, cursor) {
      let q = asks()
        .query()
        .index(INDEX.askByStatusDue, { partition: ['pending'] })
        .where(WhereConditions.lessThanEqualTo(before))
        .sort(Sort.ASC)
        .limit(PAGE);
      if (cursor) q = q.cursor(cursor);
      const page = await kvsCall('pending-asks', () => q.getMany());
      return {
        items: page.results.map((r) => parseOr(AskEntitySchema, r.value, 'ask').record),
        cursor: page.nextCursor ?? null,
      };
    },

    openTicketsIdleSince: (before, cursor) => openTickets(INDEX.ticketByOpenActivity, before, cursor),
    openTicketsCreatedBefore: (before, cursor) => openTickets(INDEX.ticketByOpenCreated, before, cursor),

    async allTickets(cursor, limit) {
      let q = tickets()
        .query()
        .index(INDEX.ticketByCreated)
        .where(WhereConditions.greaterThanEqualTo(0))
        .sort(Sort.ASC)
        .limit(Math.min(limit, PAGE));
      if (cursor) q = q.cursor(cursor);
      const page = await kvsCall('tickets', () => q.getMany());
      return {
        items: page.results.map((r) => {
          const e = parseOr(TicketEntitySchema, r.value, 'ticket');
          return { value: e.record, rev: e.rev };
        }),
        cursor: page.nextCursor ?? null,
      };
    },

    async ticketsByActivity(query: ActivityQuery, cursor: string | null) {
      let q = tickets()
        .query()
        .index(INDEX.ticketByProjectActivity, { partition: [query.projectId] })
        .where(WhereConditions.greaterThanEqualTo(query.since))
        .sort(Sort.DESC)
        .limit(Math.min(query.limit, PAGE));
      if (cursor) q = q.cursor(cursor);
      const page = await kvsCall(query.projectId, () => q.getMany());
      return {
        items: page.results.map((r) => parseOr(TicketEntitySchema, r.value, 'ticket').record),
        cursor: page.nextCursor ?? null,
      };
    },

    async atRiskTickets(query: RiskQuery) {
      const page = await kvsCall(query.projectId, () =>
        tickets()
          .query()
          .index(INDEX.ticketByProjectRisk, { partition: [query.projectId] })
          .where(WhereConditions.greaterThanEqualTo(query.minRiskScore))
          .filters(new Filter<TicketEntity>().and('openState', FilterConditions.equalTo('open')))
          .sort(Sort.DESC)
          .limit(Math.min(query.limit, PAGE))
          .getMany(),
      );
      return page.results.map((r) => parseOr(TicketEntitySchema, r.value, 'ticket').record);
    },

    async bucketsIn(query: BucketQuery) {
      const out: StoredBucket[] = [];
      const generation = query.generation ?? (await this.getConfig()).rollups?.active ?? '';
      const scope = rollupScope(generation, query.projectId);
      let cursor: string | undefined;
      // Pages of 100 over days × shards: bounded by the window, never by the number of tickets.
      do {
        let q = rollups()
          .query()
          .index(INDEX.rollupByScopeDay, { partition: [scope] })
          .where(WhereConditions.between(query.fromDay, query.toDay))
          .sort(Sort.ASC)
          .limit(PAGE);
        if (cursor) q = q.cursor(cursor);
        const page = await kvsCall('rollups', () => q.getMany());
        for (const r of page.results) out.push(parseOr(RollupEntitySchema, r.value, 'rollup bucket').bucket);
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    },

    async getBuckets(keys) {
      if (keys.length === 0) return [];
      const result = await kvsCall('rollups', () =>
        kvs.batchGet<RollupEntity>(keys.map((key) => ({ key, entityName: ENTITY.rollup }))),
      );
      const found = new Map(
        result.successfulKeys.map((r) => [r.key, parseOr(RollupEntitySchema, r.value, 'rollup bucket')]),
      );
      return keys.flatMap((key) => {
        const e = found.get(key);
        return e ? [{ value: e.bucket, rev: e.rev }] : [];
      });
    },

    async commit(unit: UnitOfWork) {
      const tx = kvs.transact();
      let n = 0;
      if (unit.ticket) {
        const { record, expectedRev } = unit.ticket;
        tx.set<TicketEntity>(record.ticketId, ticketEntity(record, expectedRev + 1), {
          entityName: ENTITY.ticket,
          conditions: revCondition<TicketEntity>(expectedRev),
        });
        n += 1;
      }
      const owed = new Set(unit.ticket?.record.undelivered ?? []);
      for (const { ask, usedNonces } of unit.asks ?? []) {
        // Asks are owned by the ticket's transaction: the ticket's revision check already orders them.
        tx.set<AskEntity>(ask.id, askEntity(ask, 1, usedNonces ?? [], owed.has(ask.id)), { entityName: ENTITY.ask });
        n += 1;
      }
      for (const { bucket, expectedRev } of unit.buckets ?? []) {
        tx.set<RollupEntity>(
          bucket.key,
          { scope: rollupScope(bucket.generation, bucket.projectId), day: bucket.period, rev: expectedRev + 1, bucket },
          { entityName: ENTITY.rollup, conditions: revCondition<RollupEntity>(expectedRev) },
        );
        n += 1;
      }
      for (const accountId of unit.accounts ?? []) {
        tx.set<AccountEntity>(
          accountId,
          { reportedAt: 0, updatedAt: unit.ticket?.record.updatedAt ?? 0 },
          { entityName: ENTITY.account },
        );
        n += 1;
      }
      for (const projectId of unit.projects ?? []) {
        // Unconditional and idempotent: writing a known project again changes nothing.
        tx.set<ProjectEntity>(projectId, { projectId }, { entityName: ENTITY.project });
        n += 1;
      }
      if (n === 0) return;
      if (unit.configRev !== undefined) {
        // A recompute writes under one configuration: if it moved meanwhile, retry under the new one.
        tx.check<DocEntity>(DOC_KEY.config, {
          entityName: ENTITY.doc,
          conditions: revCondition<DocEntity>(unit.configRev),
        });
      }
      await kvsCall(unit.ticket?.record.ticketId ?? 'commit', () => tx.execute());
    },

    async projectsSeen(cursor, limit) {
      let q = kvs
        .entity<ProjectEntity>(ENTITY.project)
        .query()
        .index(INDEX.projectById)
        .sort(Sort.ASC)
        .limit(Math.min(limit, PAGE));
      if (cursor) q = q.cursor(cursor);
      const page = await kvsCall('projects', () => q.getMany());
      return {
        items: page.results.map((r) => parseOr(ProjectEntitySchema, r.value, 'project').projectId),
        cursor: page.nextCursor ?? null,
      };
    },

    async rollupKeysOf(generation, projectId, limit) {
      const page = await kvsCall('rollups', () =>
        rollups()
          .query()
          .index(INDEX.rollupByScopeDay, { partition: [rollupScope(generation, projectId)] })
          .sort(Sort.ASC)
          .limit(Math.min(limit, PAGE))
          .getMany(),
      );
      return page.results.map((r) => r.key);
    },

    async deleteBuckets(keys) {
      for (let i = 0; i < keys.length; i += 25) {
        const chunk = keys.slice(i, i + 25);
        await kvsCall('rollups', () => kvs.batchDelete(chunk.map((key) => ({ key, entityName: ENTITY.rollup }))));
      }
    },

    async getDoc<K extends AppDocKey>(key: K) {
      const { key: docKey, schema } = APP_DOCS[key];
      const doc = await getDoc(docKey);
      return doc === null ? null : { value: parseOr(schema, doc.body, `document ${key}`), rev: doc.rev };
    },

    async putDoc<K extends AppDocKey>(key: K, value: AppDocs[K], expectedRev: number) {
      await putDoc(APP_DOCS[key].key, value, expectedRev);
    },

    async appendAudit(entry: AuditEntry) {
      await kvsCall(entry.id, () =>
        kvs.entity<AuditEntity>(ENTITY.audit).set(entry.id, { scope: AUDIT_SCOPE, at: entry.at, record: entry }),
      );
    },

    async auditLog(cursor, limit) {
      let q = kvs
        .entity<AuditEntity>(ENTITY.audit)
        .query()
        .index(INDEX.auditByScopeTime, { partition: [AUDIT_SCOPE] })
        .sort(Sort.DESC)
        .limit(limit);
      if (cursor) q = q.cursor(cursor);
      const page = await kvsCall('audit', () => q.getMany());
      return {
        items: page.results.map((r) => parseOr(AuditEntitySchema, r.value, 'audit entry').record),
        cursor: page.nextCursor ?? null,
      };
    },

    async getRecompute() {
      const doc = await getDoc(DOC_KEY.recompute);
      if (doc === null) return null;
      return { value: parseOr(RecomputeStateSchema, doc.body, 'recompute state'), rev: doc.rev };
    },

    async saveRecompute(state: RecomputeState, expectedRev: number) {
      await putDoc(DOC_KEY.recompute, state, expectedRev);
    },

    async accountsToReport(limit, cursor) {
      let q = kvs
        .entity<AccountEntity>(ENTITY.account)
        .query()
        .index(INDEX.accountByReported)
        .sort(Sort.ASC)
        .limit(Math.min(limit, PAGE));
      if (cursor) q = q.cursor(cursor);
      const page = await kvsCall('accounts', () => q.getMany());
      return {
        items: page.results.map((r) => ({
          accountId: r.key,
          updatedAt: parseOr(AccountEntitySchema, r.value, 'account').updatedAt,
        })),
        cursor: page.nextCursor ?? null,
      };
    },

    async markAccountsReported(accountIds, at) {
      for (let i = 0; i < accountIds.length; i += 25) {
        const chunk = accountIds.slice(i, i + 25);
        const current = await kvsCall('accounts', () =>
          kvs.batchGet<AccountEntity>(chunk.map((key) => ({ key, entityName: ENTITY.account }))),
        );
        const items = current.successfulKeys.map((r) => ({
          key: r.key,
          entityName: ENTITY.account,
          value: { reportedAt: at, updatedAt: parseOr(AccountEntitySchema, r.value, 'account').updatedAt },
        }));
        if (items.length > 0) await kvsCall('accounts', () => kvs.batchSet(items));
      }
    },

    async forgetAccount(accountId) {
      await kvsCall(accountId, () => kvs.entity<AccountEntity>(ENTITY.account).delete(accountId));
    },
  };
}
