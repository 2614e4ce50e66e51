import Stopwatch from '@atlaskit/icon/core/stopwatch';
import { unwrap } from './unwrap';

export const StopwatchIcon = unwrap(Stopwatch);
