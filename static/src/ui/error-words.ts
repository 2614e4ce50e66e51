import type { MessageKey, Translator } from '@domain/i18n';
import { type CallError, CLIENT_CHECK } from '../api/client';

const TITLE = {
  validation: 'common.error.title.validation',
  forbidden: 'common.error.title.forbidden',
  'not-found': 'common.error.title.notFound',
  conflict: 'common.error.title.conflict',
  refused: 'common.error.title.refused',
  unavailable: 'common.error.title.unavailable',
  bridge: 'common.error.title.unavailable',
  'bad-response': 'common.error.title.failed',
  internal: 'common.error.title.failed',
} as const satisfies Readonly<Record<CallError['code'], MessageKey>>;

/** A heading for an error in the reader's words, by what they can do about it. */
export function errorHeading(m: Translator, error: CallError): string {
  return m.t(TITLE[error.code]);
}

/**
 * What went wrong, in the reader's words where the words are the UI's own (the bridge failed, the
 * answer did not parse, a field was refused before sending); otherwise the server's message.
 */
export function errorText(m: Translator, error: CallError): string {
  if (error.code === 'bridge')
    return m.t(error.reason === 'timeout' ? 'common.error.timeout' : 'common.error.unreachable');
  if (error.code === 'bad-response') return m.t('common.error.badResponse');
  if (error.code === 'validation' && error.reason === CLIENT_CHECK) return m.t('common.error.fields');
  return error.message;
}
