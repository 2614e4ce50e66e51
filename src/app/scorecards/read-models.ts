/**
 * What the service owner's use cases return: read models in the domain's words. The project
 * resolvers answer them as they are, and TypeScript checks there that each still fits its contract
 * (src/contracts/project.ts); a contract that diverges gets a mapping in the handler.
 */
import type { QuestionKind } from '../../domain/question';
import type { FATIGUE_REASONS } from '../../domain/rollup';
import type { DayRange, StatusBand } from '../../domain/scoring';
import type { RiskFacts } from '../../domain/ticket';

/** The dashboard window: rolling 7/30/90 days or the calendar month to date. */
export type DashboardWindow = '7d' | '30d' | '90d' | 'month';

/** A survey answer as the requester gave it: the question kind and the raw score on its scale. */
export interface AnswerRef {
  kind: QuestionKind;
  score: number;
}

/** One XLA over one request type (SCORING.md §3 "watermelon"): SLA green, experience red? */
export interface WatermelonRow {
  xlaId: string;
  requestTypeId: string | null;
  requestTypeName: string | null;
  /** The `sla` indicator's decayed rate; null when no SLA applied or the XLA has no `sla`. */
  slaMetRate: number | null;
  slaTickets: number;
  xlaScore: number | null;
  operations: number | null;
  status: StatusBand;
  sampleSize: number;
  tickets: number;
  flagged: boolean;
  basis: 'csat' | 'sentiment' | null;
  upper: number | null;
  threshold: number | null;
}

/** A ticket behind a watermelon flag: SLA met, yet a low answer or a low mood. */
export interface WatermelonTicket {
  issueKey: string;
  slaMet: true;
  lastScore: AnswerRef | null;
  mood: number | null;
  at: number;
}

export interface AtRiskTicket {
  issueKey: string;
  riskLevel: 'low' | 'medium' | 'high';
  riskScore: number;
  /** Strongest first, with the figures a view words them from (RiskFacts). */
  reasons: Array<{ code: string; text: string; facts: RiskFacts }>;
  mood: number | null;
  lastScore: AnswerRef | null;
  requestTypeId: string | null;
  requestTypeName: string | null;
  /** Null when nobody is assigned; `name` null when Jira does not say who it is. */
  assignee: { name: string | null } | null;
  /** Hours since the ticket was raised; null when its creation was never seen. */
  ageHours: number | null;
}

/** The requester's own words: an answer's comment, or a negative sentence of a public comment. */
export interface Verbatim {
  id: string;
  issueKey: string;
  at: number;
  source: 'answer' | 'comment';
  text: string;
  band: 'negative' | 'neutral' | 'positive';
  score: AnswerRef | null;
  /** The reason chips the requester picked with this answer, in the viewer's words (none for a comment). */
  reasons: string[];
  /** The same chips' ids, place by place. */
  reasonIds: string[];
  requestTypeId: string | null;
  requestTypeName: string | null;
}

/** How often each reason chip was picked, in the survey answers a page of verbatims read. */
export interface ReasonCount {
  /** The chip counted: answers are counted by chip id, so rewording or moving a chip keeps its count. */
  chipId: string;
  /** The chip's words in the viewer's locale (English where the plan has none; as answered if the chip was removed since). */
  reason: string;
  band: Verbatim['band'];
  count: number;
}

export interface ResponseStats {
  range: DayRange;
  sent: number;
  answered: number;
  expired: number;
  responseRate: number | null;
  requestersAsked: number;
  requestersSaturated: boolean;
  meanAsksPerRequester: number | null;
  suppressed: Array<{ reason: (typeof FATIGUE_REASONS)[number]; count: number }>;
  requesterComments: number;
  notScoredLanguage: number;
}
