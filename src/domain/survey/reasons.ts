/** Why a plan did not ask: stable codes the admin UI and the agent panel show. */
export const PLAN_REFUSAL_CODES = [
  'plan-disabled',
  'waypoint-mismatch',
  'out-of-scope',
  'no-requester',
  'ticket-closed',
  'already-asked-at-waypoint',
  'ask-pending',
  'max-asks-reached',
  'cooldown',
  'sampled-out',
  'another-plan-asked',
] as const;
export type PlanRefusalCode = (typeof PLAN_REFUSAL_CODES)[number];

/** Why an answer or an ask transition was refused. */
export const ASK_REFUSAL_CODES = [
  'ask-expired',
  'ask-withdrawn',
  'ask-not-pending',
  'not-due',
  'already-reminded',
  'invalid-score',
  'unknown-reason',
  'comment-not-allowed',
  'comment-too-long',
  'lost-time-not-allowed',
  'unknown-lost-time-choice',
] as const;
export type AskRefusalCode = (typeof ASK_REFUSAL_CODES)[number];
