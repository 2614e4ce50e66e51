import PeopleGroup from '@atlaskit/icon/core/people-group';
import { unwrap } from './unwrap';

export const PeopleIcon = unwrap(PeopleGroup);
