/** The agent's side: the experience panel, "ask for feedback now" and "follow-up done". */
import { effectiveConfig } from './load-config';
import type { AskSummary, ManualPlanView, TicketExperienceView, TimelineEntry } from '../contracts/agent';
import type { Ask } from '../domain/ask';
import { normalisedScore } from '../domain/question';
import { scopeMatches } from '../domain/scope';
import { markFollowUpDone as markDone, moodOf, ticketSignals, type TicketExperience } from '../domain/ticket';
import type { Signal } from '../domain/signal';
import { ForbiddenError, NotFoundError, RefusedError } from './errors';
import { afterCommit } from './handle-lifecycle-event';
import type { AppPorts, CallerJira, StoredConfig } from './ports';
import type { TicketRecord } from './records';
import { evaluatePlans, withdrawnAsks } from './survey-delivery';
import {
  commitTicketWrite,
  deriveRecord,
  followUpOf,
  keepDecisions,
  propertyOf,
  riskOf,
  surveyStateOf,
  upsertAskSummaries,
  withOptimisticRetry,
} from './ticket-change';

export async function assertAgent(caller: CallerJira, issueId: string): Promise<void> {
  if (!(await caller.canBrowseIssue(issueId))) throw new ForbiddenError('You need permission to browse this issue.');
}

function moodLabel(mood: number | null): 'negative' | 'neutral' | 'positive' | 'unknown' {
  if (mood === null) return 'unknown';
  return mood <= -0.05 ? 'negative' : mood >= 0.05 ? 'positive' : 'neutral';
}

function timelineOf(signal: Signal): TimelineEntry {
  switch (signal.kind) {
    case 'answer':
      return {
        id: signal.id,
        at: signal.at,
        kind: 'answer',
        title: `Answered ${signal.score} (${signal.questionKind})`,
        detail: signal.comment,
        tone: signal.favourable ? 'good' : 'bad',
      };
    case 'comment-sentiment':
      return {
        id: signal.id,
        at: signal.at,
        kind: 'comment-sentiment',
        title: signal.s <= -0.05 ? 'Negative tone detected' : 'Requester comment',
        detail: signal.negativeSentences[0] ?? null,
        tone: signal.s <= -0.05 ? 'bad' : 'neutral',
      };
    case 'chaser':
      return {
        id: signal.id,
        at: signal.at,
        kind: 'chaser',
        title: 'Requester asked for an update',
        detail: signal.excerpt,
        tone: 'bad',
      };
    case 'sla-breached':
      return {
        id: signal.id,
        at: signal.at,
        kind: 'sla-breached',
        title: `SLA breached: ${signal.slaName}`,
        detail: null,
        tone: 'bad',
      };
    case 'reopened':
      return { id: signal.id, at: signal.at, kind: 'reopened', title: 'Reopened', detail: null, tone: 'bad' };
    case 'reassigned':
      return {
        id: signal.id,
        at: signal.at,
        kind: 'reassigned',
        title: `Reassigned (${signal.count})`,
        detail: null,
        tone: signal.count > 1 ? 'bad' : 'neutral',
      };
  }
}

function indicatorsOf(e: TicketExperience): TicketExperienceView['indicators'] {
  const mood = moodOf(e);
  const last = e.answers[e.answers.length - 1];
  const breached = e.slas.filter((s) => s.breached);
  return [
    {
      id: 'csat',
      state: last === undefined ? 'missing' : last.favourable ? 'good' : 'bad',
      detail: last === undefined ? 'No answer yet' : `Last answer ${last.score}`,
    },
    {
      id: 'sentiment',
      state: mood === null ? 'missing' : mood.mood > -0.05 ? 'good' : 'bad',
      detail: mood === null ? 'No scorable requester comment' : `Mood ${mood.mood.toFixed(2)}`,
    },
    {
      id: 'sla',
      state: e.slas.length === 0 ? 'missing' : breached.length > 0 ? 'bad' : 'good',
      detail: breached.length > 0 ? `Breached: ${breached.map((s) => s.name).join(', ')}` : `${e.slas.length} SLA(s)`,
    },
    {
      id: 'reopen',
      state: e.resolutions.length === 0 ? 'missing' : e.reopens.length + e.reopensDropped > 0 ? 'bad' : 'good',
      detail: `${e.reopens.length + e.reopensDropped} reopen(s)`,
    },
    {
      id: 'chaser',
      state: e.chasers.length + e.chasersDropped > 0 ? 'bad' : 'good',
      detail: `${e.chasers.length + e.chasersDropped} chaser(s)`,
    },
  ];
}

/** More manual plans than this on one ticket is a configuration smell; the panel offers the first ones. */
const MANUAL_PLANS_SHOWN = 10;

/**
 * The manual plans an agent may pick on this ticket (enabled, in scope), each with the fatigue rule
 * that would refuse an ask now, found by the same evaluation `askNow` runs. The sampling draw is
 * made afresh at each ask, so the preview leaves it out (only a 0 % sample always refuses).
 */
async function manualPlansOf(
  ports: AppPorts,
  config: StoredConfig,
  record: TicketRecord,
  agentId: string,
  now: number,
): Promise<ManualPlanView[]> {
  const state = surveyStateOf(record);
  const plans = config.plans
    .filter((p) => p.enabled && p.waypoint.kind === 'manual' && scopeMatches(p.scope, state))
    .slice(0, MANUAL_PLANS_SHOWN);
  return Promise.all(
    plans.map(async (plan) => {
      const preview = {
        ...plan,
        fatigue: { ...plan.fatigue, samplingPercent: plan.fatigue.samplingPercent > 0 ? 100 : 0 },
      };
      const { decisions } = await evaluatePlans(
        ports,
        { ...config, plans: [preview] },
        { kind: 'manual', agentId },
        state,
        now,
      );
      const decision = decisions[0];
      return {
        planId: plan.id,
        planName: plan.name,
        refusal:
          decision === undefined || decision.asked ? null : { reason: decision.reason, message: decision.message },
      };
    }),
  );
}

export async function getTicketExperience(
  ports: AppPorts,
  caller: CallerJira,
  agentId: string,
  issueId: string,
): Promise<TicketExperienceView> {
  await assertAgent(caller, issueId);
  const [config, ticket] = await Promise.all([effectiveConfig(ports), ports.store.getTicket(issueId)]);
  if (ticket === null) throw new NotFoundError('Sentio has not seen this ticket yet.');
  const record = ticket.value;
  const e = record.experience;
  const now = ports.clock.now();
  const risk = riskOf(e, now, config.xlas);
  const mood = moodOf(e)?.mood ?? null;
  const trajectory: Array<{ at: number; mood: number }> = [];
  const scored = e.requesterComments.filter((c) => c.s !== null);
  scored.forEach((c, i) => {
    const upTo = scored.slice(0, i + 1);
    const m = moodOf({ ...e, requesterComments: upTo });
    if (m !== null) trajectory.push({ at: c.at, mood: m.mood });
  });
  const planName = (id: string) => config.plans.find((p) => p.id === id)?.name ?? id;
  const asks: AskSummary[] = [];
  for (const a of record.asks) {
    const stored = await ports.store.getAsk(a.id);
    if (stored === null) continue;
    asks.push(askSummary(stored.ask, planName(a.planId)));
  }
  const last = e.answers[e.answers.length - 1];
  const followUp = followUpOf(e);
  const signals = ticketSignals(e);
  return {
    issueKey: e.issueKey,
    mood,
    moodLabel: moodLabel(mood),
    moodTrajectory: trajectory,
    risk: { level: risk.level, score: risk.score, reasons: risk.reasons.map((r) => ({ code: r.code, text: r.text })) },
    timeline: signals.map(timelineOf).sort((a, b) => a.at - b.at),
    indicators: indicatorsOf(e),
    asks,
    planDecisions: record.decisions,
    manualPlans: await manualPlansOf(ports, config, record, agentId, now),
    lastScore:
      last === undefined
        ? null
        : { kind: last.questionKind, score: last.score, normalised: normalisedScore(last.questionKind, last.score) },
    followUp: followUp === null ? null : { needed: followUp.needed, doneAt: followUp.doneAt, doneBy: null },
  };
}

export function askSummary(ask: Ask, planName: string): AskSummary {
  return {
    id: ask.id,
    planId: ask.planId,
    planName,
    waypoint: ask.waypoint,
    status: ask.status,
    questionKind: ask.question.kind,
    questionText: ask.question.text,
    createdAt: ask.createdAt,
    expiresAt: ask.expiresAt,
    score: ask.answer?.score ?? null,
    midFlight: ask.midFlight,
  };
}

export type AskNowResult =
  { outcome: 'asked'; ask: AskSummary } | { outcome: 'refused'; reason: string; message: string };

/** A manual waypoint: still subject to every fatigue rule; a refusal says which rule. */
export async function askNow(
  ports: AppPorts,
  caller: CallerJira,
  agentId: string,
  issueId: string,
  planId: string | undefined,
): Promise<AskNowResult> {
  await assertAgent(caller, issueId);
  const result = await withOptimisticRetry(ports, async () => {
    const [config, ticket] = await Promise.all([effectiveConfig(ports), ports.store.getTicket(issueId)]);
    if (ticket === null) throw new NotFoundError('Sentio has not seen this ticket yet.');
    const now = ports.clock.now();
    const manualPlans = config.plans.filter(
      (p) => p.waypoint.kind === 'manual' && (planId === undefined || p.id === planId),
    );
    if (manualPlans.length === 0)
      throw new RefusedError('no-manual-plan', 'No survey plan is set up for manual asks on this ticket.');
    const scoped = { ...config, plans: manualPlans };
    const evaluated = await evaluatePlans(ports, scoped, { kind: 'manual', agentId }, surveyStateOf(ticket.value), now);
    const ask = evaluated.evaluation.ask;
    const decisions = keepDecisions(ticket.value.decisions, evaluated.decisions);
    if (ask === null) {
      const refusal = evaluated.decisions.find((d) => !d.asked);
      return {
        kind: 'refused' as const,
        reason: refusal?.reason ?? 'refused',
        message: refusal?.message ?? 'No plan asked.',
        decisions,
      };
    }
    const withdrawn = await withdrawnAsks(ports, evaluated.evaluation.withdraw);
    const asks = upsertAskSummaries(ticket.value.asks, [ask, ...withdrawn]);
    const derived = deriveRecord({ ...ticket.value, asks, decisions }, config, now);
    const property = propertyOf(derived.record.experience, derived.risk, asks, now);
    const saved = await commitTicketWrite(ports, config, {
      before: ticket,
      after: { ...derived.record, property },
      asks: [ask, ...withdrawn],
    });
    return {
      kind: 'asked' as const,
      ask,
      saved,
      property,
      config,
      planName: manualPlans.find((p) => p.id === ask.planId)?.name ?? ask.planId,
    };
  });
  if (result.kind === 'refused') return { outcome: 'refused', reason: result.reason, message: result.message };
  await afterCommit(ports, result.config, result.saved, result.property);
  return { outcome: 'asked', ask: askSummary(result.ask, result.planName) };
}

export async function markFollowUpDone(
  ports: AppPorts,
  caller: CallerJira,
  agentId: string,
  issueId: string,
): Promise<{ needed: boolean; doneAt: number | null; doneBy: string | null }> {
  await assertAgent(caller, issueId);
  const saved = await withOptimisticRetry(ports, async () => {
    const [config, ticket] = await Promise.all([effectiveConfig(ports), ports.store.getTicket(issueId)]);
    if (ticket === null) throw new NotFoundError('Sentio has not seen this ticket yet.');
    const pending = followUpOf(ticket.value.experience);
    if (pending === null || pending.askId === null)
      throw new RefusedError('no-low-score', 'There is no low score to follow up on this ticket.');
    if (!pending.needed) return { record: ticket.value, config, property: null };
    const now = ports.clock.now();
    const experience = markDone(ticket.value.experience, pending.askId, now);
    const derived = deriveRecord({ ...ticket.value, experience }, config, now);
    const property = propertyOf(experience, derived.risk, derived.record.asks, now);
    const record: TicketRecord = await commitTicketWrite(ports, config, {
      before: ticket,
      after: { ...derived.record, property },
    });
    return { record, config, property };
  });
  await afterCommit(ports, saved.config, saved.record, saved.property);
  const done = followUpOf(saved.record.experience);
  return {
    needed: done?.needed ?? false,
    doneAt: done?.doneAt ?? null,
    doneBy: done?.doneAt === null ? null : agentId,
  };
}
