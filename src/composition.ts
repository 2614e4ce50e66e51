/** Wires the Forge adapters into the use cases' ports, with plain functions (no container). */
import type { AppPorts, CallerJira } from './app/ports';
import type { LifecycleDeps } from './app/lifecycle/handle-issue-event';
import { adfToText, createCommentScorer } from './domain/sentiment';
import { createCallerJira, createJiraClient } from './platform/jira-client';
import { forgeMessages } from './platform/forge-messages';
import { createKvsStores } from './platform/kvs-store';
import {
  createQueue,
  createSecrets,
  cryptoRandom,
  personalData,
  systemClock,
  webTriggerLinks,
} from './platform/forge-services';

/** Built per invocation: adapters hold no per-call state, but nothing is shared across calls either. */
export function appPorts(): AppPorts {
  const jira = createJiraClient();
  return {
    ...createKvsStores(),
    jira,
    directory: jira,
    clock: systemClock,
    random: cryptoRandom,
    queue: createQueue(),
    secrets: createSecrets(cryptoRandom),
    personalData,
    links: webTriggerLinks,
    messages: forgeMessages,
  };
}

export function callerJira(): CallerJira {
  return createCallerJira();
}

export function lifecycleDeps(): LifecycleDeps {
  return {
    // Prepare (strip quoted replies, signatures, code, links), then score: the evaluated path.
    score: createCommentScorer(),
    toText: adfToText,
    waitingForCustomerStatuses: ['Waiting for customer', 'Pending'],
  };
}
