import CheckCircle from '@atlaskit/icon/core/check-circle';
import { unwrap } from './unwrap';

export const CheckCircleIcon = unwrap(CheckCircle);
