import Feedback from '@atlaskit/icon/core/feedback';
import { unwrap } from './unwrap';

export const FeedbackIcon = unwrap(Feedback);
