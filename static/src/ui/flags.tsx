import { useMemo } from 'react';
import type { CallError } from '../api/client';
import { useMessages } from '../i18n/messages';
import { errorHeading, errorText } from './error-words';
import { useHost } from '../app/host-context';

/** Short messages about the outcome of an action (a save, an ask), shown as Jira flags. */
export function useNotify() {
  const { host } = useHost();
  const m = useMessages();
  return useMemo(
    () => ({
      failed: (error: CallError) =>
        host.showFlag({ appearance: 'error', title: errorHeading(m, error), description: errorText(m, error) }),
      succeeded: (title: string, description?: string) => host.showFlag({ appearance: 'success', title, description }),
      warned: (title: string, description?: string) => host.showFlag({ appearance: 'warning', title, description }),
    }),
    [host, m],
  );
}
