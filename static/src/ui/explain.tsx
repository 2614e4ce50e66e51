import { type KeyboardEvent, type ReactNode, useId, useState } from 'react';

/**
 * A figure that explains itself: hovering it or focusing it (Tab) shows what it is, how it was
 * computed and what it is compared with. Escape hides the bubble (WCAG 1.4.13); screen readers get
 * the same text as the figure's description.
 */
export function Explain({ children, text }: { children: ReactNode; text: ReactNode }) {
  const id = useId();
  const [hidden, setHidden] = useState(false);
  function onKey(e: KeyboardEvent) {
    if (e.key === 'Escape') setHidden(true);
  }
  return (
    <span
      className="sentio-explain"
      data-hidden={hidden}
      onMouseLeave={() => setHidden(false)}
      onBlur={() => setHidden(false)}
    >
      <span tabIndex={0} className="sentio-explain-term" aria-describedby={id} onKeyDown={onKey}>
        {children}
      </span>
      <span role="tooltip" id={id} className="sentio-explain-bubble">
        {text}
      </span>
    </span>
  );
}
