import { token } from '@atlaskit/tokens';
import { lazy, type ReactElement, type ReactNode, Suspense } from 'react';

/**
 * Atlaskit's SectionMessage brings its dismiss IconButton, and with it Tooltip and a popper: about
 * a fifth of a view's budget. Messages are the exception, so it loads on first use; until then the
 * same title and text show in a plain box, so nothing waits on it.
 */
const SectionMessage = lazy(() => import('@atlaskit/section-message'));

export type NoticeAppearance = 'information' | 'warning' | 'error' | 'success' | 'discovery';

interface NoticeProps {
  readonly appearance: NoticeAppearance;
  readonly title: string;
  readonly children: ReactNode;
  readonly actions?: ReactElement[];
}

const BORDER = {
  information: 'color.border.information',
  warning: 'color.border.warning',
  error: 'color.border.danger',
  success: 'color.border.success',
  discovery: 'color.border.discovery',
} as const;

const BACKGROUND = {
  information: 'color.background.information',
  warning: 'color.background.warning',
  error: 'color.background.danger',
  success: 'color.background.success',
  discovery: 'color.background.discovery',
} as const;

function PlainNotice({ appearance, title, children, actions }: NoticeProps) {
  return (
    <section
      aria-label={title}
      data-notice="plain"
      style={{
        borderLeft: `4px solid ${token(BORDER[appearance])}`,
        background: token(BACKGROUND[appearance]),
        padding: token('space.200'),
        borderRadius: token('radius.small'),
      }}
    >
      <strong>{title}</strong>
      <div>{children}</div>
      {actions !== undefined ? (
        <div style={{ display: 'flex', gap: token('space.100'), marginTop: token('space.100') }}>{actions}</div>
      ) : null}
    </section>
  );
}

/** An inline message (Atlaskit SectionMessage) for a failed load, a warning or a notice. */
export function Notice(props: NoticeProps) {
  return (
    <Suspense fallback={<PlainNotice {...props} />}>
      <SectionMessage appearance={props.appearance} title={props.title} actions={props.actions}>
        {props.children}
      </SectionMessage>
    </Suspense>
  );
}
