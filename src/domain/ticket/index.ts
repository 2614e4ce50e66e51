export {
  EXPERIENCE_LIMITS,
  TicketExperienceSchema,
  StatusEntrySchema,
  AssignmentSchema,
  RequesterCommentSchema,
  ChaserSchema,
  SlaStateSchema,
  AnswerRecordSchema,
  emptyExperience,
  assigneeChanges,
  reassignmentCount,
  reopenCount,
  chaserCount,
  wasAssigned,
  isDone,
  lastResolvedAt,
  storedSize,
  type TicketExperience,
  type TicketIdentity,
  type StatusEntry,
  type Assignment,
  type RequesterComment,
  type Chaser,
  type SlaState,
  type AnswerRecord,
} from './experience';
export { applyEvent, applyEvents, type ApplyEventDeps, type Applied, type CommentScore } from './apply-event';
export { applySlaState, SlaMetricSchema, SlaCycleSchema, SlaPageSchema, type SlaMetric, type SlaPage } from './sla';
export { applyAnswer, markFollowUpDone } from './answers';
export { ticketSignals, signalsAdded } from './signals';
export { ticketMood, NEGATIVE_MOOD, POSITIVE_MOOD } from './mood';
export { isWaitingForSupport, waitingForSupportMs } from './waiting';
export { ticketOutcomes, segmentOf, moodOf, csatAnswer } from './outcomes';
export {
  assessRisk,
  RISK_BANDS,
  type RiskAssessment,
  type RiskLevel,
  type RiskReason,
  type RiskReasonCode,
  type RiskFacts,
  type RiskOptions,
} from './risk';
