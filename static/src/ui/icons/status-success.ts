import StatusSuccess from '@atlaskit/icon/core/status-success';
import { unwrap } from './unwrap';

export const StatusSuccessIcon = unwrap(StatusSuccess);
