/** Account ids in the `account` entity, least recently reported first (the personal-data job). */
import { kvs, Sort } from '@forge/kvs';
import type { AccountStore } from '../../app/ports';
import { kvsCall } from '../kvs-errors';
import { ENTITY, INDEX, localeKey } from '../storage-layout';
import { AccountEntityV1, CachedLocaleV1, type AccountEntity, type CachedLocaleRow } from '../stored-shapes';
import { PAGE, parseStored } from './kvs-rows';

/** KVS batches take at most 25 keys. */
const BATCH = 25;
const updatedAtOf = (value: unknown) => parseStored(AccountEntityV1, value, 'account').updatedAt;

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
