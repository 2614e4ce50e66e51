/**
 * Which comments count for mood (SCORING.md §4): public comments by the requester — the reporter or a
 * request participant — never by agents, automation or the app itself.
 */
export interface CommentAuthorship {
  readonly authorAccountId: string;
  /** Jira account type: 'atlassian', 'customer' or 'app' (automation and Forge apps are 'app'). */
  readonly authorAccountType?: string;
  /** JSM: false for internal notes. Missing means public (plain Jira comment). */
  readonly jsdPublic?: boolean;
}

export interface TicketPeople {
  readonly reporterAccountId: string;
  readonly participantAccountIds: readonly string[];
  /** Agents of the service project; an agent who is also a participant still does not count. */
  readonly agentAccountIds: readonly string[];
  readonly appAccountId?: string;
}

export function isRequesterPublicComment(comment: CommentAuthorship, people: TicketPeople): boolean {
  if (comment.jsdPublic === false) return false;
  if (comment.authorAccountType === 'app') return false;
  const author = comment.authorAccountId;
  if (author === people.appAccountId || people.agentAccountIds.includes(author)) return false;
  return author === people.reporterAccountId || people.participantAccountIds.includes(author);
}
