import Checkbox from '@atlaskit/checkbox';
import { token } from '@atlaskit/tokens';
import { STATUS_CATEGORIES, type Waypoint, type WaypointKind, WAYPOINT_KINDS } from '@domain/waypoint';
import { ChoiceInput, FormRow, ListInput, NumberInput } from './inputs';
import type { Problems } from './problems';

export const WAYPOINT_LABEL: Readonly<Record<WaypointKind, string>> = {
  created: 'Created',
  'first-response': 'First response',
  'status-changed': 'Status changed',
  reassigned: 'Reassigned',
  idle: 'Idle',
  'long-running': 'Long-running',
  reopened: 'Reopened',
  resolved: 'Resolved',
  manual: 'Manual (agent asks)',
};

/** A fresh waypoint of a kind, with the parameters it needs at sensible values. */
function waypointOf(kind: WaypointKind): Waypoint {
  switch (kind) {
    case 'status-changed':
      return { kind, toStatuses: ['Waiting for customer'], toCategories: [] };
    case 'reassigned':
      return { kind, fromNth: 2 };
    case 'idle':
      return { kind, hours: 24 };
    case 'long-running':
      return { kind, hours: 72 };
    default:
      return { kind };
  }
}

const CATEGORY_LABEL = { new: 'To do', indeterminate: 'In progress', done: 'Done' } as const;

/** When the plan asks: the waypoint and its parameters. */
export function WaypointFields({
  waypoint,
  onChange,
  problems,
}: {
  waypoint: Waypoint;
  onChange: (w: Waypoint) => void;
  problems: Problems;
}) {
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <ChoiceInput<WaypointKind>
        label="Ask when"
        value={waypoint.kind}
        error={problems.get('waypoint.kind') ?? problems.get('waypoint')}
        options={WAYPOINT_KINDS.map((k) => ({ value: k, label: WAYPOINT_LABEL[k] }))}
        onChange={(kind) => onChange(waypointOf(kind))}
      />
      {waypoint.kind === 'status-changed' ? (
        <FormRow>
          <ListInput
            key="statuses"
            label="To statuses (names or ids)"
            value={waypoint.toStatuses}
            error={problems.get('waypoint.toStatuses')}
            onChange={(toStatuses) => onChange({ ...waypoint, toStatuses })}
          />
          <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend
              style={{ font: token('font.body.small'), fontWeight: 600, color: token('color.text.subtle'), padding: 0 }}
            >
              Or status categories
            </legend>
            {STATUS_CATEGORIES.map((c) => (
              <Checkbox
                key={c}
                label={CATEGORY_LABEL[c]}
                isChecked={waypoint.toCategories.includes(c)}
                onChange={() =>
                  onChange({
                    ...waypoint,
                    toCategories: waypoint.toCategories.includes(c)
                      ? waypoint.toCategories.filter((x) => x !== c)
                      : [...waypoint.toCategories, c],
                  })
                }
              />
            ))}
          </fieldset>
        </FormRow>
      ) : null}
      {waypoint.kind === 'reassigned' ? (
        <NumberInput
          key="nth"
          label="From the Nth reassignment"
          value={waypoint.fromNth}
          error={problems.get('waypoint.fromNth')}
          onChange={(fromNth) => onChange({ ...waypoint, fromNth })}
        />
      ) : null}
      {waypoint.kind === 'idle' || waypoint.kind === 'long-running' ? (
        <NumberInput
          key={waypoint.kind}
          label={waypoint.kind === 'idle' ? 'No public agent activity for' : 'Open for longer than'}
          suffix="hours"
          value={waypoint.hours}
          error={problems.get('waypoint.hours')}
          onChange={(hours) => onChange({ ...waypoint, hours })}
        />
      ) : null}
    </div>
  );
}
