/**
 * What the app holds and answers at the end of a history, in the model's words: its stored asks
 * (through the app's own KVS adapter, inside an invocation of the host), each ticket's stored
 * contribution decoded into outcomes, the agent panel's asks and plan decisions, and the project
 * scorecards the dashboard resolvers answer.
 */
import { agentResolvers, projectResolvers } from '../../../src/contracts';
import type { Scorecard } from '../../../src/domain/scorecard';
import type { TicketRecord } from '../../../src/app/tickets/ticket-record';
import type { Ask } from '../../../src/domain/ask';
import { createKvsStores } from '../../../src/platform/kvs-store';
import type { ProjectKey } from '../reference/history';
import { call, issueExtension, MODULE, type Played } from './run';

export interface ObservedAsk {
  readonly id: string;
  readonly key: string;
  readonly ref: string;
  readonly planId: string;
  readonly waypoint: string;
  readonly requester: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly midFlight: boolean;
  readonly status: string;
  readonly reminded: boolean;
  readonly answer: {
    readonly score: number;
    readonly via: string;
    readonly answeredAt: number;
    readonly reasons: readonly string[];
    readonly comment: string | null;
    readonly lostTimeChoiceId: string | null;
  } | null;
}

export interface ObservedDecision {
  readonly ref: string;
  readonly planId: string;
  readonly at: number;
  readonly asked: boolean;
  readonly reason: string;
}

export interface ObservedOutcome {
  readonly ref: string;
  readonly xlaId: string;
  readonly indicator: string;
  readonly good: boolean;
  readonly day: string;
}

export interface Observed {
  readonly asks: readonly ObservedAsk[];
  readonly decisions: readonly ObservedDecision[];
  readonly outcomes: readonly ObservedOutcome[];
  readonly scorecards: ReadonlyMap<ProjectKey, readonly Scorecard[]>;
  /** The panel's ask list agrees with the stored asks (status and score). */
  readonly panelDisagreements: readonly string[];
}

const INDICATORS = new Set(['csat', 'sentiment', 'sla', 'reopen', 'reassign', 'wait', 'chaser']);

export async function observe(played: Played): Promise<Observed> {
  const { h, refs, ids } = played;
  const { value: stored } = await h.host.runAs({ timeoutSeconds: 600 }, async () => {
    const { tickets: ticketStore, asks: askStore } = createKvsStores();
    const tickets: TicketRecord[] = [];
    let cursor: string | null = null;
    do {
      const page = await ticketStore.allTickets(cursor, 100);
      tickets.push(...page.items.map((t) => t.value));
      cursor = page.cursor;
    } while (cursor !== null);
    const asks: Ask[] = [];
    for (const t of tickets)
      for (const summary of t.asks) {
        const a = await askStore.getAsk(summary.id);
        if (a !== null) asks.push(a.ask);
      }
    return { tickets, asks };
  });

  const refOf = (issueKey: string): string => refs.get(issueKey) ?? `?${issueKey}`;
  const asks: ObservedAsk[] = stored.asks.map((a) => {
    const ref = refOf(a.issueKey);
    return {
      id: a.id,
      key: `${ref}|${a.planId}|${a.createdAt}`,
      ref,
      planId: a.planId,
      waypoint: a.waypoint,
      requester: ids.personOf(a.requesterId),
      createdAt: a.createdAt,
      expiresAt: a.expiresAt,
      midFlight: a.midFlight,
      status: a.status,
      reminded: a.remindedAt !== null,
      answer:
        a.answer === null
          ? null
          : {
              score: a.answer.score,
              via: a.answer.via,
              answeredAt: a.answer.answeredAt,
              reasons: [...a.answer.reasons],
              comment: a.answer.comment,
              lostTimeChoiceId: a.answer.lostTimeChoiceId,
            },
    };
  });

  // A ticket's stored contribution: [xla, project, request type, priority, day, slot, good, total].
  const outcomes: ObservedOutcome[] = [];
  for (const t of stored.tickets)
    for (const cell of t.contribution) {
      const [xlaId, , , , day, slot, good, total] = cell as unknown as [
        string,
        string,
        string,
        string,
        string,
        string,
        number,
        number,
      ];
      if (!INDICATORS.has(slot)) continue;
      if (total !== 1)
        outcomes.push({
          ref: refOf(t.experience.issueKey),
          xlaId,
          indicator: slot,
          good: false,
          day: `count ${total}`,
        });
      else outcomes.push({ ref: refOf(t.experience.issueKey), xlaId, indicator: slot, good: good === 1, day });
    }

  // The agent panel: the ticket's asks and the plan decisions kept for it.
  const decisions: ObservedDecision[] = [];
  const panelDisagreements: string[] = [];
  const agent = ids.person('a0');
  for (const t of stored.tickets) {
    const ref = refOf(t.experience.issueKey);
    const env = await call(
      h,
      MODULE.agent,
      agentResolvers.getTicketExperience,
      {},
      agent,
      issueExtension(h, t.experience.issueKey),
    );
    if (!env.ok) {
      panelDisagreements.push(`${ref}: panel answered ${env.error.code}`);
      continue;
    }
    const view = env.data as {
      asks: Array<{ id: string; status: string; score: number | null }>;
      planDecisions: Array<{ planId: string; asked: boolean; reason: string; at: number }>;
    };
    for (const d of view.planDecisions)
      decisions.push({ ref, planId: d.planId, at: d.at, asked: d.asked, reason: d.reason });
    for (const a of view.asks) {
      const s = stored.asks.find((x) => x.id === a.id);
      if (s === undefined || s.status !== a.status || (s.answer?.score ?? null) !== a.score)
        panelDisagreements.push(
          `${ref}: panel shows ask ${a.id} ${a.status}/${a.score}, storage ${s?.status}/${s?.answer?.score}`,
        );
    }
  }

  const scorecards = new Map<ProjectKey, Scorecard[]>();
  for (const project of ['IT', 'HR'] as const) {
    const p = h.site.raw.project(project);
    const env = await call(h, MODULE.project, projectResolvers.getScorecards, { window: '30d' }, agent, {
      project: { id: p?.id, key: project, type: 'service_desk' },
    });
    if (!env.ok) throw new Error(`getScorecards answered ${env.error.code}: ${env.error.message}`);
    scorecards.set(project, (env.data as { scorecards: Scorecard[] }).scorecards);
  }
  return { asks, decisions, outcomes, scorecards, panelDisagreements };
}
