// The host's data survives a restart (SQLite on disk, fsynced before each call returns); --reset wipes it.
import { kvs } from '@forge/kvs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startHost } from '../../local/index';
import { createKvsStores } from '../../src/platform/kvs-store';
import { aPendingAsk } from '../app/builders';

const dir = mkdtempSync(join(tmpdir(), 'sentio-persist-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps KVS values, tickets and undelivered events across a restart, and --reset reseeds', async () => {
    const first = await startHost({ dataDir: dir, seed: 'basic' });
    await kvs.set('survives', { n: 1 });
    const key = first.site.createTicket({
      projectKey: 'IT',
      summary: 'Persist me',
      reporter: first.users.customers[0] ?? '',
    }).key;
    await first.close();

    const second = await startHost({ dataDir: dir, seed: 'basic' });
    expect(await kvs.get('survives')).toEqual({ n: 1 });
    expect(second.site.raw.issue(key)?.summary).toBe('Persist me');
    expect(second.users.agents.length).toBe(4);
    await second.close();

    const third = await startHost({ dataDir: dir, seed: 'basic', reset: true });
    expect(await kvs.get('survives')).toBeUndefined();
    expect(third.site.raw.issue(key)).toBeUndefined();
    expect(third.users.customers.length).toBeGreaterThan(0);
    await third.close();
  });

  it('reads rows an earlier build wrote when time attributes were declared integer (no migration needed)', async () => {
    const old = mkdtempSync(join(tmpdir(), 'sentio-old-rows-'));
    try {
      const seeded = await startHost({ dataDir: old, seed: 'basic' });
      await seeded.close();
      // The value exactly as the earlier adapter stored it: JSON numbers carry no declared type,
      // so the same bytes satisfy `float` now.
      const at = Date.UTC(2025, 11, 1, 9);
      const ask = { ...aPendingAsk('old-plan', 'cust-old'), id: 'ask-old', createdAt: at, expiresAt: at + 3_600_000 };
      const value = {
        ticketId: ask.ticketId,
        requesterId: ask.requesterId,
        status: 'pending',
        createdAt: at,
        expiresAt: ask.expiresAt,
        dueAt: ask.expiresAt,
        rev: 1,
        record: ask,
        usedNonces: [],
      };
      const db = new Database(join(old, 'sentio-local.sqlite'));
      db.prepare(
        "INSERT INTO kvs (ns, entity, key, value, created_at, updated_at) VALUES ('entity', 'ask', ?, ?, ?, ?)",
      ).run('ask-old', JSON.stringify(value), at, at);
      db.close();

      const reopened = await startHost({ dataDir: old, seed: 'basic' });
      try {
        const store = createKvsStores();
        expect((await store.asks.getAsk('ask-old'))?.ask.createdAt).toBe(at);
        expect((await store.asks.pendingAsksDueBy(at + 3_600_000, null)).items.map((a) => a.id)).toEqual(['ask-old']);
        expect((await store.asks.lastAskOf('cust-old'))?.id).toBe('ask-old');
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(old, { recursive: true, force: true });
    }
  });
});
