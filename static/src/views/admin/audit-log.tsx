import Button from '@atlaskit/button/default/button';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import { type AuditEntry, type AuditEntryView, type ConfigView, getAuditLog } from '@contracts/admin';
import { useAction, useCall } from '../../api/client-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { ChoiceInput } from '../../ui/choice-input';
import { useNotify } from '../../ui/flags';
import { formatDateTime } from '../../ui/format';
import { Muted } from '../../ui/section';
import { ViewSkeleton } from '../../ui/view-skeleton';
import { fieldWord } from './field-words';

const ACTION_TEXT: Readonly<Record<AuditEntry['action'], string>> = {
  'xla-saved': 'XLA saved',
  'xla-deleted': 'XLA deleted',
  'plan-saved': 'Plan saved',
  'plan-deleted': 'Plan deleted',
  'config-imported': 'Configuration imported',
  'recompute-started': 'Recompute started',
  'secret-rotated': 'Link key replaced',
};

type Kind = 'all' | 'xla' | 'plan' | 'import' | 'other';
const KIND_OF: Readonly<Record<AuditEntry['action'], Exclude<Kind, 'all'>>> = {
  'xla-saved': 'xla',
  'xla-deleted': 'xla',
  'plan-saved': 'plan',
  'plan-deleted': 'plan',
  'config-imported': 'import',
  'recompute-started': 'other',
  'secret-rotated': 'other',
};
const KIND_OPTIONS: ReadonlyArray<{ value: Kind; label: string }> = [
  { value: 'all', label: 'Everything' },
  { value: 'xla', label: 'XLAs' },
  { value: 'plan', label: 'Survey plans' },
  { value: 'import', label: 'Imports' },
  { value: 'other', label: 'Recomputes and keys' },
];

/** Who: the person's Jira name; an account Jira no longer names is said so, never shown as an id. */
export function actorText(entry: AuditEntryView): string {
  return entry.actorName !== entry.actorId && entry.actorName.trim() !== ''
    ? entry.actorName
    : 'Someone Jira no longer lists';
}

/** What the entry is about, by name where the configuration still has it. */
export function targetText(entry: AuditEntryView, config: Pick<ConfigView, 'xlas' | 'plans'>): string {
  switch (KIND_OF[entry.action]) {
    case 'xla':
      return config.xlas.find((x) => x.id === entry.target)?.name ?? quotedName(entry.summary) ?? 'A deleted XLA';
    case 'plan':
      return config.plans.find((p) => p.id === entry.target)?.name ?? quotedName(entry.summary) ?? 'A deleted plan';
    case 'import':
      return entry.target === 'replace' ? 'Replaced everything' : 'Merged';
    case 'other':
      return entry.action === 'secret-rotated' ? 'One-click answer links' : 'Every score';
  }
}

/**
 * The entry's details in words. The stored summary is written for the record (field keys, key
 * ids); the known shapes are reworded, anything else is shown as it is.
 */
export function detailsText(entry: AuditEntryView): string {
  switch (entry.action) {
    case 'secret-rotated':
      return 'Links already sent keep working with the previous key.';
    case 'recompute-started':
      return 'Scores rebuilt from each ticket’s stored outcomes.';
    case 'xla-deleted':
    case 'plan-deleted':
      return 'Deleted.';
    case 'config-imported': {
      const m = /^Imported (\d+) XLA\(s\) and (\d+) plan\(s\)/.exec(entry.summary);
      return m === null ? entry.summary : `${m[1]} XLAs and ${m[2]} plans from a file.`;
    }
    case 'xla-saved':
    case 'plan-saved': {
      const m = /"[^"]*" (created|no change|changed (.+))$/.exec(entry.summary);
      if (m === null) return entry.summary;
      if (m[1] === 'created') return 'Created.';
      if (m[1] === 'no change') return 'Saved without changes.';
      return `Changed ${(m[2] ?? '').split(', ').map(fieldWord).join(', ')}.`;
    }
  }
}

/** The name the server wrote in quotes when the item was saved (`XLA "Fast help" …`). */
function quotedName(summary: string): string | null {
  return /"([^"]+)"/.exec(summary)?.[1] ?? null;
}

/** Who changed what and when; loaded when the tab opens, a page at a time, filtered as loaded. */
export function AuditLog({ config }: { config: Pick<ConfigView, 'xlas' | 'plans'> }) {
  const searchId = useId();
  const { loaded, reload } = useCall(getAuditLog, { limit: 25 });
  const more = useAction(getAuditLog);
  const notify = useNotify();
  const [extra, setExtra] = useState<{ entries: AuditEntryView[]; nextCursor: string | null } | null>(null);
  const [kind, setKind] = useState<Kind>('all');
  const [search, setSearch] = useState('');

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
  const needle = search.trim().toLowerCase();
  const shown = entries.filter(
    (e) =>
      (kind === 'all' || KIND_OF[e.action] === kind) &&
      (needle === '' ||
        [actorText(e), targetText(e, config), ACTION_TEXT[e.action], detailsText(e)].some((t) =>
          t.toLowerCase().includes(needle),
        )),
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-end' }}>
        <ChoiceInput<Kind> label="Show" value={kind} options={KIND_OPTIONS} onChange={setKind} />
        <div>
          <label
            htmlFor={searchId}
            style={{
              display: 'block',
              font: token('font.body.small'),
              fontWeight: 600,
              color: token('color.text.subtle'),
            }}
          >
            Person or name contains
          </label>
          <Textfield id={searchId} width="medium" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </div>
      </div>
      <p role="status" style={{ margin: 0, color: token('color.text.subtlest') }}>
        {shown.length} of {entries.length} loaded entries shown
        {cursor !== null ? '; load more to search older ones' : ''}.
      </p>
      <div className="sentio-table-scroll">
        <table className="sentio-table">
          <caption className="sentio-visually-hidden">Audit log</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Of</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>{actorText(e)}</td>
                <td>{ACTION_TEXT[e.action]}</td>
                <td>{targetText(e, config)}</td>
                <td>{detailsText(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursor !== null ? (
        <div>
          <Button appearance="subtle" isLoading={more.pending} onClick={() => void loadMore()}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
