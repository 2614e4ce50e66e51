// The options of a local host and the shapes its programmatic API returns.
import type { Handler } from './platform.js';

export interface HostOptions {
  /** Where the SQLite file lives; default `.local-data/` in the repo. `':memory:'` for a throwaway host. */
  dataDir?: string;
  /** HTTP port; 0 picks a free one. Default 0. */
  port?: number;
  host?: string;
  seed?: 'demo' | 'empty' | 'basic';
  /** Wipe the data before starting (`npm start -- --reset`). */
  reset?: boolean;
  /** Start the site clock here (ms) for deterministic tests; it stays frozen until advanced. */
  clock?: number;
  manifestPath?: string;
  /** Replace handlers by manifest function key (or `index.export`): fixture apps for contract tests. */
  handlers?: Record<string, Handler>;
  /** Serve a resource from another folder, by resource key (browser test fixtures). */
  resourceDirs?: Record<string, string>;
  /** Run scheduled triggers on their real intervals. Default true for `npm start`, false otherwise. */
  scheduler?: boolean;
  /** Scale for retry and `delayInSeconds` waits; 0 makes them immediate (tests, seeding). Default 1. */
  delayScale?: number;
  /** Parallel deliveries (events + queue messages). Default 4. */
  concurrency?: number;
  /** Deliver product events this many ms after the change (Jira is late); default 0. */
  eventLatencyMs?: number;
  /** Entity values may not carry undeclared attributes (default true, as Forge validates). */
  strictEntityAttributes?: boolean;
  /** Scales function time limits (tests: 0.01 makes 25 s into 250 ms). Default 1. */
  timeLimitScale?: number;
  /** Log invocations to stdout. */
  verbose?: boolean;
  /** Seed options for the demo. */
  demo?: { tickets?: number; days?: number; seed?: number; summary?: boolean };
  /** How the host answers where the Forge docs are silent (local/CONFORMANCE.md). */
  readings?: HostReadings;
}

/** One plausible reading of each behaviour the docs leave open; defaults in brackets. */
export interface HostReadings {
  /** Status and code of a transaction refused by a condition [409 CONDITIONAL_CHECK_FAILED]. */
  conditionFailure?: { status: number; code: string };
  /** A transaction condition on a key that does not exist: evaluated on no value, or always false ['evaluate']. */
  missingKeyConditions?: 'evaluate' | 'fail';
  /** Whether JSM comment events carry `comment.jsdPublic` [true]. */
  commentJsdPublic?: boolean;
  /** `asUser()` from a JSM portal customer's invocation ['refused']. */
  asUserForCustomers?: 'refused' | 'allowed';
  /** Whether users must grant the app access before its first `asUser()` call ['granted']. */
  asUserConsent?: 'granted' | 'required';
}

/** Which product events `redeliver()` sends again; every given condition must hold. */
export interface RedeliverFilter {
  /** Event sequence numbers, as `events()` lists them. */
  seq?: number[];
  fromSeq?: number;
  toSeq?: number;
  eventType?: string;
  issueKey?: string;
  selfGenerated?: boolean;
  /** Only to this trigger (manifest key); default every trigger subscribed to the event. */
  trigger?: string;
  where?: (event: {
    seq: number;
    eventType: string;
    payload: Record<string, unknown>;
    selfGenerated: boolean;
    at: number;
  }) => boolean;
}

export interface Delivery {
  id: number;
  kind: 'trigger' | 'consumer';
  target: string;
  payload: Record<string, unknown>;
  jobId: string | null;
  attempt: number;
  state: 'pending' | 'running' | 'done' | 'failed';
  lastError: string | null;
}

export interface DeliveryRow {
  id: number;
  kind: 'trigger' | 'consumer';
  target: string;
  payload: string;
  job_id: string | null;
  attempt: number;
  not_before: number;
  state: Delivery['state'];
  last_error: string | null;
  retry_data: string | null;
  retry_reason: string | null;
}
