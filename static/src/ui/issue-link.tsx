import { useHost } from '../app/host-context';

/** A ticket key that opens the issue through the Forge router (links inside the iframe cannot). */
export function IssueLink({ issueKey }: { issueKey: string }) {
  const { host } = useHost();
  return (
    <button type="button" className="sentio-link" onClick={() => void host.navigate({ kind: 'issue', issueKey })}>
      {issueKey}
    </button>
  );
}
