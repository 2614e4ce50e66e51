import { z } from 'zod';
import { StatusRefSchema } from '../lifecycle-event';
import { QuestionKindSchema } from '../question';
import { WAYPOINT_KINDS } from '../waypoint';

/**
 * How much history one ticket's record keeps. The record lives in one Forge KVS value (≤ 240 KiB),
 * so every list is capped and every stored text truncated; the caps are chosen so the worst case
 * (every text at its cap, three bytes per character) stays near 200 KB — see experience-size test.
 */
export const EXPERIENCE_LIMITS = {
  /** Mood weights halve every two comments: the 30th newest weighs 2^-15 of the newest. */
  requesterComments: 30,
  negativeSentences: 3,
  sentenceChars: 200,
  /** Why a comment reads frustrated, in words ("waiting for 3 days"), at most this many per comment. */
  frustrationReasons: 3,
  reasonChars: 80,
  chasers: 30,
  excerptChars: 200,
  statusTimeline: 100,
  statusNameChars: 60,
  assignments: 50,
  reopens: 50,
  resolutions: 50,
  slas: 20,
  answers: 10,
  answerCommentChars: 1000,
  appliedKeys: 400,
  signals: 100,
} as const;

const L = EXPERIENCE_LIMITS;
const epoch = z.number().int();

/** One status the ticket entered, with whether time in it counts as waiting for support. */
export const StatusEntrySchema = z
  .object({ key: z.string(), at: epoch, status: StatusRefSchema, waitingForSupport: z.boolean() })
  .strict();
export type StatusEntry = z.infer<typeof StatusEntrySchema>;

/** A fact that happened once, identified by the event key that reported it. */
export const KeyedFactSchema = z.object({ key: z.string(), at: epoch }).strict();
export type KeyedFact = z.infer<typeof KeyedFactSchema>;

export const AssignmentSchema = z.object({ key: z.string(), at: epoch, assigneeId: z.string() }).strict();
export type Assignment = z.infer<typeof AssignmentSchema>;

export const RequesterCommentSchema = z
  .object({
    commentId: z.string(),
    at: epoch,
    version: epoch,
    /** null when the scorer could not score it (empty, not English): missing, never neutral. */
    s: z.number().min(-1).max(1).nullable(),
    negativeSentences: z.array(z.string().max(L.sentenceChars)).max(L.negativeSentences),
    chaser: z.boolean(),
    /** Why it reads frustrated, for the agent ("says it is not fixed"); records stored before it: []. */
    frustrationReasons: z.array(z.string().max(L.reasonChars)).max(L.frustrationReasons).default([]),
    /** Not scored because the English scorer cannot read its language: missing from tone, shown as such. */
    notScored: z.literal('language').optional(),
  })
  .strict();
export type RequesterComment = z.infer<typeof RequesterCommentSchema>;

export const ChaserSchema = z
  .object({ commentId: z.string(), at: epoch, version: epoch, excerpt: z.string().max(L.excerptChars) })
  .strict();
export type Chaser = z.infer<typeof ChaserSchema>;

export const SlaStateSchema = z
  .object({
    name: z.string().max(120),
    /** At least one cycle (completed or ongoing) exists: the SLA applies to this ticket. */
    applies: z.boolean(),
    breached: z.boolean(),
    breachedAt: epoch.nullable(),
  })
  .strict();
export type SlaState = z.infer<typeof SlaStateSchema>;

export const AnswerRecordSchema = z
  .object({
    askId: z.string(),
    questionKind: QuestionKindSchema,
    score: z.number().int(),
    favourable: z.boolean(),
    waypoint: z.enum(WAYPOINT_KINDS),
    midFlight: z.boolean(),
    answeredAt: epoch,
    comment: z.string().max(L.answerCommentChars).nullable(),
    /** The picked chips' English words when answered (what the agent's timeline reads). */
    reasons: z.array(z.string().max(40)).max(8),
    /** The picked chips' ids; absent on answers recorded before chips had ids (survey/chip-ids.ts). */
    reasonIds: z.array(z.string().max(40)).max(8).optional(),
    lostTimeMinutes: z.number().min(0).nullable(),
    /** When an agent closed the loop on this answer ("follow-up done"). */
    followUpDoneAt: epoch.nullable(),
  })
  .strict();
export type AnswerRecord = z.infer<typeof AnswerRecordSchema>;

/**
 * What Sentio knows about one ticket's experience: only what scoring, risk and the agent panel need.
 * Every list is kept sorted by (at, key) so the same set of facts gives the same record whatever
 * order they arrived in.
 */
export const TicketExperienceSchema = z
  .object({
    schemaVersion: z.literal(1),
    issueId: z.string().min(1),
    issueKey: z.string().min(1),
    projectId: z.string().min(1),
    /** Jira time of the event that last set issueKey/projectId (an issue can move project). */
    identityAt: epoch,
    requestTypeId: z.string().nullable(),
    priority: z.string().nullable(),
    reporterId: z.string().nullable(),
    createdAt: epoch.nullable(),
    /** The latest status by Jira time, and when it was entered. */
    status: StatusRefSchema.nullable(),
    statusAt: epoch.nullable(),
    statusTimeline: z.array(StatusEntrySchema).max(L.statusTimeline),
    /** Waiting time of timeline entries dropped for size, up to `untilAt` (the first kept entry). */
    timelineCarry: z
      .object({ untilAt: epoch, waitingMs: z.number().min(0) })
      .strict()
      .nullable(),
    resolutions: z.array(KeyedFactSchema).max(L.resolutions),
    reopens: z.array(KeyedFactSchema).max(L.reopens),
    /** Reopens dropped from `reopens` for size; the count stays exact. */
    reopensDropped: z.number().int().min(0),
    /** Every time the ticket got a (non-empty) assignee, the first one included. */
    assignments: z.array(AssignmentSchema).max(L.assignments),
    assignmentsDropped: z.number().int().min(0),
    assigneeId: z.string().nullable(),
    assigneeAt: epoch.nullable(),
    firstPublicAgentResponseAt: epoch.nullable(),
    lastPublicAgentActivityAt: epoch.nullable(),
    requesterComments: z.array(RequesterCommentSchema).max(L.requesterComments),
    chasers: z.array(ChaserSchema).max(L.chasers),
    chasersDropped: z.number().int().min(0),
    slas: z.array(SlaStateSchema).max(L.slas),
    slaCheckedAt: epoch.nullable(),
    answers: z.array(AnswerRecordSchema).max(L.answers),
    /** Keys of applied events (newest by Jira time), so a redelivery changes nothing. */
    appliedKeys: z.array(KeyedFactSchema).max(L.appliedKeys),
    deleted: z.boolean(),
    lastEventAt: epoch,
  })
  .strict();
export type TicketExperience = z.infer<typeof TicketExperienceSchema>;

export interface TicketIdentity {
  readonly issueId: string;
  readonly issueKey: string;
  readonly projectId: string;
}

export function emptyExperience(identity: TicketIdentity, at: number): TicketExperience {
  return {
    schemaVersion: 1,
    issueId: identity.issueId,
    issueKey: identity.issueKey,
    projectId: identity.projectId,
    identityAt: at,
    requestTypeId: null,
    priority: null,
    reporterId: null,
    createdAt: null,
    status: null,
    statusAt: null,
    statusTimeline: [],
    timelineCarry: null,
    resolutions: [],
    reopens: [],
    reopensDropped: 0,
    assignments: [],
    assignmentsDropped: 0,
    assigneeId: null,
    assigneeAt: null,
    firstPublicAgentResponseAt: null,
    lastPublicAgentActivityAt: null,
    requesterComments: [],
    chasers: [],
    chasersDropped: 0,
    slas: [],
    slaCheckedAt: null,
    answers: [],
    appliedKeys: [],
    deleted: false,
    lastEventAt: at,
  };
}

/** Counts that survive the caps. */
export function reopenCount(e: TicketExperience): number {
  return e.reopens.length + e.reopensDropped;
}

/**
 * Assignee changes after the first assignment (SCORING.md §1 `reassign`), each with its running
 * count. Consecutive assignments to the same person (Jira can report one assignment through both
 * the created and the assigned event) are not a change. Derived from the time-sorted set, so it
 * does not depend on arrival order.
 */
export function assigneeChanges(
  e: TicketExperience,
): { readonly assignment: Assignment; readonly fromAssigneeId: string | null; readonly count: number }[] {
  const out: { assignment: Assignment; fromAssigneeId: string | null; count: number }[] = [];
  // Beyond the cap, every dropped assignment but the first is taken as a change.
  let count = Math.max(0, e.assignmentsDropped - 1);
  e.assignments.forEach((a, i) => {
    const previous = e.assignments[i - 1];
    const isChange = previous === undefined ? e.assignmentsDropped > 0 : previous.assigneeId !== a.assigneeId;
    if (!isChange) return;
    count += 1;
    out.push({ assignment: a, fromAssigneeId: previous?.assigneeId ?? null, count });
  });
  return out;
}

export function reassignmentCount(e: TicketExperience): number {
  return assigneeChanges(e).at(-1)?.count ?? Math.max(0, e.assignmentsDropped - 1);
}

/** Whether the ticket was ever assigned (the `reassign` outcome is observable). */
export function wasAssigned(e: TicketExperience): boolean {
  return e.assignments.length + e.assignmentsDropped > 0;
}

export function chaserCount(e: TicketExperience): number {
  return e.chasers.length + e.chasersDropped;
}

export function isDone(e: TicketExperience): boolean {
  return e.status?.category === 'done';
}

/** The latest resolution, or null when the ticket was never resolved. */
export function lastResolvedAt(e: TicketExperience): number | null {
  const last = e.resolutions[e.resolutions.length - 1];
  if (last !== undefined) return last.at;
  // A missed "resolved" event still leaves a done status behind.
  return isDone(e) ? e.statusAt : null;
}

/** UTF-8 size of the record as stored (KVS counts bytes of the JSON value). */
export function storedSize(e: TicketExperience): number {
  const json = JSON.stringify(e);
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
