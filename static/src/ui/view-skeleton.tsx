import Skeleton from '@atlaskit/skeleton';
import { token } from '@atlaskit/tokens';
import { useMessages } from '../i18n/messages';

/** Grey bars in the shape of content, while a view's code or first data arrive. */
export function ViewSkeleton({ lines = 3 }: { lines?: number }) {
  const m = useMessages();
  return (
    <div
      aria-busy="true"
      aria-label={m.t('common.loading')}
      role="status"
      style={{ display: 'flex', flexDirection: 'column', gap: token('space.100'), padding: token('space.100') }}
    >
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} width={i === 0 ? '40%' : `${90 - i * 15}%`} height={i === 0 ? 20 : 14} isShimmering />
      ))}
    </div>
  );
}
