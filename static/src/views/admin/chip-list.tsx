import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { ReasonChip } from '@domain/survey-plan';
import { moveChip, newChipId } from './chip-edits';
import { useRef } from 'react';
import { useAdminT } from './admin-messages';
import { TextInput } from './inputs';
import type { Problems } from './problems';

/**
 * One band's English reason chips: each its own field with buttons to move it or remove it, so a
 * chip is edited as itself (its id and translations follow it), never as a line of text.
 */
export function ChipList({
  legend,
  band,
  chips,
  problems,
  onChange,
}: {
  legend: string;
  band: 'negative' | 'neutral' | 'positive';
  chips: readonly ReasonChip[];
  problems: Problems;
  onChange: (chips: ReasonChip[]) => void;
}) {
  const t = useAdminT();
  const listRef = useRef<HTMLOListElement>(null);
  const at = `followUps.reasonChips.${band}`;
  const listProblem = problems.get(at);
  const add = () => {
    onChange([...chips, { id: newChipId(), label: '' }]);
    // The new chip's field takes the focus once it is drawn.
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus());
  };
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: 0 }}>
      <legend style={{ font: token('font.body.small'), fontWeight: 600, padding: 0 }}>{legend}</legend>
      {listProblem !== undefined ? (
        <span role="alert" style={{ font: token('font.body.small'), color: token('color.text.danger') }}>
          {listProblem}
        </span>
      ) : null}
      <ol ref={listRef} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {chips.map((chip, i) => {
          const name = chip.label.trim() === '' ? t('plan.chipNumber', { n: i + 1 }) : chip.label;
          return (
            <li key={chip.id} style={{ display: 'flex', alignItems: 'flex-end', gap: token('space.050') }}>
              <div style={{ flex: '1 1 auto' }}>
                <TextInput
                  label={t('plan.chipNumber', { n: i + 1 })}
                  value={chip.label}
                  error={problems.get(`${at}[${i}].label`) ?? problems.get(`${at}[${i}].id`)}
                  onChange={(label) => onChange(chips.map((c) => (c.id === chip.id ? { ...c, label } : c)))}
                />
              </div>
              <Button
                appearance="subtle"
                isDisabled={i === 0}
                aria-label={t('plan.chipUp', { chip: name })}
                onClick={() => onChange(moveChip(chips, i, -1))}
              >
                ↑
              </Button>
              <Button
                appearance="subtle"
                isDisabled={i === chips.length - 1}
                aria-label={t('plan.chipDown', { chip: name })}
                onClick={() => onChange(moveChip(chips, i, 1))}
              >
                ↓
              </Button>
              <Button
                appearance="subtle"
                aria-label={t('plan.chipRemove', { chip: name })}
                onClick={() => onChange(chips.filter((c) => c.id !== chip.id))}
              >
                ✕
              </Button>
            </li>
          );
        })}
      </ol>
      <div>
        <Button appearance="subtle" isDisabled={chips.length >= 8} onClick={add}>
          {t('plan.chipAdd')}
        </Button>
      </div>
    </fieldset>
  );
}
