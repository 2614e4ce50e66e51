import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { Scope } from '@domain/scope';
import type { SurveyPlan } from '@domain/survey-plan';
import type { XlaDefinition, XlaWindow } from '@domain/xla';
import type { Locale } from '@domain/i18n';
import { Muted } from '../../ui/section';
import { type ScopeNames, scopeText } from './scope-names';
import { type AdminT, useAdminT } from './admin-messages';
import { useMessages } from '../../i18n/messages';
import { formatNumber, formatPercent } from '@domain/i18n/format';

/** A disabled item; plain text here keeps the admin page inside its size budget. */
function Off() {
  const t = useAdminT();
  return <span style={{ color: token('color.text.subtlest') }}>{t('list.off')}</span>;
}

interface ListProps<T> {
  readonly items: readonly T[];
  readonly names: ScopeNames;
  readonly onEdit: (item: T) => void;
  readonly onDelete: (item: T) => void;
  readonly deletingId: string | null;
}

function RowActions({
  name,
  onEdit,
  onDelete,
  deleting,
}: {
  name: string;
  onEdit: () => void;
  onDelete: () => void;
  deleting: boolean;
}) {
  const t = useAdminT();
  return (
    <span style={{ display: 'inline-flex', gap: token('space.050') }}>
      <Button appearance="subtle" onClick={onEdit} aria-label={t('list.editName', { name })}>
        {t('list.edit')}
      </Button>
      <Button appearance="subtle" onClick={onDelete} isLoading={deleting} aria-label={t('list.deleteName', { name })}>
        {t('list.delete')}
      </Button>
    </span>
  );
}

interface Column<T> {
  readonly header: string;
  readonly cell: (item: T) => ReactNode;
}

type Columns<T> = (t: AdminT, locale: Locale) => ReadonlyArray<Column<T>>;

/** The table both lists share: name (and whether it is off), scope, the kind's own columns, row actions. */
function ConfigTable<T extends { id: string; name: string; enabled: boolean; scope: Scope }>({
  caption,
  columns,
  items,
  onEdit,
  onDelete,
  deletingId,
  names,
}: ListProps<T> & { caption: string; columns: Columns<T> }) {
  const t = useAdminT();
  const { locale } = useMessages();
  const own = columns(t, locale);
  return (
    <div className="sentio-table-scroll">
      <table className="sentio-table">
        <caption className="sentio-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('list.name')}</th>
            <th scope="col">{t('list.scope')}</th>
            {own.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
            <th scope="col">
              <span className="sentio-visually-hidden">{t('list.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <strong>{item.name}</strong> {item.enabled ? null : <Off />}
              </td>
              <td>{scopeText(item.scope, names, t)}</td>
              {own.map((c) => (
                <td key={c.header}>{c.cell(item)}</td>
              ))}
              <td>
                <RowActions
                  name={item.name}
                  onEdit={() => onEdit(item)}
                  onDelete={() => onDelete(item)}
                  deleting={deletingId === item.id}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const XLA_COLUMNS: Columns<XlaDefinition> = (t, locale) => [
  { header: t('list.target'), cell: (x) => formatNumber(locale, x.targetScore) },
  { header: t('list.window'), cell: (x) => windowWords(t, x.window) },
  {
    header: t('list.indicators'),
    cell: (x) =>
      x.indicators
        .map((i) => (i.weight > 0 ? t(`indicator.${i.id}`) : t('list.notCounted', { name: t(`indicator.${i.id}`) })))
        .join(', '),
  },
];

const PLAN_COLUMNS: Columns<SurveyPlan> = (t, locale) => [
  { header: t('list.asks'), cell: (p) => t(`waypoint.${p.waypoint.kind}`) },
  { header: t('list.question'), cell: (p) => p.question.text },
  {
    header: t('list.sampling'),
    cell: (p) => formatPercent(locale, p.fatigue.samplingPercent / 100, 1),
  },
];

/** "30 days", "Calendar month". */
export function windowWords(t: AdminT, w: XlaWindow): string {
  return w.kind === 'calendar-month' ? t('window.month') : t('window.days', { n: w.days });
}

export function XlaList(props: ListProps<XlaDefinition>) {
  const t = useAdminT();
  if (props.items.length === 0) return <Muted>{t('list.noXla')}</Muted>;
  return <ConfigTable caption={t('tab.xlas')} columns={XLA_COLUMNS} {...props} />;
}

export function PlanList(props: ListProps<SurveyPlan>) {
  const t = useAdminT();
  if (props.items.length === 0) return <Muted>{t('list.noPlan')}</Muted>;
  return <ConfigTable caption={t('tab.plans')} columns={PLAN_COLUMNS} {...props} />;
}
