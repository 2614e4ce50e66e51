import { Notice } from '../ui/notice';
import { Component, type ReactNode, Suspense, useMemo } from 'react';
import { type Client, createClient } from '../api/client';
import { ClientProvider } from '../api/client-context';
import type { Host, ViewContext } from '../host/host';
import { ViewSkeleton } from '../ui/view-skeleton';
import { HostProvider } from './host-context';
import { englishMessages, MessagesProvider } from '../i18n/messages';
import type { Translator } from '@domain/i18n';
import { viewFor } from './routes';

/**
 * Everything a view needs around it: the host, the typed client, and a crash guard. The entry
 * passes the client it already prefetched the view's first calls with (see `startView`).
 */
export function App({
  host,
  context,
  client: given,
  messages = englishMessages,
}: {
  host: Host;
  context: ViewContext;
  client?: Client;
  /** The person's language (i18n/messages.tsx `loadMessages`); English when not given. */
  messages?: Translator;
}) {
  const client = useMemo(() => given ?? createClient(host), [given, host]);
  const View = viewFor(context.moduleKey);
  return (
    <HostProvider host={host} context={context}>
      <MessagesProvider messages={messages}>
        <ClientProvider client={client}>
          <CrashGuard>
            {View === null ? (
              <Notice appearance="error" title="Unknown Sentio module">
                <p>This page ({context.moduleKey}) is not one Sentio knows how to show. Reinstall or update the app.</p>
              </Notice>
            ) : (
              <Suspense fallback={<ViewSkeleton />}>
                <View />
              </Suspense>
            )}
          </CrashGuard>
        </ClientProvider>
      </MessagesProvider>
    </HostProvider>
  );
}

/** A render error shows a message in the panel instead of a blank frame. */
class CrashGuard extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <Notice appearance="error" title="Something went wrong">
          <p>This Sentio view stopped working. Reload the page; if it happens again, tell your Jira admin.</p>
        </Notice>
      );
    }
    return this.props.children;
  }
}
