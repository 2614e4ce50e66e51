/**
 * The storage ports over Forge KVS custom entities (docs/storage.md), one adapter per aggregate
 * in src/platform/kvs/. Every value read back is parsed with its stored shape
 * (src/platform/stored-shapes.ts); every multi-record write is one `kvs.transact()` whose sets are
 * conditioned on the revision read, so a concurrent writer makes the commit fail instead of
 * losing an update.
 * https://developer.atlassian.com/platform/forge/storage-reference/transactions/
 */
import type { AppPorts } from '../app/ports';
import { createAccountStore } from './kvs/account-store';
import { createAskStore } from './kvs/ask-store';
import { createAuditLog } from './kvs/audit-log';
import { createConfigStore } from './kvs/config-store';
import { createDocumentStore } from './kvs/documents';
import { createRollupStore } from './kvs/rollup-store';
import { createTicketStore } from './kvs/ticket-store';

export type KvsStores = Pick<AppPorts, 'config' | 'tickets' | 'asks' | 'rollups' | 'documents' | 'audit' | 'accounts'>;

export function createKvsStores(): KvsStores {
  const config = createConfigStore();
  return {
    config,
    tickets: createTicketStore(),
    asks: createAskStore(),
    rollups: createRollupStore(config),
    documents: createDocumentStore(),
    audit: createAuditLog(),
    accounts: createAccountStore(),
  };
}
