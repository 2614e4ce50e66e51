import Comment from '@atlaskit/icon/core/comment';
import { unwrap } from './unwrap';

export const CommentIcon = unwrap(Comment);
