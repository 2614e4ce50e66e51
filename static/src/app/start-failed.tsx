import { Notice } from '../ui/notice';

/** Shown when Jira never gave the view its context: without it no view can be picked. */
export function StartFailed() {
  return (
    <Notice appearance="error" title="Sentio could not start">
      <p>Jira did not answer in time. Reload the page; if it happens again, tell your Jira admin.</p>
    </Notice>
  );
}
