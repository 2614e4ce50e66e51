import type { AppPorts, CallerJira } from '../app/ports';

/** What every resolver set needs: the ports and the caller's own Jira, built per call (tests inject fakes). */
export interface ResolverDeps {
  readonly ports: () => AppPorts;
  readonly caller: () => CallerJira;
}
