import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import { useId, useState } from 'react';
import { Field } from '../../ui/field';
export { ChoiceInput } from '../../ui/choice-input';
import { joinList, splitList, toNumber } from './list-text';

interface Base {
  readonly label: string;
  readonly help?: string;
  readonly labelHidden?: boolean;
  readonly error?: string | undefined;
  readonly hint?: string;
}

export function TextInput({
  label,
  error,
  hint,
  value,
  onChange,
  readOnly,
}: Base & { value: string; onChange: (v: string) => void; readOnly?: boolean }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(c) => (
        <Textfield
          {...c}
          isInvalid={c['aria-invalid']}
          isReadOnly={readOnly}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      )}
    </Field>
  );
}

/** Keeps what was typed (even "" or "1.") while the parent holds the number it means. */
export function NumberInput({
  label,
  help,
  labelHidden,
  error,
  hint,
  value,
  onChange,
  suffix,
}: Base & { value: number; onChange: (v: number) => void; suffix?: string }) {
  const [text, setText] = useState(Number.isNaN(value) ? '' : String(value));
  return (
    <Field label={label} help={help} labelHidden={labelHidden} error={error} hint={hint}>
      {(c) => (
        <Textfield
          {...c}
          isInvalid={c['aria-invalid']}
          inputMode="decimal"
          width="small"
          value={text}
          elemAfterInput={
            suffix !== undefined ? (
              <span style={{ paddingRight: token('space.100'), color: token('color.text.subtlest') }}>{suffix}</span>
            ) : undefined
          }
          onChange={(e) => {
            setText(e.currentTarget.value);
            onChange(toNumber(e.currentTarget.value));
          }}
        />
      )}
    </Field>
  );
}

/** A list of ids or names typed as text; an empty list often means "any". */
export function ListInput({
  label,
  error,
  hint,
  value,
  onChange,
  separator = 'comma',
}: Base & { value: readonly string[]; onChange: (v: string[]) => void; separator?: 'comma' | 'line' }) {
  const [text, setText] = useState(joinList(value, separator));
  return (
    <Field label={label} error={error} hint={hint}>
      {(c) =>
        separator === 'line' ? (
          <TextArea
            {...c}
            isInvalid={c['aria-invalid']}
            minimumRows={2}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              onChange(splitList(e.currentTarget.value, separator));
            }}
          />
        ) : (
          <Textfield
            {...c}
            isInvalid={c['aria-invalid']}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              onChange(splitList(e.currentTarget.value, separator));
            }}
          />
        )
      }
    </Field>
  );
}

export function ToggleInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: boolean;
  onChange: (v: boolean) => void;
}) {
  const id = useId();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: token('space.050') }}>
      <Toggle id={id} isChecked={value} onChange={() => onChange(!value)} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function FormRow({ children }: { children: React.ReactNode }) {
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200'), alignItems: 'flex-start' }}>
      {children}
    </div>
  );
}
