import type { Translator } from '@domain/i18n';

/** A request type as the service owner knows it: its JSM name, else its id (names come from Jira). */
export function requestTypeLabel(m: Translator, requestTypeId: string | null, requestTypeName: string | null): string {
  if (requestTypeId === null) return m.t('projectPage.requestType.none');
  return requestTypeName ?? m.t('projectPage.requestType.id', { id: requestTypeId });
}
