import '@atlaskit/css-reset';
import './ui/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { StartFailed } from './app/start-failed';
import { enableTheme, forgeHost } from './host/forge-host';

async function start(): Promise<void> {
  const rootElement = document.getElementById('root');
  if (rootElement === null) return;
  const root = createRoot(rootElement);
  // Theme and context are independent bridge calls: ask for both at once. A theme failure only
  // means the light default; the context is needed to know which view to show.
  let context;
  try {
    [context] = await Promise.all([forgeHost.getContext(), enableTheme().catch(() => undefined)]);
  } catch {
    root.render(<StartFailed />);
    return;
  }
  root.render(
    <StrictMode>
      <App host={forgeHost} context={context} />
    </StrictMode>,
  );
}

void start();
