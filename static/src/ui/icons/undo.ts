import Undo from '@atlaskit/icon/core/undo';
import { unwrap } from './unwrap';

export const UndoIcon = unwrap(Undo);
