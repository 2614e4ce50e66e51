import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { Scope } from '../../../../src/domain/scope';
import type { SurveyPlan } from '../../../../src/domain/survey-plan';
import type { XlaDefinition } from '../../../../src/domain/xla';
import { Muted } from '../../ui/section';
import { WAYPOINT_LABEL } from './waypoint-fields';

/** A disabled item; plain text here keeps the admin page inside its size budget. */
function Off() {
  return <span style={{ color: token('color.text.subtlest') }}>(off)</span>;
}

function scopeText(scope: Scope): string {
  const parts = [
    scope.projectIds.length > 0 ? `projects ${scope.projectIds.join(', ')}` : 'all projects',
    scope.requestTypeIds.length > 0 ? `${scope.requestTypeIds.length} request types` : null,
    scope.priorities.length > 0 ? `priorities ${scope.priorities.join(', ')}` : null,
  ];
  return parts.filter((p) => p !== null).join(' · ');
}

interface ListProps<T> {
  readonly items: readonly T[];
  readonly onEdit: (item: T) => void;
  readonly onDelete: (item: T) => void;
  readonly deletingId: string | null;
}

function RowActions({ name, onEdit, onDelete, deleting }: { name: string; onEdit: () => void; onDelete: () => void; deleting: boolean }) {
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

export function XlaList({ items, onEdit, onDelete, deletingId }: ListProps<XlaDefinition>) {
  if (items.length === 0) return <Muted>No XLA yet. Create one to start scoring experience.</Muted>;
  return (
    <table className="sentio-table">
      <caption className="sentio-visually-hidden">XLAs</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Scope</th>
          <th scope="col">Target</th>
          <th scope="col">Window</th>
          <th scope="col">Indicators</th>
          <th scope="col">
            <span className="sentio-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((x) => (
          <tr key={x.id}>
            <td>
              <strong>{x.name}</strong> {x.enabled ? null : <Off />}
            </td>
            <td>{scopeText(x.scope)}</td>
            <td>{x.targetScore}</td>
            <td>{x.window.kind === 'calendar-month' ? 'calendar month' : `${x.window.days} days`}</td>
            <td>{x.indicators.map((i) => i.id).join(', ')}</td>
            <td>
              <RowActions name={x.name} onEdit={() => onEdit(x)} onDelete={() => onDelete(x)} deleting={deletingId === x.id} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PlanList({ items, onEdit, onDelete, deletingId }: ListProps<SurveyPlan>) {
  if (items.length === 0) return <Muted>No survey plan yet. Nothing is asked until one exists.</Muted>;
  return (
    <table className="sentio-table">
      <caption className="sentio-visually-hidden">Survey plans</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Scope</th>
          <th scope="col">Asks when</th>
          <th scope="col">Question</th>
          <th scope="col">Sampling</th>
          <th scope="col">
            <span className="sentio-visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.id}>
            <td>
              <strong>{p.name}</strong> {p.enabled ? null : <Off />}
            </td>
            <td>{scopeText(p.scope)}</td>
            <td>{WAYPOINT_LABEL[p.waypoint.kind]}</td>
            <td>{p.question.text}</td>
            <td>{p.fatigue.samplingPercent} %</td>
            <td>
              <RowActions name={p.name} onEdit={() => onEdit(p)} onDelete={() => onDelete(p)} deleting={deletingId === p.id} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
