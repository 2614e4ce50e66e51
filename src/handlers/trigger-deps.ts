import type { LifecycleDeps } from '../app/lifecycle/handle-issue-event';
import type { AppPorts } from '../app/ports';

/** What the triggers, the web trigger and the consumer need, built per invocation. */
export interface TriggerDeps {
  readonly ports: () => AppPorts;
  readonly lifecycle: () => LifecycleDeps;
}
