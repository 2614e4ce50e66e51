import { token } from '@atlaskit/tokens';
import type { ReactNode } from 'react';

export type LozengeAppearance = 'default' | 'success' | 'removed' | 'inprogress' | 'moved' | 'new';

const SUBTLE = {
  default: ['color.background.neutral', 'color.text.subtle'],
  success: ['color.background.success', 'color.text.success'],
  removed: ['color.background.danger', 'color.text.danger'],
  inprogress: ['color.background.information', 'color.text.information'],
  moved: ['color.background.warning', 'color.text.warning'],
  new: ['color.background.discovery', 'color.text.discovery'],
} as const;

const BOLD = {
  default: ['color.background.neutral.bold', 'color.text.inverse'],
  success: ['color.background.success.bold', 'color.text.inverse'],
  removed: ['color.background.danger.bold', 'color.text.inverse'],
  inprogress: ['color.background.information.bold', 'color.text.inverse'],
  moved: ['color.background.warning.bold', 'color.text.warning.inverse'],
  new: ['color.background.discovery.bold', 'color.text.inverse'],
} as const;

/**
 * A status lozenge drawn with Atlaskit's design tokens, as Atlaskit's Lozenge looks. Its own
 * component because Atlaskit's brings the primitives package (≈ 12 KB gzip per view, see
 * BENCHMARKS.md) for a coloured label; it never truncates its text.
 */
export function Lozenge({
  appearance = 'default',
  isBold = false,
  children,
}: {
  appearance?: LozengeAppearance;
  isBold?: boolean;
  children: ReactNode;
}) {
  const [background, color] = (isBold ? BOLD : SUBTLE)[appearance];
  return (
    <span className="sentio-lozenge" style={{ background: token(background), color: token(color) }}>
      {children}
    </span>
  );
}
