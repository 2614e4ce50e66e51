import Button from '@atlaskit/button/default/button';
import { useState } from 'react';
import { type AuditEntry, type AuditEntryView, getAuditLog } from '@contracts/admin';
import { useAction, useCall } from '../../api/client-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { useNotify } from '../../ui/flags';
import { formatDateTime } from '../../ui/format';
import { Muted } from '../../ui/section';
import { ViewSkeleton } from '../../ui/view-skeleton';

const ACTION_TEXT: Readonly<Record<AuditEntry['action'], string>> = {
  'xla-saved': 'XLA saved',
  'xla-deleted': 'XLA deleted',
  'plan-saved': 'Plan saved',
  'plan-deleted': 'Plan deleted',
  'config-imported': 'Configuration imported',
  'recompute-started': 'Recompute started',
  'secret-rotated': 'Link secret rotated',
};

/** Who changed what and when; loaded when the tab opens, a page at a time. */
export function AuditLog() {
  const { loaded, reload } = useCall(getAuditLog, { limit: 25 });
  const more = useAction(getAuditLog);
  const notify = useNotify();
  const [extra, setExtra] = useState<{ entries: AuditEntryView[]; nextCursor: string | null } | null>(null);

  if (loaded.state === 'loading') return <ViewSkeleton lines={4} />;
  if (loaded.state === 'error') return <CallErrorMessage error={loaded.error} onRetry={reload} />;
  const entries = [...loaded.data.entries, ...(extra?.entries ?? [])];
  const cursor = extra !== null ? extra.nextCursor : loaded.data.nextCursor;

  async function loadMore() {
    if (cursor === null) return;
    const result = await more.run({ cursor, limit: 25 });
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    setExtra((prev) => ({
      entries: [...(prev?.entries ?? []), ...result.data.entries],
      nextCursor: result.data.nextCursor,
    }));
  }

  if (entries.length === 0) return <Muted>No changes recorded yet.</Muted>;
  return (
    <div>
      <table className="sentio-table">
        <caption className="sentio-visually-hidden">Audit log</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">What</th>
            <th scope="col">Target</th>
            <th scope="col">Summary</th>
            <th scope="col">Who</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.at)}</td>
              <td>{ACTION_TEXT[e.action]}</td>
              <td>{e.target}</td>
              <td>{e.summary}</td>
              <td>
                <Actor entry={e} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {cursor !== null ? (
        <Button appearance="subtle" isLoading={more.pending} onClick={() => void loadMore()}>
          Load more
        </Button>
      ) : null}
    </div>
  );
}

/** The actor's name, with the account id beside it (the id is what Jira admin tools search by). */
function Actor({ entry }: { entry: AuditEntryView }) {
  if (entry.actorName === entry.actorId) return <>{entry.actorId}</>;
  return (
    <>
      {entry.actorName} <Muted>({entry.actorId})</Muted>
    </>
  );
}
