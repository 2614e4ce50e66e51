import { z } from 'zod';
import { StatusCategorySchema } from './waypoint';

export const StatusRefSchema = z.object({ id: z.string(), name: z.string(), category: StatusCategorySchema }).strict();
export type StatusRef = z.infer<typeof StatusRefSchema>;

const base = {
  /** Natural idempotency key: issue id + changelog id, comment id (+ version), … (DESIGN.md data flow 1). */
  key: z.string().min(1).max(300),
  issueId: z.string().min(1),
  issueKey: z.string().min(1),
  projectId: z.string().min(1),
  /** When it happened in Jira (epoch ms), not when it reached us. */
  at: z.number().int(),
  /** Who caused it; null for automation or when Jira does not say. */
  actorId: z.string().nullable(),
};

/** A domain view of one thing that happened to a ticket (normalised from `avi:jira:*:issue`). */
export const LifecycleEventSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...base,
      type: z.literal('created'),
      reporterId: z.string().nullable(),
      requestTypeId: z.string().nullable(),
      priority: z.string().nullable(),
      status: StatusRefSchema,
      assigneeId: z.string().nullable(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('status-changed'), from: StatusRefSchema, to: StatusRefSchema }).strict(),
  z
    .object({
      ...base,
      type: z.literal('reassigned'),
      fromAssigneeId: z.string().nullable(),
      toAssigneeId: z.string().nullable(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('resolved'), resolution: z.string().nullable() }).strict(),
  z.object({ ...base, type: z.literal('reopened'), to: StatusRefSchema }).strict(),
  z
    .object({
      ...base,
      type: z.literal('agent-comment'),
      commentId: z.string(),
      public: z.boolean(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('requester-comment'),
      commentId: z.string(),
      public: z.boolean(),
      /** Plain text of the comment body (ADF already converted). */
      text: z.string(),
      /** Bumps when the comment is edited, so a new score replaces the cached one. */
      version: z.number().int(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('deleted') }).strict(),
]);
export type LifecycleEvent = z.infer<typeof LifecycleEventSchema>;
export type LifecycleEventType = LifecycleEvent['type'];
