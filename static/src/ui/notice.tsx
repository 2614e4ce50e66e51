import { token } from '@atlaskit/tokens';
import type { ComponentType, ReactElement, ReactNode } from 'react';
import { useMessages } from '../i18n/messages';
import { StatusDiscoveryIcon } from './icons/status-discovery';
import { StatusErrorIcon } from './icons/status-error';
import { StatusInformationIcon } from './icons/status-information';
import { StatusSuccessIcon } from './icons/status-success';
import { StatusWarningIcon } from './icons/status-warning';

export type NoticeAppearance = 'information' | 'warning' | 'error' | 'success' | 'discovery';

interface NoticeProps {
  readonly appearance: NoticeAppearance;
  readonly title: string;
  readonly children: ReactNode;
  readonly actions?: ReactElement[];
  /** The status icon's name; the appearance's own word from the message files when not given. */
  readonly iconLabel?: string;
}

type Icon = ComponentType<{ label: string; color?: 'currentColor' }>;

const LOOK: Readonly<
  Record<
    NoticeAppearance,
    {
      readonly background: Parameters<typeof token>[0];
      readonly icon: Parameters<typeof token>[0];
      readonly Icon: Icon;
    }
  >
> = {
  information: {
    background: 'color.background.information',
    icon: 'color.icon.information',
    Icon: StatusInformationIcon,
  },
  warning: {
    background: 'color.background.warning',
    icon: 'color.icon.warning',
    Icon: StatusWarningIcon,
  },
  error: { background: 'color.background.danger', icon: 'color.icon.danger', Icon: StatusErrorIcon },
  success: {
    background: 'color.background.success',
    icon: 'color.icon.success',
    Icon: StatusSuccessIcon,
  },
  discovery: {
    background: 'color.background.discovery',
    icon: 'color.icon.discovery',
    Icon: StatusDiscoveryIcon,
  },
};

/**
 * An inline message for a failed load, a warning or a notice, drawn as Atlaskit's SectionMessage
 * looks (tinted box, status icon, title, text, actions) with the same design tokens. Atlaskit's own
 * component brings a dismiss button, a tooltip and a popper: about 53 KB gzip, more than a third of
 * a view's budget, for a box of text.
 */
export function Notice({ appearance, title, children, actions, iconLabel }: NoticeProps) {
  const m = useMessages();
  const look = LOOK[appearance];
  return (
    <section
      aria-label={title}
      data-notice={appearance}
      style={{
        display: 'flex',
        gap: token('space.100'),
        background: token(look.background),
        padding: token('space.200'),
        borderRadius: token('radius.small'),
      }}
    >
      <span style={{ color: token(look.icon), display: 'inline-flex', flex: 'none', paddingTop: 2 }}>
        <look.Icon label={iconLabel ?? m.t(`common.notice.${appearance}`)} color="currentColor" />
      </span>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.100'), minWidth: 0 }}>
        <strong style={{ font: token('font.heading.xsmall'), color: token('color.text') }}>{title}</strong>
        <div className="sentio-notice-body">{children}</div>
        {actions !== undefined ? (
          <div style={{ display: 'flex', gap: token('space.100'), flexWrap: 'wrap' }}>{actions}</div>
        ) : null}
      </div>
    </section>
  );
}
