import Checkbox from '@atlaskit/checkbox';
import { token } from '@atlaskit/tokens';
import { STATUS_CATEGORIES, type Waypoint, type WaypointKind, WAYPOINT_KINDS } from '@domain/waypoint';
import { ChoiceInput, FormRow, ListInput, NumberInput } from './inputs';
import type { Problems } from './problems';
import { type AdminT, useAdminT } from './admin-messages';

/** A fresh waypoint of a kind, with the parameters it needs at sensible values (JSM's usual status name, in the admin's language). */
function waypointOf(kind: WaypointKind, t: AdminT): Waypoint {
  switch (kind) {
    case 'status-changed':
      return { kind, toStatuses: [t('waypointField.defaultStatus')], toCategories: [] };
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
  const t = useAdminT();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <ChoiceInput<WaypointKind>
        label={t('waypointField.when')}
        value={waypoint.kind}
        error={problems.get('waypoint.kind') ?? problems.get('waypoint')}
        options={WAYPOINT_KINDS.map((k) => ({ value: k, label: t(`waypoint.${k}`) }))}
        onChange={(kind) => onChange(waypointOf(kind, t))}
      />
      {waypoint.kind === 'status-changed' ? (
        <FormRow>
          <ListInput
            key="statuses"
            label={t('waypointField.statuses')}
            value={waypoint.toStatuses}
            error={problems.get('waypoint.toStatuses')}
            onChange={(toStatuses) => onChange({ ...waypoint, toStatuses })}
          />
          <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
            <legend
              style={{ font: token('font.body.small'), fontWeight: 600, color: token('color.text.subtle'), padding: 0 }}
            >
              {t('waypointField.categories')}
            </legend>
            {STATUS_CATEGORIES.map((c) => (
              <Checkbox
                key={c}
                label={t(`category.${c}`)}
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
          label={t('waypointField.fromNth')}
          value={waypoint.fromNth}
          error={problems.get('waypoint.fromNth')}
          onChange={(fromNth) => onChange({ ...waypoint, fromNth })}
        />
      ) : null}
      {waypoint.kind === 'idle' || waypoint.kind === 'long-running' ? (
        <NumberInput
          key={waypoint.kind}
          label={waypoint.kind === 'idle' ? t('waypointField.idle') : t('waypointField.longRunning')}
          suffix={t('unit.hours')}
          value={waypoint.hours}
          error={problems.get('waypoint.hours')}
          onChange={(hours) => onChange({ ...waypoint, hours })}
        />
      ) : null}
    </div>
  );
}
