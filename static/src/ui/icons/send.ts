import Send from '@atlaskit/icon/core/send';
import { unwrap } from './unwrap';

export const SendIcon = unwrap(Send);
