import { Heading } from './heading';
import { token } from '@atlaskit/tokens';
import { type ReactNode, useId } from 'react';

/** A titled region of a view: the heading names the region for screen-reader navigation. */
export function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: token('space.100'),
          flexWrap: 'wrap',
        }}
      >
        <Heading size="xsmall" as="h3" id={id}>
          {title}
        </Heading>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <span style={{ color: token('color.text.subtlest') }}>{children}</span>;
}
