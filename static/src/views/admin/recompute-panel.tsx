import Button from '@atlaskit/button/default/button';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import { useEffect } from 'react';
import { getRecomputeStatus, type RecomputeStatus, startRecompute } from '@contracts/admin';
import { useAction, useClient } from '../../api/client-context';
import { useNotify } from '../../ui/flags';
import { formatDateTime } from '../../ui/format';

const POLL_MS = 2000;

function isActive(status: RecomputeStatus | null): boolean {
  return status !== null && (status.state === 'queued' || status.state === 'running');
}

/** Rebuilding the rollups after a change: start it, and watch it move while the page is open. */
export function RecomputePanel({
  status,
  onStatus,
}: {
  status: RecomputeStatus | null;
  onStatus: (s: RecomputeStatus | null) => void;
}) {
  const client = useClient();
  const notify = useNotify();
  const start = useAction(startRecompute);
  const active = isActive(status);

  useEffect(() => {
    if (!active) return;
    // Polling keeps well under the bridge's 500 invokes per 25 s, and stops when the job ends.
    const timer = setInterval(() => {
      void client.call(getRecomputeStatus, {}).then((r) => {
        if (r.ok) onStatus(r.data.status);
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active, client, onStatus]);

  async function begin() {
    const result = await start.run({});
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    onStatus(result.data);
  }

  const fraction =
    status !== null && status.total !== null && status.total > 0 ? Math.min(1, status.processed / status.total) : null;
  return (
    <section aria-label="Recompute" style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150'), flexWrap: 'wrap' }}>
        <Button onClick={() => void begin()} isLoading={start.pending} isDisabled={active}>
          Recompute scores
        </Button>
        <span role="status" style={{ color: token('color.text.subtle') }}>
          {status === null ? 'No recompute has run yet.' : describeRecompute(status)}
        </span>
      </div>
      {active ? (
        <ProgressBar ariaLabel="Recompute progress" value={fraction ?? 0} isIndeterminate={fraction === null} />
      ) : null}
    </section>
  );
}

const tickets = (n: number) => `${n} ${n === 1 ? 'ticket' : 'tickets'}`;

export function describeRecompute(status: RecomputeStatus): string {
  switch (status.state) {
    case 'queued':
      return status.total !== null
        ? `Recompute queued: ${tickets(status.total)} to go through.`
        : 'Recompute queued; it starts in a moment.';
    case 'running':
      return status.total !== null
        ? `Recomputing: ${status.processed} of ${tickets(status.total)} done.`
        : `Recomputing: ${tickets(status.processed)} done so far.`;
    case 'done':
      return `Last recompute finished ${status.finishedAt !== null ? formatDateTime(status.finishedAt) : ''}: ${tickets(status.processed)} went through.`;
    case 'failed':
      return `The last recompute failed after ${status.processed} of ${status.total !== null ? tickets(status.total) : 'the tickets'}: ${status.message} Start it again; tickets already done are simply done again.`;
  }
}
