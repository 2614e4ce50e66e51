import ArrowDown from '@atlaskit/icon/core/arrow-down';
import { unwrap } from './unwrap';

export const ArrowDownIcon = unwrap(ArrowDown);
