/**
 * Whether a JSM comment is public. Sentio tells a reply to the customer from an internal note by
 * the event's `comment.jsdPublic`, which the events reference does not document: Jira sends it on
 * JSM requests today, but nothing promises it. When it is missing on a request, the comment's
 * visibility is read from JSM itself (`public` of the request comment), so an internal note is
 * never counted as a reply under either reading; outside JSM (404) the comment's `visibility`
 * decides, as before.
 * https://developer.atlassian.com/cloud/jira/service-desk/rest/api-group-request/#api-rest-servicedeskapi-request-issueidorkey-comment-commentid-get
 */
import api, { route } from '@forge/api';
import { z } from 'zod';
import { TransientError } from '../app/errors';

const CommentEvent = z.looseObject({
  eventType: z.literal('avi:jira:commented:issue'),
  issue: z.looseObject({ id: z.string().min(1) }),
  comment: z.looseObject({ id: z.string().min(1), jsdPublic: z.boolean().optional() }),
});
const RequestComment = z.looseObject({ public: z.boolean() });

/** The event as received, with `comment.jsdPublic` filled in from JSM when Jira left it out. */
export async function withCommentVisibility(event: unknown): Promise<unknown> {
  const parsed = CommentEvent.safeParse(event);
  if (!parsed.success || parsed.data.comment.jsdPublic !== undefined) return event;
  const { issue, comment } = parsed.data;
  const res = await api.asApp().requestJira(route`/rest/servicedeskapi/request/${issue.id}/comment/${comment.id}`, {
    method: 'GET',
    headers: { Accept: 'application/json' },
  });
  if (res.status === 429 || res.status >= 500)
    throw new TransientError('Jira could not say whether a comment is public.', 30);
  if (!res.ok) return event;
  const body = RequestComment.safeParse(await res.json());
  if (!body.success) return event;
  return { ...parsed.data, comment: { ...parsed.data.comment, jsdPublic: body.data.public } };
}
