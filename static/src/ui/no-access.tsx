import { useMessages } from '../i18n/messages';
import { Notice } from './notice';

/** The one page-level answer to "you may not see this": said once, with what to do about it. */
export function NoAccess({ message, hint }: { message: string; hint?: string }) {
  const m = useMessages();
  return (
    <Notice appearance="warning" title={m.t('common.error.title.forbidden')}>
      <p>{message}</p>
      <p>{hint ?? m.t('common.noAccessHint')}</p>
    </Notice>
  );
}
