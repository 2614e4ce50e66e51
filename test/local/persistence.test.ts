// The host's data survives a restart (SQLite on disk, fsynced before each call returns); --reset wipes it.
import { kvs } from '@forge/kvs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHost } from '../../local/index';

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
});
