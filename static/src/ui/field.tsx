import { token } from '@atlaskit/tokens';
import { type ReactNode, useId } from 'react';

/** Props a field hands to its control so the label and the message are tied to it. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
}

interface FieldProps {
  readonly label: string;
  /** The validation message for this field, shown right under it. */
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and its error message next to it (never in a summary only). */
export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const hintId = hint !== undefined ? `${id}-hint` : undefined;
  const errorId = error !== undefined ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter((x) => x !== undefined).join(' ') || undefined;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <label
        htmlFor={id}
        style={{ font: token('font.body.small'), fontWeight: 600, color: token('color.text.subtle') }}
      >
        {label}
      </label>
      {children({ id, 'aria-invalid': error !== undefined, 'aria-describedby': describedBy })}
      {hint !== undefined ? (
        <span id={hintId} style={{ font: token('font.body.small'), color: token('color.text.subtlest') }}>
          {hint}
        </span>
      ) : null}
      {error !== undefined ? (
        <span id={errorId} style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** A message that belongs to a group of fields (a list, a whole row) rather than one input. */
export function GroupError({ message }: { message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <span role="alert" style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
      {message}
    </span>
  );
}
