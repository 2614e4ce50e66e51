import ArrowRight from '@atlaskit/icon/core/arrow-right';
import { unwrap } from './unwrap';

export const ArrowRightIcon = unwrap(ArrowRight);
