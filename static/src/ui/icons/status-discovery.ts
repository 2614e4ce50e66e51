import StatusDiscovery from '@atlaskit/icon/core/status-discovery';
import { unwrap } from './unwrap';

export const StatusDiscoveryIcon = unwrap(StatusDiscovery);
