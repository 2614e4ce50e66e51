// One SQLite file holds everything the host persists: KVS, the JSM site, queues and the event log.
//
// Durability: WAL mode with synchronous=FULL, so every committed write transaction is fsynced to the
// WAL before the call that made it returns (better-sqlite3 is synchronous, so "returns" is literal).
// A crash loses nothing that a caller saw succeed. Bulk seeding switches to synchronous=OFF for speed
// and writes a `seed-complete` marker only after a full checkpoint; a missing marker means reseed.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);

-- ns: 'kv' (plain keys), 'secret', 'entity'. entity is '' outside the entity store.
CREATE TABLE IF NOT EXISTS kvs (
  ns TEXT NOT NULL, entity TEXT NOT NULL, key TEXT NOT NULL,
  value TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, expire_at INTEGER,
  PRIMARY KEY (ns, entity, key)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS users (
  account_id TEXT PRIMARY KEY, display_name TEXT NOT NULL, email TEXT NOT NULL,
  role TEXT NOT NULL, style TEXT, active INTEGER NOT NULL DEFAULT 1, time_zone TEXT NOT NULL DEFAULT 'UTC'
);
-- A user's language (Jira profile form, e.g. de_DE); a table of its own so older data files need no migration.
CREATE TABLE IF NOT EXISTS user_locales (account_id TEXT PRIMARY KEY, locale TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS projects (
  id TEXT PRIMARY KEY, key TEXT UNIQUE NOT NULL, name TEXT NOT NULL, service_desk_id TEXT NOT NULL, lead TEXT
);
-- Per-project permission exceptions: a row takes Browse Projects (and with it every project permission) away.
CREATE TABLE IF NOT EXISTS project_denials (project_id TEXT NOT NULL, account_id TEXT NOT NULL, PRIMARY KEY (project_id, account_id));
CREATE TABLE IF NOT EXISTS request_types (
  id TEXT PRIMARY KEY, project_id TEXT NOT NULL, name TEXT NOT NULL, description TEXT NOT NULL,
  issue_type_id TEXT NOT NULL, frt_goal_min INTEGER NOT NULL, ttr_goal_min INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS statuses (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS issues (
  id TEXT PRIMARY KEY, key TEXT UNIQUE NOT NULL, project_id TEXT NOT NULL, request_type_id TEXT NOT NULL,
  summary TEXT NOT NULL, description TEXT, status_id TEXT NOT NULL, priority TEXT NOT NULL,
  reporter TEXT NOT NULL, creator TEXT NOT NULL, assignee TEXT,
  resolution TEXT, resolution_date INTEGER, created INTEGER NOT NULL, updated INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS issues_project ON issues(project_id, created);
CREATE TABLE IF NOT EXISTS participants (issue_id TEXT NOT NULL, account_id TEXT NOT NULL, PRIMARY KEY (issue_id, account_id));
CREATE TABLE IF NOT EXISTS comments (
  id TEXT PRIMARY KEY, issue_id TEXT NOT NULL, author TEXT NOT NULL, body TEXT NOT NULL,
  public INTEGER NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_issue ON comments(issue_id, created);
CREATE TABLE IF NOT EXISTS changelog (
  id TEXT PRIMARY KEY, issue_id TEXT NOT NULL, author TEXT NOT NULL, created INTEGER NOT NULL, items TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS changelog_issue ON changelog(issue_id, created);
CREATE TABLE IF NOT EXISTS issue_properties (
  issue_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (issue_id, key)
);
CREATE TABLE IF NOT EXISTS sla_overrides (issue_id TEXT NOT NULL, sla TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (issue_id, sla));
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);

-- Every product event the site emitted, and each delivery to a trigger.
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, event_type TEXT NOT NULL, payload TEXT NOT NULL,
  self_generated INTEGER NOT NULL, at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
  id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, target TEXT NOT NULL, payload TEXT NOT NULL,
  job_id TEXT, attempt INTEGER NOT NULL DEFAULT 0, not_before INTEGER NOT NULL,
  state TEXT NOT NULL, last_error TEXT, retry_data TEXT, retry_reason TEXT, created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_pending ON deliveries(state, not_before);
CREATE TABLE IF NOT EXISTS reported_accounts (account_id TEXT PRIMARY KEY, closed INTEGER NOT NULL DEFAULT 0);
`;

export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = OFF');
  db.pragma('busy_timeout = 5000');
  db.exec(SCHEMA);
  return db;
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT v FROM meta WHERE k = ?').get(key) as { v: string } | undefined;
  return row?.v;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v').run(key, value);
}

/** Next value of a named counter (issue ids, comment ids, changelog ids). */
export function nextId(db: Db, name: string, start: number): number {
  const row = db
    .prepare(
      'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value',
    )
    .get(name, start) as { value: number };
  return row.value;
}

/** Runs bulk work with fsync off; the caller marks completion only after this returns. */
export function withBulkWrites<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  db.pragma('synchronous = OFF');
  return fn().finally(() => {
    db.pragma('wal_checkpoint(FULL)');
    db.pragma('synchronous = FULL');
  });
}
