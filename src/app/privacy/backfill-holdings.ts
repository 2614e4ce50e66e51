/**
 * The hourly back-fill of account rows and links for data stored before every held account id was
 * recorded with its write: until then only a ticket's first reporter had a row. Each run walks a
 * bounded number of tickets (with their asks) and then audit entries, oldest first, and records
 * every id they hold; where it stands is kept in the `account-backfill` document as a value of the
 * sort attribute, because query cursors must not be persisted
 * (mirror/storage-reference/entities-api-query/index.md, "query.cursor"). Data written after this
 * change records its own ids, so one pass over what existed is enough; the job then only reads
 * its document. docs/storage.md, "Account rows and links".
 */
import type { AccountBackfillState, AccountHolding, AppPorts } from '../ports';
import { holdingsOf, isAccountId } from './account-holdings';

/** Pages of 100 tickets per run: each ticket costs one query of its asks. */
const TICKET_PAGES = 3;
const AUDIT_PAGES = 3;
const PAGE = 100;

const START: AccountBackfillState = { phase: 'tickets', since: 0, seen: [], finishedAt: null };

export interface BackfillResult {
  readonly phase: AccountBackfillState['phase'];
  readonly tickets: number;
  readonly auditEntries: number;
}

/**
 * The next position after a page sorted by `at`: the last value reached and the keys done at
 * exactly that value (a page can stop inside a run of equal values). A full page of keys all at
 * the position already (more equal values than a page) moves past that value.
 */
export function advance(
  state: { readonly since: number; readonly seen: readonly string[] },
  page: ReadonlyArray<{ readonly key: string; readonly at: number }>,
): { since: number; seen: string[] } {
  const last = page[page.length - 1];
  if (last === undefined) return { since: state.since, seen: [...state.seen] };
  const carried = last.at === state.since ? state.seen : [];
  const seen = [...new Set([...carried, ...page.filter((r) => r.at === last.at).map((r) => r.key)])];
  return seen.length >= PAGE ? { since: last.at + 1, seen: [] } : { since: last.at, seen };
}

export async function backfillHoldings(ports: AppPorts): Promise<BackfillResult> {
  const stored = await ports.documents.getDoc('account-backfill');
  let state = stored?.value ?? START;
  if (state.phase === 'done') return { phase: 'done', tickets: 0, auditEntries: 0 };
  let tickets = 0;
  let auditEntries = 0;
  const now = ports.clock.now();
  for (let i = 0; i < TICKET_PAGES && state.phase === 'tickets'; i++) {
    const page = await ports.tickets.ticketsCreatedFrom(state.since, PAGE);
    const done = new Set(state.seen);
    const fresh = page.filter((t) => !(t.createdAt === state.since && done.has(t.ticketId)));
    const holdings: AccountHolding[] = [];
    for (const ticket of fresh) holdings.push(...holdingsOf(ticket, await ports.asks.asksOnTicket(ticket.ticketId)));
    await ports.accounts.recordHoldings(holdings, now);
    tickets += fresh.length;
    const next = advance(
      state,
      page.map((t) => ({ key: t.ticketId, at: t.createdAt })),
    );
    state = page.length < PAGE ? { ...START, phase: 'audit' } : { ...state, ...next };
  }
  for (let i = 0; i < AUDIT_PAGES && state.phase === 'audit'; i++) {
    const page = await ports.audit.auditFrom(state.since, PAGE);
    const done = new Set(state.seen);
    const fresh = page.filter((e) => !(e.at === state.since && done.has(e.id)));
    await ports.accounts.recordHoldings(
      fresh
        .filter((e) => isAccountId(e.actorId))
        .map((e) => ({ accountId: e.actorId, holder: { kind: 'audit' as const, id: e.id } })),
      now,
    );
    auditEntries += fresh.length;
    const next = advance(
      state,
      page.map((e) => ({ key: e.id, at: e.at })),
    );
    state = page.length < PAGE ? { phase: 'done', since: 0, seen: [], finishedAt: now } : { ...state, ...next };
  }
  await ports.documents.putDoc('account-backfill', state, stored?.rev ?? 0);
  return { phase: state.phase, tickets, auditEntries };
}
