import Button from '@atlaskit/button/default/button';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import { type AuditEntry, type AuditEntryView, type ConfigView, getAuditLog } from '@contracts/admin';
import { useAction, useCall } from '../../api/client-context';
import { CallErrorMessage } from '../../ui/call-error-message';
import { ChoiceInput } from '../../ui/choice-input';
import { useNotify } from '../../ui/flags';
import { Muted } from '../../ui/section';
import { ViewSkeleton } from '../../ui/view-skeleton';
import { fieldWord } from './field-words';
import { type AdminT, useAdminT } from './admin-messages';
import { useMessages } from '../../i18n/messages';
import { dateTimeFormat } from '@domain/i18n/formatters';

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
const KINDS: readonly Kind[] = ['all', 'xla', 'plan', 'import', 'other'];

/** Who: the person's Jira name; an account Jira no longer names is said so, never shown as an id. */
export function actorText(entry: AuditEntryView, t: AdminT): string {
  return entry.actorName !== entry.actorId && entry.actorName.trim() !== '' ? entry.actorName : t('audit.unknownActor');
}

/** What the entry is about, by name where the configuration still has it. */
export function targetText(entry: AuditEntryView, config: Pick<ConfigView, 'xlas' | 'plans'>, t: AdminT): string {
  switch (KIND_OF[entry.action]) {
    case 'xla':
      return config.xlas.find((x) => x.id === entry.target)?.name ?? quotedName(entry.summary) ?? t('audit.deletedXla');
    case 'plan':
      return (
        config.plans.find((p) => p.id === entry.target)?.name ?? quotedName(entry.summary) ?? t('audit.deletedPlan')
      );
    case 'import':
      return entry.target === 'replace' ? t('audit.replaced') : t('audit.merged');
    case 'other':
      return entry.action === 'secret-rotated' ? t('audit.links') : t('audit.everyScore');
  }
}

/**
 * The entry's details in words. The stored summary is written for the record (field keys, key
 * ids); the known shapes are reworded, anything else is shown as it is.
 */
export function detailsText(entry: AuditEntryView, t: AdminT): string {
  switch (entry.action) {
    case 'secret-rotated':
      return t('audit.rotated');
    case 'recompute-started':
      return t('audit.rebuilt');
    case 'xla-deleted':
    case 'plan-deleted':
      return t('audit.deleted');
    case 'config-imported': {
      const m = /^Imported (\d+) XLA\(s\) and (\d+) plan\(s\)/.exec(entry.summary);
      return m === null ? entry.summary : t('audit.imported', { xlas: Number(m[1]), plans: Number(m[2]) });
    }
    case 'xla-saved':
    case 'plan-saved': {
      const m = /"[^"]*" (created|no change|changed (.+))$/.exec(entry.summary);
      if (m === null) return entry.summary;
      if (m[1] === 'created') return t('audit.created');
      if (m[1] === 'no change') return t('audit.unchanged');
      const fields = (m[2] ?? '').split(', ').map((f) => fieldWord(t, f));
      return t('audit.changed', { fields: fields.join(', ') });
    }
  }
}

/** The name the server wrote in quotes when the item was saved (`XLA "Fast help" …`). */
function quotedName(summary: string): string | null {
  return /"([^"]+)"/.exec(summary)?.[1] ?? null;
}

/** Who changed what and when; loaded when the tab opens, a page at a time, filtered as loaded. */
export function AuditLog({ config }: { config: Pick<ConfigView, 'xlas' | 'plans'> }) {
  const t = useAdminT();
  const { locale } = useMessages();
  const when = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
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

  if (entries.length === 0) return <Muted>{t('audit.empty')}</Muted>;
  const needle = search.trim().toLocaleLowerCase(locale);
  const shown = entries.filter(
    (e) =>
      (kind === 'all' || KIND_OF[e.action] === kind) &&
      (needle === '' ||
        [actorText(e, t), targetText(e, config, t), t(`audit.action.${e.action}`), detailsText(e, t)].some((text) =>
          text.toLocaleLowerCase(locale).includes(needle),
        )),
  );
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-end' }}>
        <ChoiceInput<Kind>
          label={t('audit.show')}
          value={kind}
          options={KINDS.map((k) => ({ value: k, label: t(`audit.kind.${k}`) }))}
          onChange={setKind}
        />
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
            {t('audit.search')}
          </label>
          <Textfield id={searchId} width="medium" value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        </div>
      </div>
      <p role="status" style={{ margin: 0, color: token('color.text.subtlest') }}>
        {t('audit.shown', { shown: shown.length, loaded: entries.length, more: cursor !== null ? 'yes' : 'no' })}
      </p>
      <div className="sentio-table-scroll">
        <table className="sentio-table">
          <caption className="sentio-visually-hidden">{t('tab.audit')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.of')}</th>
              <th scope="col">{t('audit.details')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((e) => (
              <tr key={e.id}>
                <td>{when.format(new Date(e.at))}</td>
                <td>{actorText(e, t)}</td>
                <td>{t(`audit.action.${e.action}`)}</td>
                <td>{targetText(e, config, t)}</td>
                <td>{detailsText(e, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursor !== null ? (
        <div>
          <Button appearance="subtle" isLoading={more.pending} onClick={() => void loadMore()}>
            {t('audit.more')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
