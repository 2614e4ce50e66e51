/**
 * The small documents of the `doc` entity: read whole, written checked on `rev`. The app's
 * documents each have their stored shape here; the configuration has its own store.
 */
import { kvs } from '@forge/kvs';
import type { z } from 'zod';
import type { AppDocKey, AppDocs, DocumentStore } from '../../app/ports';
import { kvsCall } from '../kvs-errors';
import { writeChecked } from '../kvs-transaction';
import { DOC_KEY, ENTITY } from '../storage-layout';
import {
  DocEntityV1,
  RecomputeStateV1,
  RollupGcStateV1,
  AccountBackfillStateV1,
  ScopeOptionsCacheV1,
  SitePriorsStateV1,
  type DocEntity,
} from '../stored-shapes';
import { parseStored, revCondition, storedValue } from './kvs-rows';

export async function readDoc(key: string): Promise<{ rev: number; body: unknown } | null> {
  const raw = storedValue(await kvsCall(key, () => kvs.entity<DocEntity>(ENTITY.doc).get(key)));
  return raw === undefined ? null : parseStored(DocEntityV1, raw, `document ${key}`);
}

export async function writeDoc(key: string, body: unknown, expectedRev: number): Promise<void> {
  await writeChecked(key, [{ entity: ENTITY.doc, key, expectedRev }], (newKeys) =>
    kvs
      .transact()
      .set<DocEntity>(
        key,
        { rev: expectedRev + 1, body },
        { entityName: ENTITY.doc, conditions: revCondition<DocEntity>(expectedRev, newKeys) },
      )
      .execute(),
  );
}

/** Each app document: its key in the `doc` entity and the stored shape its body is parsed with. */
const APP_DOCS: { readonly [K in AppDocKey]: { readonly key: string; readonly schema: z.ZodType<AppDocs[K]> } } = {
  'site-priors': { key: DOC_KEY.sitePriors, schema: SitePriorsStateV1 },
  'rollup-gc': { key: DOC_KEY.rollupGc, schema: RollupGcStateV1 },
  'account-backfill': { key: DOC_KEY.accountBackfill, schema: AccountBackfillStateV1 },
  'scope-options': { key: DOC_KEY.scopeOptions, schema: ScopeOptionsCacheV1 },
};

export function createDocumentStore(): DocumentStore {
  return {
    async getDoc<K extends AppDocKey>(key: K) {
      const { key: docKey, schema } = APP_DOCS[key];
      const doc = await readDoc(docKey);
      return doc === null ? null : { value: parseStored(schema, doc.body, `document ${key}`), rev: doc.rev };
    },

    async putDoc<K extends AppDocKey>(key: K, value: AppDocs[K], expectedRev: number) {
      await writeDoc(APP_DOCS[key].key, value, expectedRev);
    },

    async putCachedDoc<K extends AppDocKey>(key: K, value: AppDocs[K], rev: number) {
      const docKey = APP_DOCS[key].key;
      await kvsCall(docKey, () => kvs.entity<DocEntity>(ENTITY.doc).set(docKey, { rev, body: value }));
    },

    async getRecompute() {
      const doc = await readDoc(DOC_KEY.recompute);
      if (doc === null) return null;
      return { value: parseStored(RecomputeStateV1, doc.body, 'recompute state'), rev: doc.rev };
    },

    async saveRecompute(state, expectedRev) {
      await writeDoc(DOC_KEY.recompute, state, expectedRev);
    },
  };
}
