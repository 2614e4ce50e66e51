import Button from '@atlaskit/button/default/button';
import { Notice } from './notice';
import { type CallError, errorTitle, isRetryable } from '../api/client';

/** A failed load, in place of the content it stands for, with a retry when that can help. */
export function CallErrorMessage({ error, onRetry }: { error: CallError; onRetry?: () => void }) {
  const canRetry = onRetry !== undefined && isRetryable(error);
  return (
    <Notice
      appearance={error.code === 'forbidden' || error.code === 'refused' ? 'warning' : 'error'}
      title={errorTitle(error)}
    >
      <p>{error.message}</p>
      {canRetry ? (
        <p>
          <Button appearance="default" onClick={onRetry}>
            Try again
          </Button>
        </p>
      ) : null}
    </Notice>
  );
}
