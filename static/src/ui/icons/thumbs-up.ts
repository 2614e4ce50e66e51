import ThumbsUp from '@atlaskit/icon/core/thumbs-up';
import { unwrap } from './unwrap';

export const ThumbsUpIcon = unwrap(ThumbsUp);
