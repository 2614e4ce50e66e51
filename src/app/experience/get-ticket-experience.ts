/**
 * The agent panel's read of one ticket: the experience fold with its risk, mood trajectory, asks,
 * plan decisions, the manual plans an agent may ask with, and the follow-up state. The handler's
 * presenter turns it into the panel's view.
 */
import type { Ask } from '../../domain/ask';
import type { RefusalFacts } from '../../domain/survey/decision-summary';
import { scopeMatches } from '../../domain/scope';
import { applySlaState, moodOf, type RiskAssessment, type TicketExperience } from '../../domain/ticket';
import { effectiveConfig } from '../configuration/effective-config';
import { NotFoundError } from '../errors';
import type { AppPorts, CallerJira, StoredConfig } from '../ports';
import { evaluatePlans } from '../surveys/evaluate-plans';
import { followUpOf, riskOf, surveyStateOf } from '../tickets/derive-record';
import type { PlanDecisionRecord, TicketRecord } from '../tickets/ticket-record';
import { assertAgent } from './assert-agent';
import { asSlaMetrics, slaStandings, type SlaReading } from './sla-standing';

/** A manual plan the agent may pick, with the fatigue rule that would refuse an ask now (null: it would ask). */
export interface ManualPlanOption {
  readonly planId: string;
  readonly planName: string;
  readonly refusal: { readonly reason: string; readonly message: string; readonly facts?: RefusalFacts } | null;
}

export interface TicketExperienceRead {
  readonly experience: TicketExperience;
  readonly mood: number | null;
  /** Mood after each scored requester comment, oldest first. */
  readonly moodTrajectory: ReadonlyArray<{ readonly at: number; readonly mood: number }>;
  readonly risk: RiskAssessment;
  readonly asks: ReadonlyArray<{ readonly ask: Ask; readonly planName: string }>;
  readonly planDecisions: readonly PlanDecisionRecord[];
  readonly manualPlans: readonly ManualPlanOption[];
  readonly followUp: { readonly needed: boolean; readonly doneAt: number | null } | null;
  /** The SLAs as JSM computes them at this read; `experience` and `risk` already include them. */
  readonly sla: SlaReading;
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
): Promise<ManualPlanOption[]> {
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
          decision === undefined || decision.asked
            ? null
            : {
                reason: decision.reason,
                message: decision.message,
                ...(decision.facts !== undefined ? { facts: decision.facts } : {}),
              },
      };
    }),
  );
}

function moodTrajectoryOf(e: TicketExperience): Array<{ at: number; mood: number }> {
  const trajectory: Array<{ at: number; mood: number }> = [];
  const scored = e.requesterComments.filter((c) => c.s !== null);
  scored.forEach((c, i) => {
    const m = moodOf({ ...e, requesterComments: scored.slice(0, i + 1) });
    if (m !== null) trajectory.push({ at: c.at, mood: m.mood });
  });
  return trajectory;
}

export async function getTicketExperience(
  ports: AppPorts,
  caller: CallerJira,
  agentId: string,
  issueId: string,
): Promise<TicketExperienceRead> {
  // The reads start while Jira checks the agent may browse the issue; nothing is answered before it
  // says yes. JSM sends no SLA events, so the SLAs are read live here, beside the other reads: a
  // failed or capped SLA read (LIVE_SLA_TIME_CAP_MS in the Jira adapter) leaves the rest of the
  // panel whole. The glance calls this too and keeps the read: its risk lozenge counts a live
  // breach (25 points, medium on its own), so without it the glance would contradict the panel.
  const [allowed, read, live] = await Promise.allSettled([
    assertAgent(caller, issueId),
    Promise.all([effectiveConfig(ports), ports.tickets.getTicket(issueId)]),
    ports.jira.getLiveSlas(issueId),
  ]);
  if (allowed.status === 'rejected') throw allowed.reason;
  if (read.status === 'rejected') throw read.reason;
  const [config, ticket] = read.value;
  if (ticket === null) throw new NotFoundError('Sentio has not seen this ticket yet.');
  const record = ticket.value;
  const now = ports.clock.now();
  // The live SLAs replace the stored ones (read at resolution) in this read only; nothing is written.
  const e =
    live.status === 'fulfilled'
      ? applySlaState(record.experience, asSlaMetrics(live.value.slas), now).experience
      : record.experience;
  const sla: SlaReading =
    live.status === 'fulfilled'
      ? { read: 'read', slas: slaStandings(live.value.slas), more: live.value.more }
      : { read: 'failed' };
  const planName = (id: string) => config.plans.find((p) => p.id === id)?.name ?? id;
  // The asks and the manual plans' previews together: one round trip, however many asks.
  const [stored, manualPlans] = await Promise.all([
    Promise.all(record.asks.map((a) => ports.asks.getAsk(a.id))),
    manualPlansOf(ports, config, record, agentId, now),
  ]);
  const asks: Array<{ ask: Ask; planName: string }> = record.asks.flatMap((a, i) => {
    const s = stored[i];
    return s === null || s === undefined ? [] : [{ ask: s.ask, planName: planName(a.planId) }];
  });
  const followUp = followUpOf(e);
  return {
    experience: e,
    mood: moodOf(e)?.mood ?? null,
    moodTrajectory: moodTrajectoryOf(e),
    risk: riskOf(e, now, config.xlas),
    asks,
    planDecisions: record.decisions,
    manualPlans,
    followUp: followUp === null ? null : { needed: followUp.needed, doneAt: followUp.doneAt },
    sla,
  };
}
