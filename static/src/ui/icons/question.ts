import QuestionCircle from '@atlaskit/icon/core/question-circle';
import { unwrap } from './unwrap';

export const QuestionIcon = unwrap(QuestionCircle);
