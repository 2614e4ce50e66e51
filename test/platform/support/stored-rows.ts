/**
 * Rows an earlier version of the app stored, put back on a fresh local host with the unmodified
 * `@forge/kvs` client and read again through the app's own storage adapters: how the platform
 * tests check that what is already stored on a site still reads, and writes back, as it should.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { afterAll, beforeAll } from 'vitest';
import { createKvsStores, type KvsStores } from '../../../src/platform/kvs-store';
import { startHost, type RunningHost } from '../../../local/index';

/** One stored entity row, as the recorders in this folder wrote it to the fixtures. */
export type Row = { key: string; value: Record<string, unknown> };

/** A recorded fixture from test/platform/fixtures, as the recorder wrote it. */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8')) as T;
}

export interface StoredRowsHost {
  /** Runs `fn` as one invocation of the app, against its KVS storage adapters. */
  as<T>(fn: (store: KvsStores) => Promise<T>): Promise<T>;
  /** The value the host's KVS holds now under an entity's key (undefined when there is none). */
  stored(entity: string, key: string): unknown;
}

/**
 * Starts a host for the enclosing `describe` whose KVS holds `rows()` (entity, key and value),
 * and closes it after the block.
 */
export function hostWithStoredRows(rows: () => Iterable<{ entity: string } & Row>): StoredRowsHost {
  let h: RunningHost | undefined;
  const running = (): RunningHost => {
    if (h === undefined) throw new Error('the host with the stored rows has not started');
    return h;
  };
  beforeAll(async () => {
    h = await startHost({ dataDir: ':memory:', seed: 'basic', delayScale: 0, scheduler: false });
    await h.host.runAs({}, async () => {
      for (const row of rows()) await kvs.entity(row.entity).set(row.key, row.value);
    });
  });
  afterAll(async () => {
    await h?.close();
  });
  return {
    as: (fn) =>
      running()
        .host.runAs({ timeoutSeconds: 120 }, () => fn(createKvsStores()))
        .then((r) => r.value),
    stored: (entity, key) =>
      running()
        .host.kvs.dump('entity', entity)
        .find((r) => r.key === key)?.value,
  };
}
