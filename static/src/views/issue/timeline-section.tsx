import { token } from '@atlaskit/tokens';
import type { ComponentType } from 'react';
import type { TimelineEntry } from '@contracts/agent';
import { formatDateTime, formatRelative } from '@domain/i18n';
import { useMessages } from '../../i18n/messages';
import { CheckCircleIcon } from '../../ui/icons/check-circle';
import { ClockIcon } from '../../ui/icons/clock';
import { CommentIcon } from '../../ui/icons/comment';
import { FeedbackIcon } from '../../ui/icons/feedback';
import { NotificationIcon } from '../../ui/icons/notification';
import { PeopleIcon } from '../../ui/icons/people';
import { SendIcon } from '../../ui/icons/send';
import { StopwatchIcon } from '../../ui/icons/stopwatch';
import { UndoIcon } from '../../ui/icons/undo';
import { Muted, Section } from '../../ui/section';
import { timelineTitle } from './server-words';

type Icon = ComponentType<{ label: string; color?: 'currentColor'; size?: 'small' | 'medium' }>;

/** Atlassian design-system icons: they draw the same with or without an emoji font. */
const KIND_ICON: Readonly<Record<TimelineEntry['kind'], Icon>> = {
  answer: FeedbackIcon,
  'comment-sentiment': CommentIcon,
  chaser: NotificationIcon,
  'sla-breached': StopwatchIcon,
  reopened: UndoIcon,
  reassigned: PeopleIcon,
  'ask-created': SendIcon,
  'ask-expired': ClockIcon,
  'follow-up': CheckCircleIcon,
};

const TONE_COLOUR = {
  good: 'color.border.success',
  bad: 'color.border.danger',
  neutral: 'color.border',
} as const;

/** Everything that told us something about this experience, newest first. */
export function TimelineSection({ entries }: { entries: readonly TimelineEntry[] }) {
  const m = useMessages();
  const newestFirst = [...entries].sort((a, b) => b.at - a.at);
  const now = Date.now();
  return (
    <Section title={m.t('issuePanel.signals.title')}>
      {newestFirst.length === 0 ? (
        <Muted>{m.t('issuePanel.signals.none')}</Muted>
      ) : (
        <ol
          style={{
            listStyle: 'none',
            margin: 0,
            padding: 0,
            display: 'flex',
            flexDirection: 'column',
            gap: token('space.100'),
          }}
        >
          {newestFirst.map((e) => {
            const Icon = KIND_ICON[e.kind];
            return (
              <li
                key={e.id}
                style={{
                  borderInlineStart: `3px solid ${token(TONE_COLOUR[e.tone])}`,
                  paddingInlineStart: token('space.100'),
                  display: 'flex',
                  flexDirection: 'column',
                }}
              >
                <span style={{ display: 'flex', alignItems: 'center', gap: token('space.075'), flexWrap: 'wrap' }}>
                  <span style={{ color: token('color.icon.subtle'), display: 'inline-flex' }}>
                    <Icon label="" color="currentColor" size="small" />
                  </span>
                  <strong>{timelineTitle(m, e)}</strong>
                  <time
                    dateTime={new Date(e.at).toISOString()}
                    title={formatDateTime(m.locale, e.at)}
                    style={{ color: token('color.text.subtlest') }}
                  >
                    {formatRelative(m.locale, e.at, now)}
                  </time>
                </span>
                {e.detail !== null && e.detail !== '' ? (
                  <blockquote
                    className="sentio-quote"
                    style={{
                      margin: `${token('space.050')} 0 0`,
                      color: token('color.text.subtle'),
                      fontStyle: 'italic',
                    }}
                  >
                    {m.t('issuePanel.signals.quote', { text: e.detail })}
                  </blockquote>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
