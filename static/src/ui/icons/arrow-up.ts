import ArrowUp from '@atlaskit/icon/core/arrow-up';
import { unwrap } from './unwrap';

export const ArrowUpIcon = unwrap(ArrowUp);
