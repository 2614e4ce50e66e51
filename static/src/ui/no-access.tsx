import { Notice } from './notice';

/** The one page-level answer to "you may not see this": said once, with what to do about it. */
export function NoAccess({
  message,
  hint = 'Ask a Jira admin for access to this project if you need it.',
}: {
  message: string;
  hint?: string;
}) {
  return (
    <Notice appearance="warning" title="You do not have access to this">
      <p>{message}</p>
      <p>{hint}</p>
    </Notice>
  );
}
