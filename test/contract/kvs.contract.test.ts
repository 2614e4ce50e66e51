// The unmodified @forge/kvs client against the local host: results, error classes and limits.
import { Filter, FilterConditions, ForgeKvsAPIError, kvs, Sort, WhereConditions } from '@forge/kvs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningHost, startHost } from '../../local/index';

let h: RunningHost;

beforeAll(async () => {
  h = await startHost({ dataDir: ':memory:', seed: 'basic', clock: Date.UTC(2026, 0, 5, 9) });
});
afterAll(async () => {
  await h.close();
});

async function kvsError(p: Promise<unknown>): Promise<ForgeKvsAPIError> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ForgeKvsAPIError);
  return e as ForgeKvsAPIError;
}

describe('plain keys', () => {
  it('sets, gets and deletes a JSON value', async () => {
    await kvs.set('config:xla', { target: 80, names: ['a', 'b'] });
    expect(await kvs.get('config:xla')).toEqual({ target: 80, names: ['a', 'b'] });
    await kvs.delete('config:xla');
    expect(await kvs.get('config:xla')).toBeUndefined();
  });

  it('returns metadata when asked', async () => {
    await kvs.set('meta-key', 'v');
    const r = await kvs.get<string>('meta-key', { metadataFields: ['CREATED_AT', 'UPDATED_AT'] as never });
    expect(r).toMatchObject({
      key: 'meta-key',
      value: 'v',
      createdAt: Date.UTC(2026, 0, 5, 9),
      updatedAt: Date.UTC(2026, 0, 5, 9),
    });
  });

  it('refuses a second write under FAIL_IF_EXISTS with a 409 KEY_CONFLICT', async () => {
    await kvs.set('lock:recompute', 1, { keyPolicy: 'FAIL_IF_EXISTS' });
    const e = await kvsError(kvs.set('lock:recompute', 2, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(e.code).toBe('KEY_CONFLICT');
    expect(e.responseDetails.status).toBe(409);
    expect(await kvs.get('lock:recompute')).toBe(1);
  });

  it('returns the previous value when asked', async () => {
    await kvs.set('counter', 1);
    const r = await kvs.set('counter', 2, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
    expect(r).toMatchObject({ key: 'counter', value: 1 });
  });

  it('rejects a key over 500 characters and a value over 240 KiB', async () => {
    const long = await kvsError(kvs.set('k'.repeat(501), 1));
    expect([long.code, long.responseDetails.status]).toEqual(['KEY_TOO_LONG', 400]);
    await kvs.set('k'.repeat(500), 1);
    const big = await kvsError(kvs.set('big', 'x'.repeat(240 * 1024)));
    expect(big.code).toBe('MAX_SIZE');
    const bad = await kvsError(kvs.set('bad/key', 1));
    expect(bad.code).toBe('INVALID_KEY');
  });

  it('expires a value after its TTL', async () => {
    await kvs.set('ttl-key', 'soon gone', { ttl: { value: 1, unit: 'HOURS' } });
    expect(await kvs.get('ttl-key')).toBe('soon gone');
    h.site.advance(2 * 3_600_000);
    expect(await kvs.get('ttl-key')).toBeUndefined();
  });

  it('pages a prefix query with cursors, at most 100 per page', async () => {
    for (let i = 0; i < 120; i += 25) {
      await kvs.batchSet(
        Array.from({ length: 25 }, (_, j) => ({ key: `page:${String(i + j).padStart(3, '0')}`, value: i + j })).filter(
          (x) => x.value < 120,
        ),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      let q = kvs.query().where('key', WhereConditions.beginsWith('page:')).limit(50);
      if (cursor) q = q.cursor(cursor);
      const page = await q.getMany();
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(seen[0]).toBe('page:000');
    expect(seen.at(-1)).toBe('page:119');
    const e = await kvsError(kvs.query().limit(101).getMany());
    expect(e.code).toBe('LIST_QUERY_LIMIT_EXCEEDED');
  });

  it('limits a batch to 25 items and reports per-item failures', async () => {
    const tooMany = await kvsError(kvs.batchSet(Array.from({ length: 26 }, (_, i) => ({ key: `b${i}`, value: i }))));
    expect(tooMany.responseDetails.status).toBe(400);
    const r = await kvs.batchSet([
      { key: 'ok-1', value: 1 },
      { key: 'x'.repeat(501), value: 2 },
    ]);
    expect(r.successfulKeys).toEqual([{ key: 'ok-1' }]);
    expect(r.failedKeys[0]?.error.code).toBe('KEY_TOO_LONG');
    const got = await kvs.batchGet([{ key: 'ok-1' }, { key: 'missing' }]);
    expect(got.successfulKeys.map((k) => [k.key, k.value])).toEqual([['ok-1', 1]]);
    expect(got.failedKeys.map((k) => k.key)).toEqual(['missing']);
  });

  it('keeps secrets apart from plain keys', async () => {
    await kvs.setSecret('hmac', 's3cret');
    expect(await kvs.getSecret('hmac')).toBe('s3cret');
    expect(await kvs.get('hmac')).toBeUndefined();
  });
});

describe('custom entities (manifest app.storage.entities)', () => {
  const ask = (ticketId: string, createdAt: number, status = 'pending') => ({
    ticketId,
    requesterId: 'r1',
    status,
    createdAt,
    expiresAt: createdAt + 1000,
  });

  it('queries an index by partition and range, sorted, with cursors', async () => {
    for (let i = 0; i < 7; i++) await kvs.entity('ask').set(`ask-T1-${i}`, ask('T1', 1000 + i));
    await kvs.entity('ask').set('ask-T2-0', ask('T2', 1003));
    const first = await kvs
      .entity('ask')
      .query()
      .index('by-ticket', { partition: ['T1'] })
      .where(WhereConditions.greaterThan(1001))
      .sort(Sort.DESC)
      .limit(3)
      .getMany();
    expect(first.results.map((r) => r.key)).toEqual(['ask-T1-6', 'ask-T1-5', 'ask-T1-4']);
    expect(first.nextCursor).toBeDefined();
    const second = await kvs
      .entity('ask')
      .query()
      .index('by-ticket', { partition: ['T1'] })
      .where(WhereConditions.greaterThan(1001))
      .sort(Sort.DESC)
      .limit(3)
      .cursor(first.nextCursor ?? '')
      .getMany();
    expect(second.results.map((r) => r.key)).toEqual(['ask-T1-3', 'ask-T1-2']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('applies filters to the page the index returns', async () => {
    await kvs.entity('ask').set('ask-T3-0', ask('T3', 5, 'answered'));
    await kvs.entity('ask').set('ask-T3-1', ask('T3', 6, 'pending'));
    const r = await kvs
      .entity('ask')
      .query()
      .index('by-ticket', { partition: ['T3'] })
      .filters(new Filter<{ status: string }>().and('status', FilterConditions.equalTo('pending')))
      .getMany();
    expect(r.results.map((x) => x.key)).toEqual(['ask-T3-1']);
  });

  it('rejects values that do not match the declared attribute types, and unknown indexes', async () => {
    const e = await kvsError(kvs.entity('ask').set('bad', { ticketId: 42 }));
    expect(e.code).toBe('INVALID_ENTITY_VALUE');
    const idx = await kvsError(kvs.entity('ask').query().index('nope').getMany());
    expect(idx.code).toBe('INVALID_ENTITY_INDEX');
  });
});

describe('transactions', () => {
  it('commits sets and deletes together', async () => {
    await kvs.set('tx-old', 1);
    await kvs.transact().set('tx-a', 'a').set('tx-b', 'b').delete('tx-old').execute();
    expect([await kvs.get('tx-a'), await kvs.get('tx-b'), await kvs.get('tx-old')]).toEqual(['a', 'b', undefined]);
  });

  it('fails as a whole when a check fails, and writes nothing', async () => {
    await kvs
      .entity('ticket')
      .set('ticket-1', { projectId: 'P', openState: 'open', riskScore: 10, lastAgentActivityAt: 1, createdAt: 1 });
    const e = await kvsError(
      kvs
        .transact()
        .set('tx-never', 'x')
        .check('ticket-1', {
          entityName: 'ticket',
          conditions: new Filter<{ riskScore: number }>().and('riskScore', FilterConditions.equalTo(99)),
        })
        .execute(),
    );
    expect(e.code).toBe('CONDITIONAL_CHECK_FAILED');
    expect(e.responseDetails.status).toBe(409);
    expect(await kvs.get('tx-never')).toBeUndefined();
    await kvs
      .transact()
      .set('tx-yes', 'y')
      .check('ticket-1', {
        entityName: 'ticket',
        conditions: new Filter<{ riskScore: number }>().and('riskScore', FilterConditions.equalTo(10)),
      })
      .execute();
    expect(await kvs.get('tx-yes')).toBe('y');
  });

  it('allows at most 25 operations and each key once', async () => {
    let tx = kvs.transact();
    for (let i = 0; i < 26; i++) tx = tx.set(`tx-many-${i}`, i);
    expect((await kvsError(tx.execute())).code).toBe('TRANSACTION_OPERATIONS_EXCEEDED');
    expect((await kvsError(kvs.transact().set('dup', 1).delete('dup').execute())).code).toBe(
      'DUPLICATE_KEY_IN_TRANSACTION',
    );
  });
});

describe('cost counters and fault injection', () => {
  it('counts KVS operations and bytes per invocation', async () => {
    const { metrics } = await h.host.runAs({}, async () => {
      await kvs.set('counted', { a: 1 });
      await kvs.get('counted');
      await kvs.get('counted-missing');
    });
    expect(metrics.kvs.writes).toBe(1);
    expect(metrics.kvs.reads).toBe(2);
    expect(metrics.kvs.bytesWritten).toBe(JSON.stringify({ a: 1 }).length);
  });

  it('injects seeded 429s that surface as the platform error', async () => {
    h.faults.set([{ target: 'kvs', kind: 429, rate: 1 }], 7);
    const e = await kvsError(kvs.get('anything'));
    h.faults.clear();
    expect([e.code, e.responseDetails.status]).toEqual(['RATE_LIMIT_EXCEEDED', 429]);
  });
});
