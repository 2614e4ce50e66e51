// What a restart of the host does with work a killed process left behind (issue 11, B8 and B9):
// an interrupted seed starts over instead of being replayed on top of its partial data, and
// deliveries that were running or waiting are delivered on start, not when some later event
// happens to start the queue.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost } from '../../local/index';

const dirs: string[] = [];
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'sentio-restart-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** What a kill before the seed's completion marker leaves: the data so far, no marker. */
function forgetSeedCompletion(dir: string): void {
  const db = new Database(join(dir, 'sentio-local.sqlite'));
  db.prepare("DELETE FROM meta WHERE k = 'seed-complete'").run();
  db.close();
}

/** Resolves when `done()` holds; rejects after `capMs` (a guard against a hang, not a budget). */
async function until(done: () => boolean, capMs = 30_000): Promise<void> {
  const start = Date.now();
  while (!done()) {
    if (Date.now() - start > capMs) throw new Error('condition never held');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('restart after a kill', () => {
  it('B8: redoes an interrupted seed from scratch, giving the same site as a clean seed', async () => {
    const demo = { tickets: 8, days: 5, seed: 3, summary: false };
    const clean = await startHost({ dataDir: ':memory:', seed: 'demo', delayScale: 0, demo });
    const cleanIssues = clean.site.raw.issues().map((i) => [i.key, i.statusId, i.created]);
    const cleanUsers = clean.site.raw.users().length;
    await clean.close();

    const dir = dataDir();
    const first = await startHost({ dataDir: dir, seed: 'demo', delayScale: 0, demo });
    // A ticket raised after the seed's last step stands in for the rest of an unfinished seed.
    first.site.createTicket({ projectKey: 'IT', summary: 'Half-seeded', reporter: first.users.customers[0] ?? '' });
    await first.close();
    forgetSeedCompletion(dir);

    const again = await startHost({ dataDir: dir, seed: 'demo', delayScale: 0, demo });
    try {
      expect(again.site.raw.issues().map((i) => [i.key, i.statusId, i.created])).toEqual(cleanIssues);
      expect(again.site.raw.users()).toHaveLength(cleanUsers);
    } finally {
      await again.close();
    }
  }, 180_000);

  it('B9: delivers on start the events a killed host left running or waiting', async () => {
    const dir = dataDir();
    const first = await startHost({ dataDir: dir, seed: 'basic', handlers: { 'issue-event': () => undefined } });
    const issue = first.site.createTicket({
      projectKey: 'IT',
      summary: 'Left over',
      reporter: first.users.customers[0] ?? '',
    });
    await first.waitForIdle();
    await first.close();
    // The kill: the created event's delivery was running, a second one was still waiting.
    const db = new Database(join(dir, 'sentio-local.sqlite'));
    db.prepare("UPDATE deliveries SET state = 'running'").run();
    db.prepare(
      "INSERT INTO deliveries (kind, target, payload, state, attempt, not_before, created_at) SELECT kind, target, payload, 'pending', 0, 0, created_at FROM deliveries LIMIT 1",
    ).run();
    db.close();

    const received: unknown[] = [];
    const second = await startHost({
      dataDir: dir,
      seed: 'basic',
      handlers: { 'issue-event': (event: unknown) => void received.push(event) },
    });
    try {
      // No event happens and nothing waits for idleness: the host must start delivering by itself.
      await until(() => received.length === 2);
      expect(received.map((e) => (e as { issue: { key: string } }).issue.key)).toEqual([issue.key, issue.key]);
    } finally {
      await second.close();
    }
  });
});
