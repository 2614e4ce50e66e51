/**
 * A recompute chunk's tickets written in a few storage round trips instead of four per ticket.
 *
 * Every ticket's write is worked out from the page just read (no per-ticket re-read: each write is
 * still checked on the ticket's revision), the buckets they touch are read in one go, and the
 * tickets are committed together in checked transactions of at most 25 operations, each ticket,
 * bucket and the configuration conditioned on the revision read — what a single ticket's write
 * checks. Transactions of one round run in parallel and never share a key: a ticket whose buckets
 * another transaction of the round already writes waits for the next round, which applies its
 * delta on what the previous round committed (no read: the revisions are known).
 *
 * A refused transaction (a concurrent event moved a ticket or bucket, or the configuration moved;
 * or any other refusal, such as a store that refuses transactions of one round sharing the
 * configuration's check — the docs are silent on concurrent transactions) ends the fast path:
 * what did not commit is returned and goes ticket by ticket through the one write path, which
 * reads everything again and commits one transaction at a time. A committed ticket holds the building generation with
 * its contribution, so a chunk run again adds nothing for it.
 */
import { TransientError } from '../errors';
import type { AppPorts, StoredConfig, UnitOfWork, Versioned } from '../ports';
import { bucketAfter, bucketRefId, planTicketWrite, type TicketWritePlan } from '../tickets/commit-ticket-write';
import { deriveRecord } from '../tickets/derive-record';
import type { StoredBucket, TicketRecord } from '../tickets/ticket-record';

/** Operations in one KVS transaction (storage-reference/entities-transactions, "Limitations"). */
export const TRANSACTION_OPERATIONS = 25;

interface Planned {
  readonly item: Versioned<TicketRecord>;
  readonly plan: TicketWritePlan;
  /** The buckets its write changes, by `bucketRefId`. */
  readonly buckets: readonly string[];
}

interface Group {
  readonly members: Planned[];
  readonly buckets: Set<string>;
  readonly projects: Set<string>;
  /** Operations so far: the configuration check, then a set per ticket, bucket and project. */
  ops: number;
}

interface Known {
  readonly bucket: StoredBucket | null;
  readonly rev: number;
}

/** Writes `items` into every live generation; returns those left to the ticket-by-ticket path. */
export async function writeChunk(
  ports: AppPorts,
  config: StoredConfig,
  items: readonly Versioned<TicketRecord>[],
): Promise<Versioned<TicketRecord>[]> {
  const now = ports.clock.now();
  const planned: Planned[] = items.map((item) => {
    const plan = planTicketWrite(config, { before: item, after: deriveRecord(item.value, config, now).record }, true);
    return { item, plan, buckets: [...new Set(plan.parts.map((p) => bucketRefId(p.at)))] };
  });
  // A ticket whose own write would not fit a transaction goes the single way (and fails there as before).
  const alone = planned.filter((p) => 2 + p.buckets.length + p.plan.projects.length > TRANSACTION_OPERATIONS);
  let pending = planned.filter((p) => !alone.includes(p));

  const refs = new Map(pending.flatMap((p) => p.plan.parts.map((part) => [bucketRefId(part.at), part.at] as const)));
  const stored = refs.size === 0 ? [] : await ports.rollups.getBuckets([...refs.values()]);
  const known = new Map<string, Known>(stored.map((b) => [bucketRefId(b.value), { bucket: b.value, rev: b.rev }]));
  const registered = new Set<string>();
  const configRev = config.rev ?? config.version;

  while (pending.length > 0) {
    const { groups, deferred } = pack(pending, registered);
    const results = await Promise.allSettled(groups.map((g) => commitGroup(ports, g, known, configRev)));
    const refused: Planned[] = [];
    results.forEach((r, i) => {
      const group = groups[i] as Group;
      if (r.status === 'fulfilled') {
        for (const [id, k] of r.value) known.set(id, k);
        for (const p of group.projects) registered.add(p);
      } else refused.push(...group.members);
    });
    // A rate limit or an outage: the platform delivers the chunk again later.
    const failure = results.find((r) => r.status === 'rejected' && r.reason instanceof TransientError);
    if (failure?.status === 'rejected') throw failure.reason;
    if (refused.length > 0) return [...alone, ...refused, ...deferred].map((p) => p.item);
    pending = deferred;
  }
  return alone.map((p) => p.item);
}

/**
 * One round: tickets in page order, each joined to the transaction that already writes its
 * buckets (or to the open one when none does) while it fits; a ticket whose buckets are split
 * between two transactions, or whose transaction is full, waits for the next round. A project
 * is registered by one transaction of the chunk only: the set is idempotent, and no key is in
 * two transactions at once (the docs say nothing of concurrent transactions on one key).
 */
function pack(pending: readonly Planned[], registered: ReadonlySet<string>): { groups: Group[]; deferred: Planned[] } {
  const groups: Group[] = [];
  const deferred: Planned[] = [];
  const owner = new Map<string, Group>();
  const claimed = new Set<string>();
  let open: Group | null = null;
  for (const p of pending) {
    const owners = new Set(p.buckets.flatMap((id) => owner.get(id) ?? []));
    if (owners.size > 1) {
      deferred.push(p);
      continue;
    }
    const projects = p.plan.projects.filter((id) => !registered.has(id) && !claimed.has(id));
    const cost = (g: Group) => 1 + p.buckets.filter((id) => !g.buckets.has(id)).length + projects.length;
    const [own] = owners;
    let target: Group | null = own ?? open;
    if (target === null || target.ops + cost(target) > TRANSACTION_OPERATIONS) {
      if (own !== undefined) {
        deferred.push(p);
        continue;
      }
      target = { members: [], buckets: new Set(), projects: new Set(), ops: 1 };
      groups.push(target);
      open = target;
    }
    target.ops += cost(target);
    target.members.push(p);
    for (const id of p.buckets) {
      target.buckets.add(id);
      owner.set(id, target);
    }
    for (const id of projects) {
      target.projects.add(id);
      claimed.add(id);
    }
  }
  return { groups, deferred };
}

/** Commits one transaction; answers the buckets as they are after it. */
async function commitGroup(
  ports: AppPorts,
  group: Group,
  known: ReadonlyMap<string, Known>,
  configRev: number,
): Promise<Map<string, Known>> {
  const after = new Map<string, { bucket: StoredBucket; expectedRev: number }>();
  for (const { plan } of group.members) {
    for (const part of plan.parts) {
      const id = bucketRefId(part.at);
      const before = after.get(id) ?? { bucket: known.get(id)?.bucket ?? null, expectedRev: known.get(id)?.rev ?? 0 };
      after.set(id, { bucket: bucketAfter(before.bucket, part.at, part.delta), expectedRev: before.expectedRev });
    }
  }
  const unit: UnitOfWork = {
    configRev,
    tickets: group.members.map(({ plan }) => ({ record: plan.record, expectedRev: plan.expectedRev })),
    buckets: [...after.values()],
    projects: [...group.projects],
  };
  await ports.tickets.commit(unit);
  return new Map([...after].map(([id, b]) => [id, { bucket: b.bucket, rev: b.expectedRev + 1 }]));
}
