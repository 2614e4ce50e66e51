import Button from '@atlaskit/button/default/button';
import { Notice } from './notice';
import { type CallError, isRetryable } from '../api/client';
import { useMessages } from '../i18n/messages';
import { errorHeading, errorText } from './error-words';

/** A failed load, in place of the content it stands for, with a retry when that can help. */
export function CallErrorMessage({ error, onRetry }: { error: CallError; onRetry?: () => void }) {
  const m = useMessages();
  const canRetry = onRetry !== undefined && isRetryable(error);
  return (
    <Notice
      appearance={error.code === 'forbidden' || error.code === 'refused' ? 'warning' : 'error'}
      title={errorHeading(m, error)}
    >
      <p>{errorText(m, error)}</p>
      {canRetry ? (
        <p>
          <Button appearance="default" onClick={onRetry}>
            {m.t('common.tryAgain')}
          </Button>
        </p>
      ) : null}
    </Notice>
  );
}
