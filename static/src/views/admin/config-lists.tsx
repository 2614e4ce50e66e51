import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';
import type { Scope } from '@domain/scope';
import type { SurveyPlan } from '@domain/survey-plan';
import type { XlaDefinition } from '@domain/xla';
import { INDICATOR_NAME } from '../../ui/indicator-names';
import { Muted } from '../../ui/section';
import { type ScopeNames, scopeText } from './scope-names';
import { WAYPOINT_LABEL } from './waypoint-fields';

/** A disabled item; plain text here keeps the admin page inside its size budget. */
function Off() {
  return <span style={{ color: token('color.text.subtlest') }}>(off)</span>;
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
  return (
    <span style={{ display: 'inline-flex', gap: token('space.050') }}>
      <Button appearance="subtle" onClick={onEdit} aria-label={`Edit ${name}`}>
        Edit
      </Button>
      <Button appearance="subtle" onClick={onDelete} isLoading={deleting} aria-label={`Delete ${name}`}>
        Delete
      </Button>
    </span>
  );
}

interface Column<T> {
  readonly header: string;
  readonly cell: (item: T) => ReactNode;
}

/** The table both lists share: name (and whether it is off), scope, the kind's own columns, row actions. */
function ConfigTable<T extends { id: string; name: string; enabled: boolean; scope: Scope }>({
  caption,
  columns,
  items,
  onEdit,
  onDelete,
  deletingId,
  names,
}: ListProps<T> & { caption: string; columns: ReadonlyArray<Column<T>> }) {
  return (
    <div className="sentio-table-scroll">
      <table className="sentio-table">
        <caption className="sentio-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Scope</th>
            {columns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
            <th scope="col">
              <span className="sentio-visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>
                <strong>{item.name}</strong> {item.enabled ? null : <Off />}
              </td>
              <td>{scopeText(item.scope, names)}</td>
              {columns.map((c) => (
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

const XLA_COLUMNS: ReadonlyArray<Column<XlaDefinition>> = [
  { header: 'Target', cell: (x) => x.targetScore },
  { header: 'Window', cell: (x) => (x.window.kind === 'calendar-month' ? 'calendar month' : `${x.window.days} days`) },
  {
    header: 'Indicators',
    cell: (x) =>
      x.indicators
        .map((i) => (i.weight > 0 ? INDICATOR_NAME[i.id] : `${INDICATOR_NAME[i.id]} (shown, not counted)`))
        .join(', '),
  },
];

const PLAN_COLUMNS: ReadonlyArray<Column<SurveyPlan>> = [
  { header: 'Asks when', cell: (p) => WAYPOINT_LABEL[p.waypoint.kind] },
  { header: 'Question', cell: (p) => p.question.text },
  { header: 'Sampling', cell: (p) => `${p.fatigue.samplingPercent} %` },
];

export function XlaList(props: ListProps<XlaDefinition>) {
  if (props.items.length === 0) return <Muted>No XLA yet. Create one to start scoring experience.</Muted>;
  return <ConfigTable caption="XLAs" columns={XLA_COLUMNS} {...props} />;
}

export function PlanList(props: ListProps<SurveyPlan>) {
  if (props.items.length === 0) return <Muted>No survey plan yet. Nothing is asked until one exists.</Muted>;
  return <ConfigTable caption="Survey plans" columns={PLAN_COLUMNS} {...props} />;
}
