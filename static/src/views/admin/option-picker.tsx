import Button from '@atlaskit/button/default/button';
import Checkbox from '@atlaskit/checkbox';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import { useAdminT } from './admin-messages';

export interface PickerOption {
  readonly value: string;
  readonly label: string;
}

interface OptionPickerProps {
  readonly label: string;
  /** What an empty choice means, e.g. "every project". */
  readonly noneMeans: string;
  readonly options: readonly PickerOption[];
  readonly selected: readonly string[];
  readonly onChange: (selected: string[]) => void;
  readonly error?: string | undefined;
  readonly hint?: string | undefined;
  readonly disabled?: boolean;
}

/** Above this many options the picker offers a filter box. */
const FILTER_FROM = 8;

/**
 * A multi-select as a scrolling list of checkboxes (Atlaskit's select would weigh more than the
 * rest of the admin page). Chosen values Jira no longer lists stay visible, so they can be removed.
 */
export function OptionPicker({
  label,
  noneMeans,
  options,
  selected,
  onChange,
  error,
  hint,
  disabled = false,
}: OptionPickerProps) {
  const t = useAdminT();
  const id = useId();
  const [filter, setFilter] = useState('');
  const known = new Set(options.map((o) => o.value));
  const all = [
    ...options,
    ...selected.filter((v) => !known.has(v)).map((v) => ({ value: v, label: t('picker.notFound', { value: v }) })),
  ];
  const needle = filter.trim().toLowerCase();
  const shown =
    needle === '' ? all : all.filter((o) => o.label.toLowerCase().includes(needle) || selected.includes(o.value));
  const toggle = (value: string) =>
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  const describedBy = [error !== undefined ? `${id}-error` : null, `${id}-summary`].filter((x) => x !== null).join(' ');
  return (
    <fieldset
      aria-describedby={describedBy}
      aria-invalid={error !== undefined}
      style={{
        border: 'none',
        padding: 0,
        margin: 0,
        minWidth: 220,
        flex: '1 1 220px',
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.050'),
      }}
    >
      <legend
        style={{
          font: token('font.body.small'),
          fontWeight: 600,
          color: token('color.text.subtle'),
          padding: 0,
          marginBottom: token('space.050'),
        }}
      >
        {label}
      </legend>
      {all.length > FILTER_FROM ? (
        <Textfield
          aria-label={t('picker.filterNamed', { name: label })}
          placeholder={t('picker.filter')}
          isCompact
          value={filter}
          onChange={(e) => setFilter(e.currentTarget.value)}
        />
      ) : null}
      <div
        style={{
          maxHeight: 180,
          overflowY: 'auto',
          border: `1px solid ${error !== undefined ? token('color.border.danger') : token('color.border.input')}`,
          borderRadius: token('radius.small'),
          padding: `${token('space.050')} ${token('space.100')}`,
        }}
      >
        {shown.length === 0 ? (
          <span style={{ color: token('color.text.subtlest') }}>
            {all.length === 0 ? t('picker.nothing') : t('picker.noMatch')}
          </span>
        ) : null}
        {shown.map((o) => (
          <Checkbox
            key={o.value}
            label={o.label}
            isChecked={selected.includes(o.value)}
            isDisabled={disabled}
            onChange={() => toggle(o.value)}
          />
        ))}
      </div>
      <span
        id={`${id}-summary`}
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: token('space.050'),
          font: token('font.body.small'),
          color: token('color.text.subtlest'),
        }}
      >
        {hint ??
          (selected.length === 0
            ? t('picker.none', { means: noneMeans })
            : t('picker.selected', { n: selected.length }))}
        {selected.length > 0 && !disabled ? (
          <Button
            appearance="subtle"
            spacing="compact"
            onClick={() => onChange([])}
            aria-label={t('picker.clearNamed', { name: label })}
          >
            {t('picker.clear')}
          </Button>
        ) : null}
      </span>
      {error !== undefined ? (
        <span id={`${id}-error`} style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
