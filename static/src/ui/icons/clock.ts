import Clock from '@atlaskit/icon/core/clock';
import { unwrap } from './unwrap';

export const ClockIcon = unwrap(Clock);
