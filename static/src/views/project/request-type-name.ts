/** A request type as the service owner knows it: its JSM name, else its id (names come from Jira). */
export function requestTypeLabel(requestTypeId: string | null, requestTypeName: string | null): string {
  if (requestTypeId === null) return 'No request type';
  return requestTypeName ?? `Request type ${requestTypeId}`;
}
