// The Forge KVS and Custom Entity Store behind `/api/v1/*`, as `@forge/kvs` calls it.
// Error bodies are `{ code, message }` with the HTTP status Forge uses, so the client raises the same
// `ForgeKvsAPIError` it would in the cloud. https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-kvs
import { z } from 'zod';
import type { Db } from './db.js';
import type { EntityDefinition, EntityIndexDefinition } from './manifest.js';

export const KVS_LIMITS = {
  keyLength: 500,
  valueBytes: 240 * 1024,
  depth: 32,
  batchItems: 25,
  transactionOps: 25,
  pageSize: 100,
  transactionBytes: 4 * 1024 * 1024,
} as const;

/** Keys must match Forge's documented pattern (letters, digits, `:._-#` and spaces, not only spaces). */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

export interface KvsResponse {
  status: number;
  body?: unknown;
}

/** What one request cost, for the per-invocation counters. */
export interface KvsCost {
  reads: number;
  writes: number;
  bytesRead: number;
  bytesWritten: number;
}

export class KvsError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const Condition = z.enum([
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'NOT_CONTAINS',
  'EQUAL_TO',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);
type Condition = z.infer<typeof Condition>;
const Clause = z.object({ condition: Condition, values: z.array(z.unknown()) });
const FilterItem = Clause.extend({ property: z.string() });
type FilterItem = z.infer<typeof FilterItem>;
const Filters = z.object({ and: z.array(FilterItem).optional(), or: z.array(FilterItem).optional() });
type Filters = z.infer<typeof Filters>;
const MetadataFields = z.array(z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME'])).optional();
const Ttl = z.object({ value: z.number().int().positive(), unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']) });
const SetOptions = z
  .object({
    ttl: Ttl.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: MetadataFields,
  })
  .optional();
const GetBody = z.object({
  key: z.string(),
  entityName: z.string().optional(),
  options: z.object({ metadataFields: MetadataFields }).optional(),
});
const SetBody = z.object({
  key: z.string(),
  entityName: z.string().optional(),
  value: z.unknown(),
  options: SetOptions,
});
const DeleteBody = z.object({ key: z.string(), entityName: z.string().optional() });
const QueryBody = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(FilterItem).optional(),
  options: z.object({ metadataFields: MetadataFields }).optional(),
});
const EntityQueryBody = z.object({
  entityName: z.string(),
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: Clause.optional(),
  filters: Filters.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().int().optional(),
  options: z.object({ metadataFields: MetadataFields }).optional(),
  metadataFields: MetadataFields,
});
const BatchSetBody = z.array(
  z.object({
    key: z.string(),
    entityName: z.string().optional(),
    value: z.unknown(),
    options: z.object({ ttl: Ttl.optional() }).optional(),
  }),
);
const BatchKeysBody = z.array(
  z.object({
    key: z.string(),
    entityName: z.string().optional(),
    options: z.object({ metadataFields: MetadataFields }).optional(),
  }),
);
const TransactionBody = z.object({
  set: z
    .array(
      z.object({
        key: z.string(),
        value: z.unknown(),
        entityName: z.string().optional(),
        conditions: Filters.optional(),
        options: z.object({ ttl: Ttl.optional() }).optional(),
      }),
    )
    .optional(),
  delete: z
    .array(z.object({ key: z.string(), entityName: z.string().optional(), conditions: Filters.optional() }))
    .optional(),
  check: z.array(z.object({ key: z.string(), entityName: z.string().optional(), conditions: Filters })).optional(),
});

interface Row {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

type Ns = 'kv' | 'secret' | 'entity';

export interface KvsOptions {
  /** Reject entity values carrying attributes the manifest does not declare (Forge validates entity values). */
  strictEntityAttributes: boolean;
  /** Status and code of a transaction refused by a condition (undocumented; CONFORMANCE.md). */
  conditionFailure?: { status: number; code: string };
  /** A condition on a missing key: evaluated against no value, or always false (undocumented). */
  missingKeyConditions?: 'evaluate' | 'fail';
}

export class KvsStore {
  private readonly entities: Map<string, EntityDefinition>;

  constructor(
    private readonly db: Db,
    entities: EntityDefinition[],
    private readonly now: () => number,
    private readonly options: KvsOptions = { strictEntityAttributes: true },
  ) {
    this.entities = new Map(entities.map((e) => [e.name, e]));
    this.createIndexes();
  }

  /** Expression indexes mirror the manifest's entity indexes so partition + range queries stay indexed. */
  private createIndexes(): void {
    for (const entity of this.entities.values()) {
      for (const index of entity.indexes) {
        const name = `ent_${entity.name}_${index.name}`.replace(/[^A-Za-z0-9_]/g, '_');
        const cols = [...(index.partition ?? []), ...index.range].map((a) => `json_extract(value, '$.${a}')`);
        this.db.exec(
          `CREATE INDEX IF NOT EXISTS "${name}" ON kvs(entity, ${cols.join(', ')}, key) WHERE ns = 'entity'`,
        );
      }
    }
  }

  /** Handles one `/api/v1/...` request. Never throws: every failure is an HTTP-shaped answer. */
  handle(path: string, rawBody: unknown, cost: KvsCost): KvsResponse {
    try {
      return this.route(path, rawBody, cost);
    } catch (e) {
      if (e instanceof KvsError) return { status: e.status, body: { code: e.code, message: e.message } };
      if (e instanceof z.ZodError) {
        return {
          status: 400,
          body: {
            code: 'BAD_REQUEST',
            message: `Invalid request body: ${e.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          },
        };
      }
      throw e;
    }
  }

  private route(path: string, body: unknown, cost: KvsCost): KvsResponse {
    switch (path) {
      case '/api/v1/get':
        return this.get('kv', GetBody.parse(body), cost);
      case '/api/v1/secret/get':
        return this.get('secret', GetBody.parse(body), cost);
      case '/api/v1/entity/get':
        return this.get('entity', GetBody.parse(body), cost);
      case '/api/v1/set':
        return this.set('kv', SetBody.parse(body), cost);
      case '/api/v1/secret/set':
        return this.set('secret', SetBody.parse(body), cost);
      case '/api/v1/entity/set':
        return this.set('entity', SetBody.parse(body), cost);
      case '/api/v1/delete':
        return this.del('kv', DeleteBody.parse(body), cost);
      case '/api/v1/secret/delete':
        return this.del('secret', DeleteBody.parse(body), cost);
      case '/api/v1/entity/delete':
        return this.del('entity', DeleteBody.parse(body), cost);
      case '/api/v1/query':
        return this.query(QueryBody.parse(body), cost);
      case '/api/v1/entity/query':
        return this.entityQuery(EntityQueryBody.parse(body), cost);
      case '/api/v1/batch/set':
        return this.batchSet(BatchSetBody.parse(body), cost);
      case '/api/v1/batch/get':
        return this.batchGet(BatchKeysBody.parse(body), cost);
      case '/api/v1/batch/delete':
        return this.batchDelete(BatchKeysBody.parse(body), cost);
      case '/api/v1/transaction':
        return this.transaction(TransactionBody.parse(body), cost);
      default:
        return { status: 404, body: { code: 'NOT_FOUND', message: `Unknown KVS endpoint ${path}` } };
    }
  }

  // --- validation -------------------------------------------------------------------------------

  private checkKey(key: string): void {
    if (key.length === 0)
      throw new KvsError(400, 'KEY_TOO_SHORT', 'The provided key needs to be more than one character.');
    if (key.length > KVS_LIMITS.keyLength)
      throw new KvsError(400, 'KEY_TOO_LONG', 'The provided key has exceeded the maximum 500 characters.');
    if (!KEY_PATTERN.test(key))
      throw new KvsError(
        400,
        'INVALID_KEY',
        'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/',
      );
  }

  private encodeValue(value: unknown): string {
    if (value === undefined) throw new KvsError(400, 'INVALID_VALUE', 'A value is required.');
    const text = JSON.stringify(value);
    if (Buffer.byteLength(text) > KVS_LIMITS.valueBytes)
      throw new KvsError(400, 'MAX_SIZE', 'The provided value has exceeded the maximum size limit.');
    if (depth(value) > KVS_LIMITS.depth)
      throw new KvsError(400, 'MAX_DEPTH', 'The provided value has exceeded the maximum object depth (32) limit.');
    return text;
  }

  private entity(name: string | undefined): EntityDefinition {
    const def = name === undefined ? undefined : this.entities.get(name);
    if (!def)
      throw new KvsError(
        400,
        'INVALID_ENTITY_TYPE',
        `Entity '${name ?? ''}' is not defined in manifest.yml app.storage.entities.`,
      );
    return def;
  }

  private checkEntityValue(def: EntityDefinition, value: unknown): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new KvsError(400, 'INVALID_ENTITY_VALUE', `Values of entity '${def.name}' must be objects.`);
    }
    for (const [attr, v] of Object.entries(value)) {
      const declared = def.attributes[attr];
      if (!declared) {
        if (this.options.strictEntityAttributes) {
          throw new KvsError(
            400,
            'INVALID_ENTITY_VALUE',
            `Attribute '${attr}' is not defined for entity '${def.name}'.`,
          );
        }
        continue;
      }
      if (v === undefined) continue;
      if (!attributeValueAllowed(declared.type, v))
        throw new KvsError(
          400,
          'INVALID_ENTITY_VALUE',
          `Attribute '${attr}' of entity '${def.name}' must be ${ATTRIBUTE_RULE[declared.type]}.`,
        );
    }
  }

  // --- rows -------------------------------------------------------------------------------------

  private readRow(ns: Ns, entity: string, key: string): Row | undefined {
    const row = this.db
      .prepare('SELECT key, value, created_at, updated_at, expire_at FROM kvs WHERE ns = ? AND entity = ? AND key = ?')
      .get(ns, entity, key) as Row | undefined;
    if (row && row.expire_at !== null && row.expire_at <= this.now()) return undefined;
    return row;
  }

  private writeRow(
    ns: Ns,
    entity: string,
    key: string,
    text: string,
    ttlMs: number | undefined,
    existing: Row | undefined,
  ): Row {
    const now = this.now();
    const created = existing ? existing.created_at : now;
    const expire = ttlMs === undefined ? null : now + ttlMs;
    this.db
      .prepare(
        `INSERT INTO kvs (ns, entity, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(ns, entity, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
           updated_at = excluded.updated_at, expire_at = excluded.expire_at`,
      )
      .run(ns, entity, key, text, created, now, expire);
    return { key, value: text, created_at: created, updated_at: now, expire_at: expire };
  }

  private present(row: Row, withMetadata = true): Record<string, unknown> {
    return {
      key: row.key,
      value: JSON.parse(row.value) as unknown,
      ...(withMetadata
        ? {
            createdAt: row.created_at,
            updatedAt: row.updated_at,
            ...(row.expire_at !== null ? { expireTime: new Date(row.expire_at).toISOString() } : {}),
          }
        : {}),
    };
  }

  // --- single-key operations --------------------------------------------------------------------

  private get(ns: Ns, body: z.infer<typeof GetBody>, cost: KvsCost): KvsResponse {
    this.checkKey(body.key);
    const entity = ns === 'entity' ? this.entity(body.entityName).name : '';
    const row = this.readRow(ns, entity, body.key);
    cost.reads += 1;
    if (!row) return { status: 404, body: { code: 'KEY_NOT_FOUND', message: 'The specified key does not exist.' } };
    cost.bytesRead += Buffer.byteLength(row.value);
    return { status: 200, body: this.present(row) };
  }

  private set(ns: Ns, body: z.infer<typeof SetBody>, cost: KvsCost): KvsResponse {
    this.checkKey(body.key);
    const def = ns === 'entity' ? this.entity(body.entityName) : undefined;
    const text = this.encodeValue(body.value);
    if (def) this.checkEntityValue(def, body.value);
    const entity = def?.name ?? '';
    const options = body.options;
    return this.db.transaction((): KvsResponse => {
      const existing = this.readRow(ns, entity, body.key);
      if (options?.keyPolicy === 'FAIL_IF_EXISTS' && existing) {
        cost.reads += 1;
        throw new KvsError(409, 'KEY_CONFLICT', 'The key already exists and the key policy is FAIL_IF_EXISTS.');
      }
      const written = this.writeRow(ns, entity, body.key, text, ttlMillis(options?.ttl), existing);
      cost.writes += 1;
      cost.bytesWritten += Buffer.byteLength(text);
      if (options?.returnValue === 'PREVIOUS')
        return { status: 200, body: existing ? this.present(existing) : undefined };
      if (options?.returnValue === 'LATEST') return { status: 200, body: this.present(written) };
      return { status: 204 };
    })();
  }

  private del(ns: Ns, body: z.infer<typeof DeleteBody>, cost: KvsCost): KvsResponse {
    this.checkKey(body.key);
    const entity = ns === 'entity' ? this.entity(body.entityName).name : '';
    this.db.prepare('DELETE FROM kvs WHERE ns = ? AND entity = ? AND key = ?').run(ns, entity, body.key);
    cost.writes += 1;
    return { status: 204 };
  }

  // --- queries ----------------------------------------------------------------------------------

  private pageLimit(limit: number | undefined, code: string): number {
    const n = limit ?? 10;
    if (n < 1 || n > KVS_LIMITS.pageSize)
      throw new KvsError(400, code, 'The page limit must be set between 1 and 100.');
    return n;
  }

  private query(body: z.infer<typeof QueryBody>, cost: KvsCost): KvsResponse {
    const limit = this.pageLimit(body.limit, 'LIST_QUERY_LIMIT_EXCEEDED');
    if (body.where && body.where.length > 1)
      throw new KvsError(400, 'QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause.');
    const where = body.where?.[0];
    let prefix = '';
    if (where) {
      if (where.property !== 'key')
        throw new KvsError(400, 'QUERY_WHERE_FIELD_INVALID', 'The specified field is not supported for filters.');
      if (where.condition !== 'BEGINS_WITH')
        throw new KvsError(400, 'INVALID_FILTER_CONDITION', 'The specified condition is not supported for filters.');
      const v = where.values[0];
      if (where.values.length !== 1 || (typeof v !== 'string' && typeof v !== 'number')) {
        throw new KvsError(
          400,
          'INVALID_FILTER_VALUES',
          'The specified number of values are not supported by the given condition.',
        );
      }
      prefix = String(v);
    }
    const after = body.after === undefined ? '' : decodeCursor(body.after).k;
    const rows = this.db
      .prepare(
        `SELECT key, value, created_at, updated_at, expire_at FROM kvs
         WHERE ns = 'kv' AND entity = '' AND key > ? AND substr(key, 1, ?) = ? AND (expire_at IS NULL OR expire_at > ?)
         ORDER BY key LIMIT ?`,
      )
      .all(after, prefix.length, prefix, this.now(), limit + 1) as Row[];
    const page = rows.slice(0, limit);
    cost.reads += 1;
    for (const r of page) cost.bytesRead += Buffer.byteLength(r.value);
    const last = page[page.length - 1];
    return {
      status: 200,
      body: {
        data: page.map((r) => this.present(r, body.options?.metadataFields !== undefined)),
        ...(rows.length > limit && last ? { cursor: encodeCursor({ k: last.key }) } : {}),
      },
    };
  }

  private entityQuery(body: z.infer<typeof EntityQueryBody>, cost: KvsCost): KvsResponse {
    const def = this.entity(body.entityName);
    const index = def.indexes.find((i) => i.name === body.indexName);
    if (!index)
      throw new KvsError(
        400,
        'INVALID_ENTITY_INDEX',
        `Index '${body.indexName}' is not defined for entity '${def.name}'.`,
      );
    const limit = this.pageLimit(body.limit, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
    const partitionAttrs = index.partition ?? [];
    const partition = body.partition ?? [];
    if (partition.length !== partitionAttrs.length) {
      throw new KvsError(
        400,
        'INVALID_PARTITION',
        `Index '${index.name}' needs ${partitionAttrs.length} partition value(s).`,
      );
    }
    const rangeAttr = index.range[0] as string;
    const desc = body.sort === 'DESC';
    const rangeExpr = `json_extract(value, '$.${rangeAttr}')`;
    const params: unknown[] = [def.name];
    let sql = `SELECT key, value, created_at, updated_at, expire_at, ${rangeExpr} AS r FROM kvs WHERE ns = 'entity' AND entity = ? AND ${rangeExpr} IS NOT NULL`;
    partitionAttrs.forEach((attr, i) => {
      sql += ` AND json_extract(value, '$.${attr}') = ?`;
      params.push(sqlValue(partition[i]));
    });
    if (body.range) {
      const { clause, values } = rangeSql(rangeExpr, body.range.condition, body.range.values);
      sql += ` AND ${clause}`;
      params.push(...values);
    }
    if (body.cursor !== undefined) {
      const c = decodeCursor(body.cursor);
      sql += desc
        ? ` AND (${rangeExpr} < ? OR (${rangeExpr} = ? AND key < ?))`
        : ` AND (${rangeExpr} > ? OR (${rangeExpr} = ? AND key > ?))`;
      params.push(c.r, c.r, c.k);
    }
    sql += ` AND (expire_at IS NULL OR expire_at > ?) ORDER BY r ${desc ? 'DESC' : 'ASC'}, key ${desc ? 'DESC' : 'ASC'} LIMIT ?`;
    params.push(this.now(), limit + 1);
    const rows = this.db.prepare(sql).all(...params) as Array<Row & { r: string | number }>;
    const page = rows.slice(0, limit);
    cost.reads += 1;
    for (const r of page) cost.bytesRead += Buffer.byteLength(r.value);
    // Like DynamoDB, filters apply to the page the index returned: a page may hold fewer than `limit`.
    const matching = body.filters
      ? page.filter((r) => matchesFilters(JSON.parse(r.value) as Record<string, unknown>, body.filters as Filters))
      : page;
    const last = page[page.length - 1];
    const withMeta = (body.options?.metadataFields ?? body.metadataFields) !== undefined;
    return {
      status: 200,
      body: {
        data: matching.map((r) => this.present(r, withMeta)),
        ...(rows.length > limit && last ? { cursor: encodeCursor({ r: last.r, k: last.key }) } : {}),
      },
    };
  }

  // --- batches and transactions -----------------------------------------------------------------

  private batchSize(n: number): void {
    if (n === 0) throw new KvsError(400, 'BAD_REQUEST', 'A batch needs at least one item.');
    if (n > KVS_LIMITS.batchItems)
      throw new KvsError(400, 'BATCH_SIZE_EXCEEDED', `A batch can hold at most ${KVS_LIMITS.batchItems} items.`);
  }

  private batchSet(items: z.infer<typeof BatchSetBody>, cost: KvsCost): KvsResponse {
    this.batchSize(items.length);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    this.db.transaction(() => {
      for (const item of items) {
        const ref = { key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}) };
        try {
          this.set(
            item.entityName ? 'entity' : 'kv',
            { key: item.key, entityName: item.entityName, value: item.value, options: item.options },
            cost,
          );
          successfulKeys.push(ref);
        } catch (e) {
          if (!(e instanceof KvsError)) throw e;
          failedKeys.push({ ...ref, error: { code: e.code, message: e.message } });
        }
      }
    })();
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchGet(items: z.infer<typeof BatchKeysBody>, cost: KvsCost): KvsResponse {
    this.batchSize(items.length);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of items) {
      const ref = { key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}) };
      try {
        const res = this.get(
          item.entityName ? 'entity' : 'kv',
          { key: item.key, entityName: item.entityName, options: item.options },
          cost,
        );
        if (res.status === 200) successfulKeys.push({ ...(res.body as object), ...ref });
        else
          failedKeys.push({ ...ref, error: { code: 'KEY_NOT_FOUND', message: 'The specified key does not exist.' } });
      } catch (e) {
        if (!(e instanceof KvsError)) throw e;
        failedKeys.push({ ...ref, error: { code: e.code, message: e.message } });
      }
    }
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private batchDelete(items: z.infer<typeof BatchKeysBody>, cost: KvsCost): KvsResponse {
    this.batchSize(items.length);
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    this.db.transaction(() => {
      for (const item of items) {
        const ref = { key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}) };
        try {
          this.del(item.entityName ? 'entity' : 'kv', { key: item.key, entityName: item.entityName }, cost);
          successfulKeys.push(ref);
        } catch (e) {
          if (!(e instanceof KvsError)) throw e;
          failedKeys.push({ ...ref, error: { code: e.code, message: e.message } });
        }
      }
    })();
    return { status: 200, body: { successfulKeys, failedKeys } };
  }

  private transaction(body: z.infer<typeof TransactionBody>, cost: KvsCost): KvsResponse {
    const sets = body.set ?? [];
    const deletes = body.delete ?? [];
    const checks = body.check ?? [];
    const total = sets.length + deletes.length + checks.length;
    if (total === 0) throw new KvsError(400, 'BAD_REQUEST', 'A transaction needs at least one operation.');
    if (total > KVS_LIMITS.transactionOps) {
      throw new KvsError(
        400,
        'TRANSACTION_OPERATIONS_EXCEEDED',
        `Each transaction can contain a maximum of ${KVS_LIMITS.transactionOps} operations.`,
      );
    }
    if (Buffer.byteLength(JSON.stringify(body)) > KVS_LIMITS.transactionBytes) {
      throw new KvsError(400, 'TRANSACTION_PAYLOAD_TOO_LARGE', 'Each transaction is limited to a payload size of 4MB.');
    }
    const seen = new Set<string>();
    for (const op of [...sets, ...deletes, ...checks]) {
      this.checkKey(op.key);
      const id = `${op.entityName ?? ''}\u0000${op.key}`;
      if (seen.has(id))
        throw new KvsError(
          400,
          'DUPLICATE_KEY_IN_TRANSACTION',
          `Key '${op.key}' is used more than once in the transaction.`,
        );
      seen.add(id);
    }
    const prepared = sets.map((s) => {
      const def = s.entityName ? this.entity(s.entityName) : undefined;
      const text = this.encodeValue(s.value);
      if (def) this.checkEntityValue(def, s.value);
      return { ...s, ns: (def ? 'entity' : 'kv') as Ns, entity: def?.name ?? '', text };
    });
    this.db.transaction(() => {
      const conditional = [
        ...checks.map((c) => ({ ...c, required: true })),
        ...sets.filter((s) => s.conditions).map((s) => ({ ...s, required: false })),
        ...deletes.filter((d) => d.conditions).map((d) => ({ ...d, required: false })),
      ];
      for (const op of conditional) {
        const def = op.entityName ? this.entity(op.entityName) : undefined;
        const row = this.readRow(def ? 'entity' : 'kv', def?.name ?? '', op.key);
        cost.reads += 1;
        const value = row ? (JSON.parse(row.value) as Record<string, unknown>) : undefined;
        const onMissing = !op.required && (this.options.missingKeyConditions ?? 'evaluate') === 'evaluate';
        const ok = (value !== undefined || onMissing) && matchesFilters(value ?? {}, op.conditions as Filters);
        if (!ok) {
          const refusal = this.options.conditionFailure ?? { status: 409, code: 'CONDITIONAL_CHECK_FAILED' };
          throw new KvsError(
            refusal.status,
            refusal.code,
            `Transaction cancelled: the conditions for key '${op.key}' were not met.`,
          );
        }
      }
      for (const s of prepared) {
        const existing = this.readRow(s.ns, s.entity, s.key);
        this.writeRow(s.ns, s.entity, s.key, s.text, ttlMillis(s.options?.ttl), existing);
        cost.bytesWritten += Buffer.byteLength(s.text);
      }
      for (const d of deletes) {
        const ns: Ns = d.entityName ? 'entity' : 'kv';
        this.db.prepare('DELETE FROM kvs WHERE ns = ? AND entity = ? AND key = ?').run(ns, d.entityName ?? '', d.key);
      }
    })();
    // A transaction counts as one write operation against the rate limits.
    cost.writes += 1;
    return { status: 204 };
  }

  /** Test and admin helper: every plain key/value, for inspection. */
  dump(ns: Ns = 'kv', entity = ''): Array<{ key: string; value: unknown }> {
    const rows = this.db
      .prepare('SELECT key, value FROM kvs WHERE ns = ? AND entity = ? ORDER BY key')
      .all(ns, entity) as Array<{ key: string; value: string }>;
    return rows.map((r) => ({ key: r.key, value: JSON.parse(r.value) as unknown }));
  }

  /** Entity definitions, for callers that want to list an index. */
  indexOf(entityName: string, indexName: string): EntityIndexDefinition | undefined {
    return this.entities.get(entityName)?.indexes.find((i) => i.name === indexName);
  }
}

function depth(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  let max = 0;
  for (const child of Object.values(v)) max = Math.max(max, depth(child));
  return max + 1;
}

function ttlMillis(ttl: z.infer<typeof Ttl> | undefined): number | undefined {
  if (!ttl) return undefined;
  const unit = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 }[ttl.unit];
  return ttl.value * unit;
}

function sqlValue(v: unknown): string | number | null {
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null || v === undefined) return null;
  return JSON.stringify(v);
}

function rangeSql(expr: string, condition: Condition, values: unknown[]): { clause: string; values: unknown[] } {
  const v = values.map(sqlValue);
  const need = (n: number): void => {
    if (v.length !== n)
      throw new KvsError(
        400,
        'INVALID_FILTER_VALUES',
        'The specified number of values are not supported by the given condition.',
      );
  };
  switch (condition) {
    case 'EQUAL_TO':
      need(1);
      return { clause: `${expr} = ?`, values: v };
    case 'GREATER_THAN':
      need(1);
      return { clause: `${expr} > ?`, values: v };
    case 'GREATER_THAN_EQUAL_TO':
      need(1);
      return { clause: `${expr} >= ?`, values: v };
    case 'LESS_THAN':
      need(1);
      return { clause: `${expr} < ?`, values: v };
    case 'LESS_THAN_EQUAL_TO':
      need(1);
      return { clause: `${expr} <= ?`, values: v };
    case 'BETWEEN':
      need(2);
      return { clause: `${expr} BETWEEN ? AND ?`, values: v };
    case 'BEGINS_WITH':
      need(1);
      return { clause: `substr(${expr}, 1, length(?)) = ?`, values: [String(v[0]), String(v[0])] };
    default:
      throw new KvsError(
        400,
        'INVALID_FILTER_CONDITION',
        `The condition ${condition} is not supported for an index range.`,
      );
  }
}

function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function matchesItem(value: Record<string, unknown>, f: FilterItem): boolean {
  const actual = value[f.property];
  const [a, b] = f.values;
  const cmp = compare(actual, a);
  switch (f.condition) {
    case 'EXISTS':
      return actual !== undefined && actual !== null;
    case 'NOT_EXISTS':
      return actual === undefined || actual === null;
    case 'EQUAL_TO':
      return actual === a;
    case 'NOT_EQUAL_TO':
      return actual !== a;
    case 'GREATER_THAN':
      return cmp !== undefined && cmp > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return cmp !== undefined && cmp >= 0;
    case 'LESS_THAN':
      return cmp !== undefined && cmp < 0;
    case 'LESS_THAN_EQUAL_TO':
      return cmp !== undefined && cmp <= 0;
    case 'BETWEEN': {
      const hi = compare(actual, b);
      return cmp !== undefined && hi !== undefined && cmp >= 0 && hi <= 0;
    }
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(a));
    case 'CONTAINS':
      return (
        (typeof actual === 'string' && actual.includes(String(a))) || (Array.isArray(actual) && actual.includes(a))
      );
    case 'NOT_CONTAINS':
      return !(
        (typeof actual === 'string' && actual.includes(String(a))) ||
        (Array.isArray(actual) && actual.includes(a))
      );
  }
}

function matchesFilters(value: Record<string, unknown>, filters: Filters): boolean {
  if (filters.and && filters.and.length > 0) return filters.and.every((f) => matchesItem(value, f));
  if (filters.or && filters.or.length > 0) return filters.or.some((f) => matchesItem(value, f));
  return true;
}

const CursorSchema = z.object({ k: z.string(), r: z.union([z.string(), z.number()]).optional() });

function encodeCursor(c: z.infer<typeof CursorSchema>): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(cursor: string): z.infer<typeof CursorSchema> {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new KvsError(400, 'INVALID_CURSOR', 'The cursor is not valid.');
  }
}

/**
 * The value rules of storage-reference/entities-manifest ("Values"); the store "strictly enforces
 * attribute types". `null` is not among the documented values of any type, so it is refused.
 */
const INT32 = { min: -2_147_483_648, max: 2_147_483_647 } as const;
// The documented maximum is 9.99…9E+125 (38 nines); as a double it rounds to 1E+126.
const FLOAT_RANGE = { min: 1e-130, max: 1e126 } as const;

const ATTRIBUTE_RULE: Record<EntityDefinition['attributes'][string]['type'], string> = {
  integer: `a 32-bit signed integer (${INT32.min} to ${INT32.max})`,
  float: 'a number that is 0 or between 1E-130 and 9.99E+125 in magnitude',
  string: 'a non-empty string with at least one non-whitespace character',
  boolean: 'true or false',
  any: 'a string, number, boolean, object or array',
};

export function attributeValueAllowed(type: EntityDefinition['attributes'][string]['type'], v: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(v) && (v as number) >= INT32.min && (v as number) <= INT32.max;
    case 'float': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return false;
      const m = Math.abs(v);
      return m === 0 || (m >= FLOAT_RANGE.min && m <= FLOAT_RANGE.max);
    }
    case 'string':
      return typeof v === 'string' && v.trim().length > 0;
    case 'boolean':
      return typeof v === 'boolean';
    case 'any':
      return v !== null && ['string', 'number', 'boolean', 'object'].includes(typeof v);
  }
}
