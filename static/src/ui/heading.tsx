import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

const FONT = {
  xsmall: 'font.heading.xsmall',
  small: 'font.heading.small',
  medium: 'font.heading.medium',
  large: 'font.heading.large',
} as const;

/**
 * A heading in Atlaskit's type scale (design tokens). Atlaskit's Heading component pulls in the
 * primitives package for this one style (see ui/lozenge.tsx).
 */
export function Heading({
  size,
  as: Tag,
  id,
  children,
}: {
  size: keyof typeof FONT;
  as: 'h1' | 'h2' | 'h3' | 'h4';
  id?: string;
  children: ReactNode;
}) {
  return (
    <Tag id={id} style={{ font: token(FONT[size]), color: token('color.text'), margin: 0 }}>
      {children}
    </Tag>
  );
}
