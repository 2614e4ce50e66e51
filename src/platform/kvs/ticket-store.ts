/** Ticket records in the `ticket` entity, their index scans, and the ticket's one atomic write. */
import { kvs, Filter, FilterConditions, Sort, WhereConditions } from '@forge/kvs';
import type { ActivityQuery, Page, RiskQuery, TicketStore } from '../../app/ports';
import type { TicketRecord } from '../../app/tickets/ticket-record';
import { kvsCall } from '../kvs-errors';
import { writeChecked } from '../kvs-transaction';
import { ENTITY, holdingKey, INDEX } from '../storage-layout';
import { TicketEntityV1, type TicketEntity } from '../stored-shapes';
import { ticketEntity } from './entity-rows';
import { PAGE, parseStored, revCondition, storedValue } from './kvs-rows';
import { commitUnit } from './unit-of-work';

const tickets = () => kvs.entity<TicketEntity>(ENTITY.ticket);
const recordOf = (value: unknown): TicketRecord => parseStored(TicketEntityV1, value, 'ticket').record;

async function openTickets(indexName: string, before: number, cursor: string | null): Promise<Page<TicketRecord>> {
  let q = tickets()
    .query()
    .index(indexName, { partition: ['open'] })
    .where(WhereConditions.lessThan(before))
    .sort(Sort.ASC)
    .limit(PAGE);
  if (cursor) q = q.cursor(cursor);
  const page = await kvsCall(indexName, () => q.getMany());
  return { items: page.results.map((r) => recordOf(r.value)), cursor: page.nextCursor ?? null };
}

async function ticketsByActivity(query: ActivityQuery, cursor: string | null): Promise<Page<TicketRecord>> {
  let q = tickets()
    .query()
    .index(INDEX.ticketByProjectActivity, { partition: [query.projectId] })
    .where(WhereConditions.greaterThanEqualTo(query.since))
    .sort(Sort.DESC)
    .limit(Math.min(query.limit, PAGE));
  if (cursor) q = q.cursor(cursor);
  const page = await kvsCall(query.projectId, () => q.getMany());
  return { items: page.results.map((r) => recordOf(r.value)), cursor: page.nextCursor ?? null };
}

async function atRiskTickets(query: RiskQuery): Promise<readonly TicketRecord[]> {
  const page = await kvsCall(query.projectId, () =>
    tickets()
      .query()
      .index(INDEX.ticketByProjectRisk, { partition: [query.projectId] })
      .where(WhereConditions.greaterThanEqualTo(query.minRiskScore))
      .filters(new Filter<TicketEntity>().and('openState', FilterConditions.equalTo('open')))
      .sort(Sort.DESC)
      .limit(Math.min(query.limit, PAGE))
      .getMany(),
  );
  return page.results.map((r) => recordOf(r.value));
}

export function createTicketStore(): TicketStore {
  return {
    async getTicket(ticketId) {
      const raw = storedValue(await kvsCall(ticketId, () => tickets().get(ticketId)));
      if (raw === undefined) return null;
      const entity = parseStored(TicketEntityV1, raw, 'ticket');
      return { value: entity.record, rev: entity.rev };
    },

    async putTicket(record, expectedRev, erasedAccount) {
      const guard = { entity: ENTITY.ticket, key: record.ticketId, expectedRev };
      await writeChecked(record.ticketId, [guard], (newKeys) => {
        const tx = kvs.transact().set<TicketEntity>(record.ticketId, ticketEntity(record, expectedRev + 1), {
          entityName: ENTITY.ticket,
          conditions: revCondition<TicketEntity>(expectedRev, newKeys),
        });
        if (erasedAccount !== undefined)
          tx.delete(holdingKey('ticket', record.ticketId, erasedAccount), { entityName: ENTITY.holding });
        return tx.execute();
      });
    },

    commit: commitUnit,
    openTicketsIdleSince: (before, cursor) => openTickets(INDEX.ticketByOpenActivity, before, cursor),
    openTicketsCreatedBefore: (before, cursor) => openTickets(INDEX.ticketByOpenCreated, before, cursor),

    async allTickets(cursor, limit) {
      let q = tickets()
        .query()
        .index(INDEX.ticketByCreated)
        .where(WhereConditions.greaterThanEqualTo(0))
        .sort(Sort.ASC)
        .limit(Math.min(limit, PAGE));
      if (cursor) q = q.cursor(cursor);
      const page = await kvsCall('tickets', () => q.getMany());
      return {
        items: page.results.map((r) => {
          const e = parseStored(TicketEntityV1, r.value, 'ticket');
          return { value: e.record, rev: e.rev };
        }),
        cursor: page.nextCursor ?? null,
      };
    },

    async ticketsCreatedFrom(since, limit) {
      const page = await kvsCall('tickets', () =>
        tickets()
          .query()
          .index(INDEX.ticketByCreated)
          .where(WhereConditions.greaterThanEqualTo(since))
          .sort(Sort.ASC)
          .limit(Math.min(limit, PAGE))
          .getMany(),
      );
      return page.results.map((r) => recordOf(r.value));
    },

    ticketsByActivity,
    atRiskTickets,
  };
}
