import ArrowDown from '@atlaskit/icon/core/arrow-down';
import ArrowRight from '@atlaskit/icon/core/arrow-right';
import ArrowUp from '@atlaskit/icon/core/arrow-up';
import CheckCircle from '@atlaskit/icon/core/check-circle';
import Clock from '@atlaskit/icon/core/clock';
import Comment from '@atlaskit/icon/core/comment';
import Email from '@atlaskit/icon/core/email';
import Emoji from '@atlaskit/icon/core/emoji';
import EmojiNeutral from '@atlaskit/icon/core/emoji-neutral';
import Feedback from '@atlaskit/icon/core/feedback';
import LockLocked from '@atlaskit/icon/core/lock-locked';
import PeopleGroup from '@atlaskit/icon/core/people-group';
import QuestionCircle from '@atlaskit/icon/core/question-circle';
import Retry from '@atlaskit/icon/core/retry';
import Stopwatch from '@atlaskit/icon/core/stopwatch';
import StatusWarning from '@atlaskit/icon/core/status-warning';
import Warning from '@atlaskit/icon/core/warning';

/**
 * Atlassian design-system icons (`@atlaskit/icon`, core set), instead of emoji glyphs that turn
 * into boxes without an emoji font. The glyph files are CommonJS; imported from an ES module
 * package ("type": "module") the bundler hands over `module.exports` as the default, so each is
 * unwrapped once here (in tests and Atlaskit's own imports the default is already the component).
 */
function unwrap<T>(imported: T): T {
  const m = imported as unknown as { __esModule?: boolean; default?: T };
  return typeof m === 'object' && m !== null && m.__esModule === true && m.default !== undefined ? m.default : imported;
}

export const ArrowDownIcon = unwrap(ArrowDown);
export const ArrowRightIcon = unwrap(ArrowRight);
export const ArrowUpIcon = unwrap(ArrowUp);
export const CheckCircleIcon = unwrap(CheckCircle);
export const ClockIcon = unwrap(Clock);
export const CommentIcon = unwrap(Comment);
export const EmailIcon = unwrap(Email);
export const SmileIcon = unwrap(Emoji);
export const NeutralFaceIcon = unwrap(EmojiNeutral);
export const FeedbackIcon = unwrap(Feedback);
export const LockIcon = unwrap(LockLocked);
export const PeopleIcon = unwrap(PeopleGroup);
export const QuestionIcon = unwrap(QuestionCircle);
export const RetryIcon = unwrap(Retry);
export const StopwatchIcon = unwrap(Stopwatch);
export const StatusWarningIcon = unwrap(StatusWarning);
export const WarningIcon = unwrap(Warning);
