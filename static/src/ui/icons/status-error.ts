import StatusError from '@atlaskit/icon/core/status-error';
import { unwrap } from './unwrap';

export const StatusErrorIcon = unwrap(StatusError);
