import Warning from '@atlaskit/icon/core/warning';
import { unwrap } from './unwrap';

export const WarningIcon = unwrap(Warning);
