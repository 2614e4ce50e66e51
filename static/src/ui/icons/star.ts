import StarUnstarred from '@atlaskit/icon/core/star-unstarred';
import { unwrap } from './unwrap';

export const StarIcon = unwrap(StarUnstarred);
