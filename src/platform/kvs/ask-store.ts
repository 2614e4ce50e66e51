/** Asks in the `ask` entity: read by id, by requester (cooldown, erasure) and by due time (hourly). */
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { AskStore, StoredAsk } from '../../app/ports';
import { kvsCall } from '../kvs-errors';
import { writeChecked } from '../kvs-transaction';
import { ENTITY, INDEX, localeKey } from '../storage-layout';
import { AskEntityV1, CachedLocaleV1, type AskEntity } from '../stored-shapes';
import { askEntity } from './entity-rows';
import { PAGE, parseStored, revCondition, storedValue } from './kvs-rows';

const asks = () => kvs.entity<AskEntity>(ENTITY.ask);
const entityOf = (value: unknown) => parseStored(AskEntityV1, value, 'ask');

/** The ask and an account's cached language in one batch get: an entity row and a plain key together. */
const getAskWithLocale: AskStore['getAskWithLocale'] = async (askId, accountId) => {
  // One batch get: an entity row and a plain key together (mirror/storage-reference/kvs).
  const got = await kvsCall(askId, () =>
    kvs.batchGet<unknown>([{ key: askId, entityName: ENTITY.ask }, { key: localeKey(accountId) }]),
  );
  const rowOf = (entity: boolean) =>
    got.successfulKeys.find((r) => (r.entityName !== undefined) === entity && storedValue(r.value) !== undefined);
  const askRow = rowOf(true);
  const localeRow = rowOf(false);
  const entity = askRow === undefined ? null : entityOf(askRow.value);
  return {
    stored: entity === null ? null : { ask: entity.record, usedNonces: entity.usedNonces, rev: entity.rev },
    // A cached language that does not parse is no cache: the language is read from Jira again.
    cached: (localeRow === undefined ? null : CachedLocaleV1.safeParse(localeRow.value).data) ?? null,
  };
};

export function createAskStore(): AskStore {
  return {
    async getAsk(askId) {
      const raw = storedValue(await kvsCall(askId, () => asks().get(askId)));
      if (raw === undefined) return null;
      const entity = entityOf(raw);
      return { ask: entity.record, usedNonces: entity.usedNonces, rev: entity.rev };
    },

    getAskWithLocale,

    async putAsk(ask, expectedRev, usedNonces = []) {
      await writeChecked(ask.id, [{ entity: ENTITY.ask, key: ask.id, expectedRev }], (newKeys) =>
        kvs
          .transact()
          .set<AskEntity>(ask.id, askEntity(ask, expectedRev + 1, usedNonces), {
            entityName: ENTITY.ask,
            conditions: revCondition<AskEntity>(expectedRev, newKeys),
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
      return first ? entityOf(first.value).record : null;
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
          const e = entityOf(r.value);
          return { ask: e.record, usedNonces: e.usedNonces, rev: e.rev };
        }),
        cursor: page.nextCursor ?? null,
      };
    },

    async asksOnTicket(ticketId) {
      const page = await kvsCall(ticketId, () =>
        asks()
          .query()
          .index(INDEX.askByTicket, { partition: [ticketId] })
          .sort(Sort.ASC)
          .limit(PAGE)
          .getMany(),
      );
      return page.results.map((r) => entityOf(r.value).record);
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
      return { items: page.results.map((r) => entityOf(r.value).record), cursor: page.nextCursor ?? null };
    },
  };
}
