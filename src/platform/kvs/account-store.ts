/**
 * Account ids in the `account` entity, least recently reported first (the personal-data job), and
 * their links in the `holding` entity: what holds each id, by the `by-account` index.
 */
import { kvs, Sort } from '@forge/kvs';
import type { AccountStore } from '../../app/ports';
import { kvsCall } from '../kvs-errors';
import { ENTITY, holdingKey, INDEX, localeKey } from '../storage-layout';
import {
  AccountEntityV1,
  CachedLocaleV1,
  HoldingEntityV1,
  type AccountEntity,
  type CachedLocaleRow,
  type HoldingEntity,
} from '../stored-shapes';
import { holdingRows, writeHoldingRows } from './holding-rows';
import { PAGE, parseStored } from './kvs-rows';

/** KVS batches take at most 25 keys. */
const BATCH = 25;
const updatedAtOf = (value: unknown) => parseStored(AccountEntityV1, value, 'account').updatedAt;

/** One page of the account's links, oldest first. */
const holdingsOf: AccountStore['holdingsOf'] = async (accountId, limit) => {
  // One partition per account; a query page holds at most 100 rows
  // (mirror/storage-reference/entities-api-query/index.md, "query.limit").
  const page = await kvsCall(accountId, () =>
    kvs
      .entity<HoldingEntity>(ENTITY.holding)
      .query()
      .index(INDEX.holdingByAccount, { partition: [accountId] })
      .sort(Sort.ASC)
      .limit(Math.min(limit, PAGE))
      .getMany(),
  );
  return page.results.map((r) => {
    const row = parseStored(HoldingEntityV1, r.value, 'holding');
    return { kind: row.holderKind, id: row.holderId };
  });
};

const dropHoldings: AccountStore['dropHoldings'] = async (accountId, holders) => {
  for (let i = 0; i < holders.length; i += BATCH) {
    const chunk = holders.slice(i, i + BATCH);
    await kvsCall(accountId, () =>
      kvs.batchDelete(chunk.map((h) => ({ key: holdingKey(h.kind, h.id, accountId), entityName: ENTITY.holding }))),
    );
  }
};

export function createAccountStore(): AccountStore {
  return {
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
        items: page.results.map((r) => ({ accountId: r.key, updatedAt: updatedAtOf(r.value) })),
        cursor: page.nextCursor ?? null,
      };
    },

    async markAccountsReported(accountIds, at) {
      for (let i = 0; i < accountIds.length; i += BATCH) {
        const chunk = accountIds.slice(i, i + BATCH);
        const current = await kvsCall('accounts', () =>
          kvs.batchGet<AccountEntity>(chunk.map((key) => ({ key, entityName: ENTITY.account }))),
        );
        const items = current.successfulKeys.map((r) => ({
          key: r.key,
          entityName: ENTITY.account,
          value: { reportedAt: at, updatedAt: updatedAtOf(r.value) },
        }));
        if (items.length > 0) await kvsCall('accounts', () => kvs.batchSet(items));
      }
    },

    async recordHoldings(holdings, at) {
      await writeHoldingRows(holdingRows(holdings, at));
    },

    holdingsOf,
    dropHoldings,

    async forgetAccount(accountId) {
      await kvsCall(accountId, () =>
        kvs.batchDelete([{ key: accountId, entityName: ENTITY.account }, { key: localeKey(accountId) }]),
      );
    },

    async cachedLocale(accountId) {
      const row = await kvsCall(accountId, () => kvs.get<CachedLocaleRow>(localeKey(accountId)));
      return row === undefined ? null : parseStored(CachedLocaleV1, row, 'cached locale');
    },

    async rememberLocale(accountId, locale, at) {
      await kvsCall(accountId, () => kvs.set<CachedLocaleRow>(localeKey(accountId), { locale, at }));
    },

    async forgetLocale(accountId) {
      await kvsCall(accountId, () => kvs.delete(localeKey(accountId)));
    },
  };
}
