import StarStarred from '@atlaskit/icon/core/star-starred';
import { unwrap } from './unwrap';

export const StarFilledIcon = unwrap(StarStarred);
