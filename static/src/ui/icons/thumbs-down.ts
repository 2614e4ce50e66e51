import ThumbsDown from '@atlaskit/icon/core/thumbs-down';
import { unwrap } from './unwrap';

export const ThumbsDownIcon = unwrap(ThumbsDown);
