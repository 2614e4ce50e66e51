import Notification from '@atlaskit/icon/core/notification';
import { unwrap } from './unwrap';

export const NotificationIcon = unwrap(Notification);
