import { token } from '@atlaskit/tokens';
import { type KeyboardEvent, useRef } from 'react';
import type { QuestionKind } from '@domain/question';
import { FaceIcon } from '../../ui/face-icon';
import { StarFilledIcon } from '../../ui/icons/star-filled';
import { StarIcon } from '../../ui/icons/star';
import { ThumbsDownIcon } from '../../ui/icons/thumbs-down';
import { ThumbsUpIcon } from '../../ui/icons/thumbs-up';
import { useMessages } from '../../i18n/messages';
import { oneRowMinWidth, type ScaleGlyph, scaleEnds, scaleOptions } from './scale-options';

interface ScoreScaleProps {
  readonly kind: QuestionKind;
  readonly value: number | null;
  readonly onChange: (score: number) => void;
  /** The id of the element holding the question text: the group's accessible name. */
  readonly labelledBy: string;
  readonly disabled?: boolean;
}

/** The widest a tap target grows; the scale is never wider than its targets at this size. */
const MAX_TAP = { thumbs: 96, default: 72 } as const;
/** The gap between options; base.css sets the same (`.sentio-scale-options`). */
const GAP = 4;

/** A face, a star, a thumb or a number: drawn shapes and text, never an emoji glyph. */
export function ScaleGlyphView({ glyph, lit = false }: { glyph: ScaleGlyph; lit?: boolean }) {
  switch (glyph.kind) {
    case 'face':
      return <FaceIcon level={glyph.level} size={28} />;
    case 'star':
      return lit ? <StarFilledIcon label="" color="currentColor" /> : <StarIcon label="" color="currentColor" />;
    case 'thumb':
      return glyph.up ? (
        <ThumbsUpIcon label="" color="currentColor" />
      ) : (
        <ThumbsDownIcon label="" color="currentColor" />
      );
    case 'number':
      return <>{glyph.text}</>;
  }
}

/**
 * One row of large tap targets, exposed as an ARIA radio group: Tab enters on the chosen (or
 * first) option, arrow keys, Home and End move and choose, as the WAI-ARIA radio pattern says.
 * Where the row would not fit with targets of at least 36 px (a 0–10 scale on a phone), the
 * options stack, and the words of the two ends stand beside the first and the last option.
 */
export function ScoreScale({ kind, value, onChange, labelledBy, disabled = false }: ScoreScaleProps) {
  const m = useMessages();
  const options = scaleOptions(kind, m);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const selectedIndex = options.findIndex((o) => o.score === value);
  const focusIndex = selectedIndex === -1 ? 0 : selectedIndex;
  const ends = scaleEnds(kind, m);
  const isStars = kind === 'csat5';
  const maxTap = kind === 'thumbs' ? MAX_TAP.thumbs : MAX_TAP.default;
  const stackBelow = oneRowMinWidth(kind);

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
    <div className="sentio-scale" data-kind={kind}>
      {/* A container query, so the layout is right from the first paint (no measuring). */}
      <style>{`@container sentio-scale (max-width: ${stackBelow - 1}px) {
  .sentio-scale[data-kind='${kind}'] .sentio-scale-options { flex-direction: column; }
  .sentio-scale[data-kind='${kind}'] .sentio-scale-option { flex: 0 0 auto; justify-content: flex-start; }
  .sentio-scale[data-kind='${kind}'] .sentio-scale-end-beside { display: inline; }
  .sentio-scale[data-kind='${kind}'] .sentio-scale-ends { display: none; }
}`}</style>
      <div style={{ maxWidth: options.length * maxTap + (options.length - 1) * GAP }}>
        <div
          role="radiogroup"
          aria-labelledby={labelledBy}
          aria-disabled={disabled || undefined}
          className="sentio-scale-options"
        >
          {options.map((option, index) => {
            const checked = option.score === value;
            // Stars fill up to the chosen one, like every star rating people know.
            const lit = isStars && value !== null && option.score <= value;
            const end = ends === null ? null : index === 0 ? ends[0] : index === options.length - 1 ? ends[1] : null;
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
                className="sentio-tap sentio-scale-option"
                onClick={() => choose(index)}
                onKeyDown={(e) => onKeyDown(e, index)}
                style={{
                  fontSize: option.glyph.kind === 'number' ? 16 : 24,
                  fontWeight: 600,
                  color: isStars ? (lit ? token('color.icon.warning') : token('color.icon.subtle')) : undefined,
                }}
              >
                <span aria-hidden style={{ display: 'inline-flex' }} className="sentio-scale-glyph">
                  <ScaleGlyphView glyph={option.glyph} lit={lit} />
                </span>
                {end !== null ? (
                  <span aria-hidden className="sentio-scale-end-beside">
                    {end}
                  </span>
                ) : null}
              </button>
            );
          })}
        </div>
        {ends !== null ? (
          <div aria-hidden className="sentio-scale-ends">
            <span>{ends[0]}</span>
            <span>{ends[1]}</span>
          </div>
        ) : null}
      </div>
    </div>
  );
}
