/**
 * Shared set-up of the reliability suite: a throwaway local host running the real handlers, the
 * admin and portal calls the suite needs, and a reader of the app's stored state (tickets, rollup
 * buckets) through the app's own KVS adapter, inside an invocation of that host.
 */
import { startHost, type HostOptions, type RunningHost } from '../../../local/index';
import type { Handler } from '../../../local/platform';
import { adminResolvers, portalResolvers, type ResolverContract } from '../../../src/contracts';
import type { z } from 'zod';
import type { StoredBucket, TicketRecord } from '../../../src/app/tickets/ticket-record';
import { createKvsStores } from '../../../src/platform/kvs-store';
import { rollupCells, rollupOf, rollupOfBuckets, type Cell } from '../../../src/domain/rollup';
import type { SurveyPlanInput } from '../../../src/domain/survey-plan';
import { recordFigures } from './figures';

/** Monday 5 January 2026, 09:00 UTC: every simulated journey starts from here. */
export const T0 = Date.UTC(2026, 0, 5, 9);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Module keys of manifest.yml the suite calls. */
export const MODULE = {
  portal: 'sentio-portal-survey',
  agent: 'sentio-issue-panel',
  admin: 'sentio-admin-page',
  project: 'sentio-project-page',
} as const;

export const ISSUE_EVENT_FUNCTION = 'issue-event';

export type Host = RunningHost;

export async function startReliabilityHost(
  opts: Partial<HostOptions> & { handlers?: Record<string, Handler> } = {},
): Promise<Host> {
  return startHost({
    dataDir: ':memory:',
    seed: 'basic',
    clock: T0,
    delayScale: 0,
    scheduler: false,
    concurrency: 1,
    ...opts,
  });
}

/** The host's deterministic PRNG (mulberry32): the suite's journeys and shuffles are the same every run. */
export { prng } from '../../../local/faults';

export type EnvelopeResult =
  { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; reason?: string } };

/** The value a resolver answered: the contract's envelope. */
export function envelopeOf(value: unknown): EnvelopeResult {
  if (typeof value === 'object' && value !== null && 'ok' in value) {
    const v = value as { ok: unknown; data?: unknown; error?: { code: string; message: string; reason?: string } };
    if (v.ok === true) return { ok: true, data: v.data };
    if (v.ok === false && v.error !== undefined) return { ok: false, error: v.error };
  }
  throw new Error(`not an envelope: ${JSON.stringify(value)}`);
}

export async function callResolver<C extends ResolverContract>(
  h: Host,
  moduleKey: string,
  contract: C,
  payload: unknown,
  accountId: string,
  extension: Record<string, unknown> = {},
): Promise<z.output<C['response']>> {
  const result = await h.invoke(moduleKey, contract.name, payload, accountId, extension);
  if (!result.ok) throw new Error(`${contract.name} failed: ${result.error?.message ?? 'unknown'}`);
  const env = envelopeOf(result.value);
  if (!env.ok) throw new Error(`${contract.name} answered ${env.error.code}: ${env.error.message}`);
  return contract.response.parse(env.data) as z.output<C['response']>;
}

export function adminId(h: Host): string {
  const id = h.users.admins[0];
  if (id === undefined) throw new Error('the basic site has no admin');
  return id;
}

/** Saves survey plans through the admin resolver, as an admin would. */
export async function installPlans(h: Host, plans: readonly SurveyPlanInput[]): Promise<void> {
  for (const plan of plans) await callResolver(h, MODULE.admin, adminResolvers.savePlan, { plan }, adminId(h));
}

/** A resolved-waypoint CSAT plan without cooldown, so every journey that resolves gets an ask. */
export const RESOLVED_CSAT_PLAN: SurveyPlanInput = {
  id: 'resolved-csat',
  name: 'How did we do?',
  waypoint: { kind: 'resolved' },
  question: { kind: 'csat5', text: 'How satisfied are you with how this was handled?' },
  fatigue: {
    samplingPercent: 100,
    cooldownHours: 0,
    maxAsksPerTicket: 5,
    noNewAskWhilePending: true,
    expiryHours: 24 * 30,
    reminder: { enabled: false, afterHours: 24 },
  },
};

/** An ask as soon as the ticket is raised (concurrency test: answers race with events). */
export const CREATED_PULSE_PLAN: SurveyPlanInput = {
  id: 'created-pulse',
  name: 'First impression',
  waypoint: { kind: 'created' },
  question: { kind: 'emoji5', text: 'How do you feel about this so far?' },
  fatigue: {
    samplingPercent: 100,
    cooldownHours: 0,
    maxAsksPerTicket: 5,
    noNewAskWhilePending: true,
    expiryHours: 24 * 30,
    reminder: { enabled: false, afterHours: 24 },
  },
};

export function portalExtension(h: Host, issueKey: string): Record<string, unknown> {
  const issue = h.site.raw.issue(issueKey);
  if (!issue) throw new Error(`no issue ${issueKey}`);
  const project = h.site.raw.project(issue.projectId);
  return {
    request: { key: issue.key, typeId: issue.requestTypeId },
    portal: { id: project?.serviceDeskId },
    project: { id: project?.id, key: project?.key, type: 'service_desk' },
  };
}

/** Answers the requester's live ask in the portal; false when there is none. */
export async function answerInPortal(h: Host, issueKey: string, requester: string, score: number): Promise<boolean> {
  const ext = portalExtension(h, issueKey);
  const mine = await callResolver(h, MODULE.portal, portalResolvers.getMyAsk, {}, requester, ext);
  if (mine.ask === null) return false;
  await callResolver(
    h,
    MODULE.portal,
    portalResolvers.answerAsk,
    { askId: mine.ask.askId, score, reasons: [], comment: null, lostTimeChoiceId: null },
    requester,
    ext,
  );
  return true;
}

export interface AppState {
  readonly tickets: ReadonlyMap<string, TicketRecord>;
  readonly buckets: readonly StoredBucket[];
}

/** Everything the app stored about tickets and rollups, read through its own adapter. */
export async function readAppState(h: Host): Promise<AppState> {
  const { value } = await h.host.runAs({ timeoutSeconds: 600 }, async () => {
    const store = createKvsStores();
    const tickets = new Map<string, TicketRecord>();
    let cursor: string | null = null;
    do {
      const page = await store.tickets.allTickets(cursor, 100);
      for (const t of page.items) tickets.set(t.value.ticketId, t.value);
      cursor = page.cursor;
    } while (cursor !== null);
    const buckets: StoredBucket[] = [];
    for (const p of h.site.raw.projects()) {
      buckets.push(...(await store.rollups.bucketsIn({ projectId: p.id, fromDay: '2000-01-01', toDay: '2100-12-31' })));
    }
    return { tickets, buckets };
  });
  return value;
}

/** The rollups as stored, summed over shards. */
export function storedRollupCells(state: AppState): Cell[] {
  return rollupCells(rollupOfBuckets(state.buckets.flatMap((b) => (b.bucket === null ? [] : [b.bucket]))));
}

/** The sum of every ticket's stored contribution: what the rollups must equal, exactly. */
export function contributionCells(state: AppState): Cell[] {
  return rollupCells(rollupOf([...state.tickets.values()].map((t) => t.contribution)));
}

/** Sum of all counts in a list of cells (a single figure for the report). */
export function totalCount(cells: readonly Cell[]): number {
  return cells.reduce((n, c) => n + c.slice(6).reduce<number>((a, v) => a + Number(v), 0), 0);
}

/** Figures the suite prints at the end of its run (each file adds its own line). */
export function reportFigures(name: string, figures: Record<string, number | string>): void {
  const line = Object.entries(figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  console.log(`[reliability] ${name}: ${line}`);
  recordFigures(name, figures);
}

/**
 * Lost races the app retried inside its invocations: an event or an answer commits one
 * transaction, so every further transaction request of the same invocation followed a failed check.
 * Admin resolvers are left out: a configuration change commits the configuration and then its
 * audit entry, two transactions with no race.
 */
export function transactionConflicts(h: Host): number {
  return h.metrics
    .invocations()
    .filter((m) => m.kind === 'trigger' || (m.kind === 'resolver' && m.moduleKey !== MODULE.admin))
    .reduce((n, m) => n + Math.max(0, (m.kvs.byPath['/api/v1/transaction'] ?? 0) - 1), 0);
}
