/** The configuration audit log in the `audit` entity, newest first by the `by-scope-time` index. */
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { AuditEntry, AuditLog } from '../../app/ports';
import { kvsCall } from '../kvs-errors';
import { AUDIT_SCOPE, ENTITY, INDEX } from '../storage-layout';
import { AuditEntityV1, type AuditEntity } from '../stored-shapes';
import { holdingRows } from './holding-rows';
import { PAGE, parseStored, storedValue } from './kvs-rows';

const audit = () => kvs.entity<AuditEntity>(ENTITY.audit);
const entryOf = (value: unknown) => parseStored(AuditEntityV1, value, 'audit entry').record;
const rowOf = (entry: AuditEntry): AuditEntity => ({ scope: AUDIT_SCOPE, at: entry.at, record: entry });

export function createAuditLog(): AuditLog {
  return {
    async appendAudit(entry) {
      // The entry and its actor's account and holding rows together: no actor stored unreported.
      const tx = kvs.transact().set<AuditEntity>(entry.id, rowOf(entry), { entityName: ENTITY.audit });
      for (const row of holdingRows([{ accountId: entry.actorId, holder: { kind: 'audit', id: entry.id } }], entry.at))
        tx.set<unknown>(row.key, row.value, { entityName: row.entityName });
      await kvsCall(entry.id, () => tx.execute());
    },

    async auditLog(cursor, limit) {
      let q = audit()
        .query()
        .index(INDEX.auditByScopeTime, { partition: [AUDIT_SCOPE] })
        .sort(Sort.DESC)
        .limit(limit);
      if (cursor) q = q.cursor(cursor);
      const page = await kvsCall('audit', () => q.getMany());
      return { items: page.results.map((r) => entryOf(r.value)), cursor: page.nextCursor ?? null };
    },

    async auditFrom(since, limit) {
      const page = await kvsCall('audit', () =>
        audit()
          .query()
          .index(INDEX.auditByScopeTime, { partition: [AUDIT_SCOPE] })
          .where(WhereConditions.greaterThanEqualTo(since))
          .sort(Sort.ASC)
          .limit(Math.min(limit, PAGE))
          .getMany(),
      );
      return page.results.map((r) => entryOf(r.value));
    },

    async getAudit(id) {
      const raw = storedValue(await kvsCall(id, () => audit().get(id)));
      return raw === undefined ? null : entryOf(raw);
    },

    async replaceAudit(entry) {
      await kvsCall(entry.id, () => audit().set(entry.id, rowOf(entry)));
    },
  };
}
