import type { ReactNode } from 'react';
import type { Loaded } from '../../api/client-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { ViewSkeleton } from '../../ui/view-skeleton';

/** One section's own call: a skeleton while it loads, its error with a retry, else its content. */
export function LoadedSection<T>({
  loaded,
  reload,
  lines = 3,
  children,
}: {
  loaded: Loaded<T>;
  reload: () => void;
  lines?: number;
  children: (data: T) => ReactNode;
}) {
  if (loaded.state === 'loading') return <ViewSkeleton lines={lines} />;
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  return <>{children(loaded.data)}</>;
}
