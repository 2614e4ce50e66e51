/** The configuration document (`doc` entity, key `config`). */
import type { ConfigStore, StoredConfig } from '../../app/ports';
import { DOC_KEY } from '../storage-layout';
import { StoredConfigV1 } from '../stored-shapes';
import { readDoc, writeDoc } from './documents';
import { parseStored } from './kvs-rows';

export function createConfigStore(): ConfigStore {
  return {
    async getConfig(): Promise<StoredConfig> {
      const doc = await readDoc(DOC_KEY.config);
      if (doc === null)
        return { version: 0, xlas: [], plans: [], rollups: { active: '', building: null, retired: [] }, rev: 0 };
      return { ...parseStored(StoredConfigV1, doc.body, 'configuration'), rev: doc.rev };
    },

    async saveConfig(next, expectedRev) {
      // The admin's edit version travels in the body; the document revision checks every write.
      const { rev: _rev, ...body } = next;
      await writeDoc(DOC_KEY.config, body, expectedRev);
    },
  };
}
