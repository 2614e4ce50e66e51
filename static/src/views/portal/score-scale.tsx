import { token } from '@atlaskit/tokens';
import { type KeyboardEvent, useRef } from 'react';
import type { QuestionKind } from '@domain/question';
import { scaleEnds, scaleOptions } from './scale-options';

interface ScoreScaleProps {
  readonly kind: QuestionKind;
  readonly value: number | null;
  readonly onChange: (score: number) => void;
  /** The id of the element holding the question text: the group's accessible name. */
  readonly labelledBy: string;
  readonly disabled?: boolean;
}

/**
 * One row of large tap targets, exposed as an ARIA radio group: Tab enters on the chosen (or
 * first) option, arrow keys, Home and End move and choose, as the WAI-ARIA radio pattern says.
 */
export function ScoreScale({ kind, value, onChange, labelledBy, disabled = false }: ScoreScaleProps) {
  const options = scaleOptions(kind);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const selectedIndex = options.findIndex((o) => o.score === value);
  const focusIndex = selectedIndex === -1 ? 0 : selectedIndex;
  const ends = scaleEnds(kind);
  const isStars = kind === 'csat5';

  function choose(index: number) {
    const option = options[index];
    if (option === undefined) return;
    onChange(option.score);
    refs.current[index]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = options.length - 1;
    const next: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowDown: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      ArrowUp: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = next[event.key];
    if (target !== undefined) {
      event.preventDefault();
      choose(target);
    }
  }

  return (
    <div>
      <div
        role="radiogroup"
        aria-labelledby={labelledBy}
        aria-disabled={disabled || undefined}
        style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.075') }}
      >
        {options.map((option, index) => {
          const checked = option.score === value;
          // Stars fill up to the chosen one, like every star rating people know.
          const lit = isStars && value !== null && option.score <= value;
          return (
            <button
              key={option.score}
              ref={(el) => {
                refs.current[index] = el;
              }}
              type="button"
              role="radio"
              aria-checked={checked}
              aria-label={option.label}
              title={option.label}
              tabIndex={index === focusIndex ? 0 : -1}
              disabled={disabled}
              className="sentio-tap"
              onClick={() => choose(index)}
              onKeyDown={(e) => onKeyDown(e, index)}
              style={{
                // 40 px wide (44 tall): five options fit one row of a 320 px phone's portal panel.
                flex: '1 0 40px',
                minHeight: 44,
                maxWidth: kind === 'thumbs' ? 96 : 72,
                fontSize: kind === 'happiness10' || kind === 'ces7' ? 16 : 24,
                fontWeight: 600,
                color: isStars ? (lit ? token('color.icon.warning') : token('color.icon.subtle')) : undefined,
              }}
            >
              <span aria-hidden>{option.face}</span>
            </button>
          );
        })}
      </div>
      {ends !== null ? (
        <div
          aria-hidden
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            marginTop: token('space.050'),
            color: token('color.text.subtlest'),
            fontSize: 12,
          }}
        >
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </div>
      ) : null}
    </div>
  );
}
