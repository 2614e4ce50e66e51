import StatusInformation from '@atlaskit/icon/core/status-information';
import { unwrap } from './unwrap';

export const StatusInformationIcon = unwrap(StatusInformation);
