import Button from '@atlaskit/button/default/button';
import ProgressBar from '@atlaskit/progress-bar';
import { token } from '@atlaskit/tokens';
import { useEffect } from 'react';
import { getRecomputeStatus, type RecomputeStatus, startRecompute } from '@contracts/admin';
import { useAction, useClient } from '../../api/client-context';
import { useNotify } from '../../ui/flags';
import { type AdminT, useAdminT } from './admin-messages';

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
  const t = useAdminT();
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
    <section
      aria-label={t('recompute.region')}
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.150'), flexWrap: 'wrap' }}>
        <Button onClick={() => void begin()} isLoading={start.pending} isDisabled={active}>
          {t('recompute.start')}
        </Button>
        <span role="status" style={{ color: token('color.text.subtle') }}>
          {status === null ? t('recompute.none') : describeRecompute(status, t)}
        </span>
      </div>
      {active ? (
        <ProgressBar ariaLabel={t('recompute.progress')} value={fraction ?? 0} isIndeterminate={fraction === null} />
      ) : null}
    </section>
  );
}

export function describeRecompute(status: RecomputeStatus, t: AdminT): string {
  const done = status.processed;
  switch (status.state) {
    case 'queued':
      return status.total !== null ? t('recompute.queuedOf', { total: status.total }) : t('recompute.queued');
    case 'running':
      return status.total !== null
        ? t('recompute.runningOf', { done, total: status.total })
        : t('recompute.running', { done });
    case 'done':
      return status.finishedAt !== null
        ? t('recompute.doneAt', { at: new Date(status.finishedAt), done })
        : t('recompute.done', { done });
    case 'failed':
      return status.total !== null
        ? t('recompute.failedOf', { done, total: status.total, message: status.message })
        : t('recompute.failed', { done, message: status.message });
  }
}
