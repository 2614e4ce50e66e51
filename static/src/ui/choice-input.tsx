import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import { useId } from 'react';

/** A small set of exclusive choices as a row of buttons (lighter than a select for 2–9 options). */
export function ChoiceInput<T extends string>({
  label,
  error,
  value,
  options,
  onChange,
  disabled = false,
}: {
  label: string;
  disabled?: boolean;
  error?: string | undefined;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <div className="sentio-choice" style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <span id={id} style={{ font: token('font.body.small'), fontWeight: 600, color: token('color.text.subtle') }}>
        {label}
      </span>
      <div role="group" aria-labelledby={id} style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.050') }}>
        {options.map((o) => (
          <Button
            key={o.value}
            isSelected={o.value === value}
            aria-pressed={o.value === value}
            isDisabled={disabled}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </Button>
        ))}
      </div>
      {error !== undefined ? (
        <span style={{ font: token('font.body.small'), color: token('color.text.danger') }}>{error}</span>
      ) : null}
    </div>
  );
}
