// The entry is small on purpose: it asks Jira for the context and the theme (host/forge-host.ts), and as
// soon as the context names the module starts the view's first invokes and its chunk
// (app/view-chunks.ts), while React and the app shell (app/start.tsx) load. Nothing waits on
// something it does not need: invokes, chunk downloads and React's evaluation overlap.
import { earlyContext, invokeEarly } from './host/forge-host';
import '@atlaskit/css-reset';
import './ui/base.css';
import { preloadView } from './app/view-chunks';

earlyContext.then(
  (context) => preloadView(context, invokeEarly),
  () => undefined,
);
void import('./app/start').then((app) => app.start());
