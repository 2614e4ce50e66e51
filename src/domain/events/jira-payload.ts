import { z } from 'zod';
import { STATUS_CATEGORIES, type StatusCategory } from '../waypoint';
import { parseWith, type Parsed } from '../validation';

/*
 * Payloads of the Jira product events a Forge trigger receives.
 * https://developer.atlassian.com/platform/forge/events-reference/jira/
 *
 * Jira adds fields freely and leaves many out depending on the event, so every object is loose
 * (unknown keys pass through) and every field we do not need is optional or nullable. Only what
 * normalisation relies on is required: the issue id and key, the project id, the changelog id, the
 * comment id, author and creation time, and (for a created issue) its status.
 */

export const JIRA_EVENT_TYPES = [
  'avi:jira:created:issue',
  'avi:jira:updated:issue',
  'avi:jira:commented:issue',
  'avi:jira:assigned:issue',
  'avi:jira:deleted:issue',
] as const;
export type JiraEventType = (typeof JIRA_EVENT_TYPES)[number];

const KNOWN_CATEGORIES: ReadonlySet<string> = new Set(STATUS_CATEGORIES);

/** Jira also has a legacy "No category" key (`undefined`); such a status is treated as in progress. */
const CategoryKeySchema = z
  .string()
  .transform((key): StatusCategory => (KNOWN_CATEGORIES.has(key) ? (key as StatusCategory) : 'indeterminate'));

export const JiraUserSchema = z.looseObject({
  accountId: z.string().min(1),
  /** `atlassian`, `app` (automation, other apps) or `customer` (JSM portal-only account). */
  accountType: z.string().optional(),
});
export type JiraUser = z.infer<typeof JiraUserSchema>;

export const JiraStatusSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  statusCategory: z.looseObject({ key: CategoryKeySchema }),
});
export type JiraStatus = z.infer<typeof JiraStatusSchema>;

const NamedRefSchema = z.looseObject({ id: z.string(), name: z.string().optional() });

export const JiraIssueFieldsSchema = z.looseObject({
  project: z.looseObject({ id: z.string().min(1), key: z.string().optional() }),
  status: JiraStatusSchema.optional(),
  assignee: JiraUserSchema.nullable().optional(),
  reporter: JiraUserSchema.nullable().optional(),
  creator: JiraUserSchema.nullable().optional(),
  priority: NamedRefSchema.nullable().optional(),
  issuetype: NamedRefSchema.nullable().optional(),
  resolution: NamedRefSchema.nullable().optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
});
export type JiraIssueFields = z.infer<typeof JiraIssueFieldsSchema>;

export const JiraIssueSchema = z.looseObject({
  id: z.string().min(1),
  key: z.string().min(1),
  fields: JiraIssueFieldsSchema,
});
export type JiraIssue = z.infer<typeof JiraIssueSchema>;

export const JiraChangelogItemSchema = z.looseObject({
  field: z.string(),
  fieldId: z.string().optional(),
  fieldtype: z.string().optional(),
  from: z.string().nullable().optional(),
  fromString: z.string().nullable().optional(),
  to: z.string().nullable().optional(),
  toString: z.string().nullable().optional(),
});
export type JiraChangelogItem = z.infer<typeof JiraChangelogItemSchema>;

export const JiraChangelogSchema = z.looseObject({
  id: z.string().min(1),
  items: z.array(JiraChangelogItemSchema),
});
export type JiraChangelog = z.infer<typeof JiraChangelogSchema>;

export const JiraCommentSchema = z.looseObject({
  id: z.string().min(1),
  author: JiraUserSchema,
  updateAuthor: JiraUserSchema.optional(),
  /** Atlassian Document Format; converted to text by the caller's `toText`. */
  body: z.unknown(),
  created: z.string().min(1),
  updated: z.string().optional(),
  /** JSM: false for an internal note, true for a reply the customer sees. Absent outside JSM. */
  jsdPublic: z.boolean().optional(),
  /** Outside JSM a restricted comment carries a visibility (role or group). */
  visibility: z.looseObject({ type: z.string().optional(), value: z.string().optional() }).nullable().optional(),
});
export type JiraComment = z.infer<typeof JiraCommentSchema>;

/**
 * When the event occurred, in epoch milliseconds. The events reference documents a string
 * ("1700000000000"); a number is accepted too. An unreadable value is dropped, not the event:
 * normalisation then falls back on the issue's `updated` time.
 */
const EventTimestampSchema = z
  .unknown()
  .transform((v): number | undefined => {
    const n = typeof v === 'string' && /^\d{1,16}$/.test(v.trim()) ? Number(v.trim()) : v;
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : undefined;
  })
  .optional();
const common = {
  issue: JiraIssueSchema,
  /** The user who caused the event; absent for some automation. */
  atlassianId: z.string().optional(),
  // Documented as "an object containing an array of users"; delivered as the bare array too.
  associatedUsers: z
    .union([z.array(JiraUserSchema), z.looseObject({ associatedUsers: z.array(JiraUserSchema) })])
    .optional(),
  /** True when the app's own write caused the event (when the trigger does not filter them out). */
  selfGenerated: z.boolean().optional(),
  timestamp: EventTimestampSchema,
};

export const JiraIssueCreatedSchema = z.looseObject({
  ...common,
  eventType: z.literal('avi:jira:created:issue'),
  // A created issue without a status cannot start a timeline, so it is required here.
  issue: JiraIssueSchema.extend({ fields: JiraIssueFieldsSchema.extend({ status: JiraStatusSchema }) }),
});
export const JiraIssueUpdatedSchema = z.looseObject({
  ...common,
  eventType: z.literal('avi:jira:updated:issue'),
  changelog: JiraChangelogSchema,
});
export const JiraIssueCommentedSchema = z.looseObject({
  ...common,
  eventType: z.literal('avi:jira:commented:issue'),
  comment: JiraCommentSchema,
});
export const JiraIssueAssignedSchema = z.looseObject({
  ...common,
  eventType: z.literal('avi:jira:assigned:issue'),
  changelog: JiraChangelogSchema.optional(),
});
export const JiraIssueDeletedSchema = z.looseObject({
  ...common,
  eventType: z.literal('avi:jira:deleted:issue'),
});

export const JiraEventPayloadSchema = z.discriminatedUnion('eventType', [
  JiraIssueCreatedSchema,
  JiraIssueUpdatedSchema,
  JiraIssueCommentedSchema,
  JiraIssueAssignedSchema,
  JiraIssueDeletedSchema,
]);
export type JiraEventPayload = z.infer<typeof JiraEventPayloadSchema>;

/** Validates what a Forge trigger received; a refusal names every field that is wrong. */
export function parseJiraEvent(input: unknown): Parsed<JiraEventPayload> {
  return parseWith(JiraEventPayloadSchema, input);
}

const RequestTypeFieldSchema = z.looseObject({ requestType: z.looseObject({ id: z.string().min(1) }) });

/**
 * The JSM request type id. It lives in a site-specific custom field ("Customer Request Type",
 * often `customfield_10010`), so we look for any custom field holding `requestType.id`.
 */
export function requestTypeIdOf(fields: Readonly<Record<string, unknown>>): string | null {
  for (const [name, value] of Object.entries(fields)) {
    if (!name.startsWith('customfield_') || value === null || typeof value !== 'object') continue;
    const parsed = RequestTypeFieldSchema.safeParse(value);
    if (parsed.success) return parsed.data.requestType.id;
  }
  return null;
}
