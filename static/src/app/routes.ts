import { type ComponentType, lazy, type LazyExoticComponent } from 'react';
import type { ModuleKey } from '../host/host';

type LazyView = LazyExoticComponent<ComponentType>;

/**
 * One lazily loaded chunk per surface: the portal panel never downloads the admin editors, and
 * the issue glance never downloads the charts. Two modules that show the same thing share a chunk.
 */
const issuePanel = lazy(() => import('../views/issue/issue-panel'));
const issueGlance = lazy(() => import('../views/issue/issue-glance'));
const projectPage = lazy(() => import('../views/project/project-page'));
const scorecardGadget = lazy(() => import('../views/project/scorecard-gadget'));
const adminPage = lazy(() => import('../views/admin/admin-page'));
const portalSurvey = lazy(() => import('../views/portal/portal-survey'));

export const VIEWS: Readonly<Record<ModuleKey, LazyView>> = {
  'sentio-issue-panel': issuePanel,
  'sentio-issue-context': issueGlance,
  'sentio-project-page': projectPage,
  // Project settings shows the same editors as the admin page, scoped to the project.
  'sentio-project-settings': adminPage,
  'sentio-admin-page': adminPage,
  'sentio-scorecard-gadget': scorecardGadget,
  'sentio-portal-survey': portalSurvey,
};

export function viewFor(moduleKey: string): LazyView | null {
  return Object.hasOwn(VIEWS, moduleKey) ? VIEWS[moduleKey as ModuleKey] : null;
}
