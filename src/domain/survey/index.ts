/** Survey rules: when a plan asks, fatigue, the ask's life (expiry, one reminder) and answers. Pure. */
export { evaluateSurveyPlans } from './evaluate';
export type { PlanDecision, SurveyEvaluation, SurveyEvaluationInput } from './evaluate';
export type { RequesterHistory, SurveyTrigger, TicketAsk, TicketSurveyState } from './survey-inputs';
export { matchWaypoint, statusCategoryAfter } from './waypoint-match';
export type { WaypointHit, WaypointMatch, WaypointMiss } from './waypoint-match';
export { askIdFor, newAsk, snapshotQuestion } from './create-ask';
export type { NewAskInput } from './create-ask';
export { dueForExpiry, dueForReminder, expire, isOpen, markReminded, withdraw } from './ask-lifecycle';
export type { AskResult } from './ask-lifecycle';
export { recordAnswer } from './record-answer';
export type { AnswerChannel, AnswerInput, LinkChannel } from './record-answer';
export { samplingDraw, seededRandom } from './random';
export type { Random } from './random';
export { ASK_REFUSAL_CODES, PLAN_REFUSAL_CODES } from './reasons';
export type { AskRefusalCode, PlanRefusalCode } from './reasons';
