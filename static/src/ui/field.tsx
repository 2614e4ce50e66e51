import { token } from '@atlaskit/tokens';
import { type ReactNode, useId } from 'react';
import { useMessages } from '../i18n/messages';
import { Explain } from './explain';
import { QuestionIcon } from './icons/question';

/** Props a field hands to its control so the label and the message are tied to it. */
export interface ControlProps {
  readonly id: string;
  readonly 'aria-invalid': boolean;
  readonly 'aria-describedby': string | undefined;
}

interface FieldProps {
  readonly label: string;
  /** What the field means, behind a question mark beside the label (hover or focus), and read with the field. */
  readonly help?: string | undefined;
  /** The label is read, not shown: the control sits where its meaning is already visible (a table row). */
  readonly labelHidden?: boolean;
  /** The validation message for this field, shown right under it. */
  readonly error?: string | undefined;
  readonly hint?: string;
  readonly children: (control: ControlProps) => ReactNode;
}

/** A labelled control with its hint and its error message next to it (never in a summary only). */
export function Field({ label, help, labelHidden = false, error, hint, children }: FieldProps) {
  const m = useMessages();
  const id = useId();
  const hintId = hint !== undefined ? `${id}-hint` : undefined;
  const helpId = help !== undefined ? `${id}-help` : undefined;
  const errorId = error !== undefined ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId, helpId].filter((x) => x !== undefined).join(' ') || undefined;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050') }}>
        <label
          htmlFor={id}
          className={labelHidden ? 'sentio-visually-hidden' : undefined}
          style={{ font: token('font.body.small'), fontWeight: 600, color: token('color.text.subtle') }}
        >
          {label}
        </label>
        {help !== undefined ? (
          <>
            <Explain text={help}>
              <span style={{ display: 'inline-flex', color: token('color.icon.subtle') }}>
                <QuestionIcon
                  label={m.t('common.fieldHelp', { field: label.replace(/\s*[(（][^()（）]*[)）]$/, '') })}
                  color="currentColor"
                  size="small"
                />
              </span>
            </Explain>
            <span id={helpId} className="sentio-visually-hidden">
              {help}
            </span>
          </>
        ) : null}
      </span>
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
