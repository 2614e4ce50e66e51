/**
 * Turning survey evaluations into asks: shared by events, the hourly job and the agent's "ask now".
 */
import type { Ask } from '../../domain/ask';
import type { SurveyPlan } from '../../domain/survey-plan';
import {
  evaluateSurveyPlans,
  seededRandom,
  withdraw,
  type SurveyEvaluation,
  type SurveyTrigger,
  type TicketSurveyState,
} from '../../domain/survey';
import type { AppPorts, StoredConfig } from '../ports';
import type { PlanDecisionRecord } from '../tickets/ticket-record';

/**
 * Sampling draws are keyed by (plan, ticket, waypoint occurrence) from this seed, so a redelivered
 * event samples the same way (src/domain/survey/random.ts).
 */
const SAMPLING_SEED = 'sentio-sampling-v1';

export interface Evaluated {
  readonly evaluation: SurveyEvaluation;
  readonly decisions: readonly PlanDecisionRecord[];
}

/**
 * Evaluates the plans; asks the store for the requester's last ask only when an ask would be
 * created and a cooldown could refuse it (saves a read on most events).
 */
export async function evaluatePlans(
  ports: AppPorts,
  config: StoredConfig,
  trigger: SurveyTrigger,
  ticket: TicketSurveyState,
  now: number,
): Promise<Evaluated> {
  const random = seededRandom(SAMPLING_SEED);
  const input = { trigger, ticket, plans: config.plans, now, random };
  let evaluation = evaluateSurveyPlans({ ...input, history: { lastAskedAt: null } });
  if (evaluation.ask !== null && ticket.reporterId !== null && config.plans.some((p) => p.fatigue.cooldownHours > 0)) {
    const last = await ports.asks.lastAskOf(ticket.reporterId);
    if (last !== null && last.ticketId !== ticket.ticketId) {
      evaluation = evaluateSurveyPlans({ ...input, history: { lastAskedAt: last.createdAt } });
    }
  }
  return {
    evaluation,
    decisions: evaluation.decisions.map((d) => ({
      planId: d.planId,
      planName: d.planName,
      asked: d.asked,
      reason: d.reason,
      message: d.message,
      ...(d.facts !== undefined ? { facts: d.facts } : {}),
      at: d.at,
    })),
  };
}

/** The pending asks a new ask replaces, withdrawn (read from the store: rare). */
export async function withdrawnAsks(ports: AppPorts, ids: readonly string[]): Promise<Ask[]> {
  const out: Ask[] = [];
  for (const id of ids) {
    const stored = await ports.asks.getAsk(id);
    if (stored === null) continue;
    const result = withdraw(stored.ask);
    if (result.ok) out.push(result.ask);
  }
  return out;
}

export function planOf(config: StoredConfig, ask: Ask): SurveyPlan | undefined {
  return config.plans.find((p) => p.id === ask.planId);
}
