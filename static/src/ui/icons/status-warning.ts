import StatusWarning from '@atlaskit/icon/core/status-warning';
import { unwrap } from './unwrap';

export const StatusWarningIcon = unwrap(StatusWarning);
