import '../api/zod-config';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { appClient } from '../api/app-client';
import { earlyContext, earlyTheme, forgeHost } from '../host/forge-host';
import { ViewContextSchema } from '../host/host';
import { applyDocumentLanguage, loadMessages } from '../i18n/messages';
import { App } from './app';
import { startView } from './routes';
import { StartFailed, startFailedWords } from './start-failed';

/** Renders the module's view once Jira's context (asked for by the entry, host/forge-host.ts) is in. */
export async function start(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (rootElement === null) return;
  const root = createRoot(rootElement);
  // Theme and context are independent bridge calls, both asked for by the entry (view.theme.enable
  // lets Jira's light/dark theme reach the `var(--ds-…)` tokens). A theme failure only
  // means the light default; the context is needed to know which view to show.
  let context;
  try {
    context = ViewContextSchema.parse(await earlyContext);
  } catch {
    root.render(<StartFailed {...await startFailedWords(navigator.languages)} />);
    return;
  }
  // The entry has normally started the view's first invokes and its chunk already; this makes sure
  // (a call already started is not repeated) and does not wait for them.
  const client = appClient;
  startView(context, client);
  applyDocumentLanguage(document, context);
  const [messages] = await Promise.all([loadMessages(forgeHost, context), earlyTheme.catch(() => undefined)]);
  root.render(
    <StrictMode>
      <App host={forgeHost} context={context} client={client} messages={messages} />
    </StrictMode>,
  );
}
