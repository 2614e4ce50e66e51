/** The backend keeps request type ids only (no Jira call per row); show them readably. */
export function requestTypeLabel(requestTypeId: string | null): string {
  return requestTypeId === null ? 'No request type' : `Request type ${requestTypeId}`;
}
