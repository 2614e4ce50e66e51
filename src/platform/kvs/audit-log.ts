/** The configuration audit log in the `audit` entity, newest first by the `by-scope-time` index. */
import { kvs, Sort } from '@forge/kvs';
import type { AuditLog } from '../../app/ports';
import { kvsCall } from '../kvs-errors';
import { AUDIT_SCOPE, ENTITY, INDEX } from '../storage-layout';
import { AuditEntityV1, type AuditEntity } from '../stored-shapes';
import { parseStored } from './kvs-rows';

export function createAuditLog(): AuditLog {
  return {
    async appendAudit(entry) {
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
        items: page.results.map((r) => parseStored(AuditEntityV1, r.value, 'audit entry').record),
        cursor: page.nextCursor ?? null,
      };
    },
  };
}
