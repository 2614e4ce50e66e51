/** "Ask for feedback now": a manual waypoint, still subject to every fatigue rule; a refusal says which rule. */
import type { Ask } from '../../domain/ask';
import type { RefusalFacts } from '../../domain/survey/decision-summary';
import { effectiveConfig } from '../configuration/effective-config';
import { deliveryOf, type TicketDelivery } from '../delivery/deliver-ticket-change';
import { NotFoundError, RefusedError } from '../errors';
import { assertAgent } from '../experience/assert-agent';
import type { AppPorts, CallerJira } from '../ports';
import { commitTicketWrite } from '../tickets/commit-ticket-write';
import { derivedWithProperty, surveyStateOf } from '../tickets/derive-record';
import { withOptimisticRetry } from '../tickets/optimistic-retry';
import { keepDecisions, upsertAskSummaries } from '../tickets/ticket-record';
import { evaluatePlans, withdrawnAsks } from './evaluate-plans';

export type AskNowOutcome =
  | { readonly outcome: 'asked'; readonly ask: Ask; readonly planName: string; readonly delivery: TicketDelivery }
  | {
      readonly outcome: 'refused';
      readonly reason: string;
      readonly message: string;
      readonly facts?: RefusalFacts;
      readonly delivery: null;
    };

export async function askNow(
  ports: AppPorts,
  caller: CallerJira,
  agentId: string,
  issueId: string,
  planId: string | undefined,
): Promise<AskNowOutcome> {
  await assertAgent(caller, issueId);
  return withOptimisticRetry(ports, async (): Promise<AskNowOutcome> => {
    const [config, ticket] = await Promise.all([effectiveConfig(ports), ports.tickets.getTicket(issueId)]);
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
        outcome: 'refused',
        reason: refusal?.reason ?? 'refused',
        message: refusal?.message ?? 'No plan asked.',
        ...(refusal?.facts !== undefined ? { facts: refusal.facts } : {}),
        delivery: null,
      };
    }
    const withdrawn = await withdrawnAsks(ports, evaluated.evaluation.withdraw);
    const asks = upsertAskSummaries(ticket.value.asks, [ask, ...withdrawn]);
    const next = derivedWithProperty({ ...ticket.value, asks, decisions }, config, now);
    const saved = await commitTicketWrite(ports, config, {
      before: ticket,
      after: next.record,
      asks: [ask, ...withdrawn],
    });
    return {
      outcome: 'asked',
      ask,
      planName: manualPlans.find((p) => p.id === ask.planId)?.name ?? ask.planId,
      delivery: deliveryOf(config, saved, next.property),
    };
  });
}
