import { token } from '@atlaskit/tokens';
import type { TimelineEntry } from '@contracts/agent';
import { formatDateTime, formatRelative } from '../../ui/format';
import { Muted, Section } from '../../ui/section';

const KIND_ICON: Readonly<Record<TimelineEntry['kind'], string>> = {
  answer: '💬',
  'comment-sentiment': '🗨️',
  chaser: '⏰',
  'sla-breached': '⚠️',
  reopened: '↩️',
  reassigned: '🔀',
  'ask-created': '📨',
  'ask-expired': '⌛',
  'follow-up': '✅',
};

const TONE_COLOUR = {
  good: 'color.border.success',
  bad: 'color.border.danger',
  neutral: 'color.border',
} as const;

/** Everything that told us something about this experience, newest first. */
export function TimelineSection({ entries }: { entries: readonly TimelineEntry[] }) {
  const newestFirst = [...entries].sort((a, b) => b.at - a.at);
  return (
    <Section title="Signals">
      {newestFirst.length === 0 ? (
        <Muted>No signals yet: no answers, scored comments or operational events on this ticket.</Muted>
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
          {newestFirst.map((e) => (
            <li
              key={e.id}
              style={{
                borderLeft: `3px solid ${token(TONE_COLOUR[e.tone])}`,
                paddingLeft: token('space.100'),
                display: 'flex',
                flexDirection: 'column',
              }}
            >
              <span>
                <span aria-hidden>{KIND_ICON[e.kind]} </span>
                <strong>{e.title}</strong>{' '}
                <time
                  dateTime={new Date(e.at).toISOString()}
                  title={formatDateTime(e.at)}
                  style={{ color: token('color.text.subtlest') }}
                >
                  {formatRelative(e.at)}
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
                  “{e.detail}”
                </blockquote>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
