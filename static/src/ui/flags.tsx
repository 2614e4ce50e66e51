import { useMemo } from 'react';
import { type CallError, errorTitle } from '../api/client';
import { useHost } from '../app/host-context';

/** Short messages about the outcome of an action (a save, an ask), shown as Jira flags. */
export function useNotify() {
  const { host } = useHost();
  return useMemo(
    () => ({
      failed: (error: CallError) =>
        host.showFlag({ appearance: 'error', title: errorTitle(error), description: error.message }),
      succeeded: (title: string, description?: string) => host.showFlag({ appearance: 'success', title, description }),
      warned: (title: string, description?: string) => host.showFlag({ appearance: 'warning', title, description }),
    }),
    [host],
  );
}
