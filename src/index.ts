/**
 * The app's entry points: exactly the handlers manifest.yml names (test/manifest keeps them in
 * step). Grouped by module kind; each is a thin handler over one use case.
 */
import Resolver from '@forge/resolver';
import { appPorts, callerJira, lifecycleDeps } from './composition';
import { adminDefinitions } from './handlers/admin-resolvers';
import { agentDefinitions } from './handlers/agent-resolvers';
import { resolverOf } from './handlers/define-resolver';
import { issueEventHandler } from './handlers/issue-event-trigger';
import { oneClickHandler } from './handlers/one-click-web-trigger';
import { portalDefinitions } from './handlers/portal-resolvers';
import { projectDefinitions } from './handlers/project-resolvers';
import { recomputeHandler } from './handlers/recompute-consumer';
import type { ResolverDeps } from './handlers/resolver-deps';
import { hourlyHandler, weeklyPrivacyHandler } from './handlers/scheduled-triggers';
import type { TriggerDeps } from './handlers/trigger-deps';

const resolverDeps: ResolverDeps = { ports: appPorts, caller: callerJira };
const triggerDeps: TriggerDeps = { ports: appPorts, lifecycle: lifecycleDeps };

// Product events
export const onIssueEvent = issueEventHandler(triggerDeps);

// Scheduled triggers
export const onHourlyTick = hourlyHandler(triggerDeps);
export const onWeeklyPrivacy = weeklyPrivacyHandler(triggerDeps);

// Web trigger
export const oneClickAnswer = oneClickHandler(triggerDeps);

// Queue consumer (manifest: resolver method `recompute`); the payload is the pushed body.
// https://developer.atlassian.com/platform/forge/runtime-reference/async-events-api/
const recompute = recomputeHandler(triggerDeps);
export const onRecomputeJob = new Resolver().define('recompute', (req) => recompute(req.payload)).getDefinitions();

// Custom UI resolvers, one set per surface
export const portalResolver = resolverOf(portalDefinitions(resolverDeps));
export const agentResolver = resolverOf(agentDefinitions(resolverDeps));
export const adminResolver = resolverOf(adminDefinitions(resolverDeps));
export const projectResolver = resolverOf(projectDefinitions(resolverDeps));
