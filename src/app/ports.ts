/**
 * The ports use cases are written against. Adapters over Forge live in src/platform; tests use
 * hand-written fakes (test/app/fakes). One port per aggregate or capability. Every method may
 * throw `TransientError` (429/5xx); checked writes throw `WriteConflict` when they lost a race.
 */
import type { Ask } from '../domain/ask';
import type { Locale, Translator } from '../domain/i18n';
import type { SurveyPlan } from '../domain/survey-plan';
import type { XlaDefinition } from '../domain/xla';
import type { EpochMs } from '../domain/time';
import type { SlaMetric } from '../domain/ticket';
import type { RollupBucket } from '../domain/rollup';
import type { BucketRef, ExperienceProperty, StoredBucket, TicketRecord } from './tickets/ticket-record';

// Defined with the ticket record they describe; named here too, where the ports use them.
export type { BucketRef, ExperienceProperty } from './tickets/ticket-record';
import type { SitePriorsState } from './scorecards/site-priors-state';

export interface Clock {
  now(): EpochMs;
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** An unguessable id (token nonces, audit ids, job ids). */
  id(): string;
}

/**
 * Which rollup generation the dashboards read, and which one a recompute is building. Generation
 * '' is the original key layout. A rebuild writes every ticket into `building`, live writes go to
 * both, and the end of the job makes `building` active in one checked write.
 */
export interface RollupGenerations {
  readonly active: string;
  readonly building: string | null;
  /**
   * Generations no longer read or written (a superseded or finished rebuild left them behind),
   * with when they stopped being live. The hourly job deletes their buckets, a bounded number per
   * run, once no in-flight write can still reach them (src/app/recompute/collect-retired-generations.ts).
   */
  readonly retired?: ReadonlyArray<{ readonly generation: string; readonly at: EpochMs }>;
}

export const LEGACY_GENERATIONS: RollupGenerations = { active: '', building: null };

/** The admin's configuration: one versioned document, so saves can be checked against a stale edit. */
export interface StoredConfig {
  /** Bumps on every admin edit (the UI's stale-edit check). */
  readonly version: number;
  readonly xlas: readonly XlaDefinition[];
  readonly plans: readonly SurveyPlan[];
  readonly rollups?: RollupGenerations;
  /** The document's storage revision: every write, edits and generation switches alike. */
  readonly rev?: number;
}

export interface Versioned<T> {
  readonly value: T;
  /** Optimistic-concurrency revision; 0 when the record does not exist yet. */
  readonly rev: number;
}

/** One atomic write: ticket, its new or changed asks and the rollup deltas (DESIGN.md data flow 2). */
export interface UnitOfWork {
  readonly ticket?: { readonly record: TicketRecord; readonly expectedRev: number };
  /** More tickets in the same transaction, each checked on its revision (a recompute's batch). */
  readonly tickets?: ReadonlyArray<{ readonly record: TicketRecord; readonly expectedRev: number }>;
  readonly asks?: ReadonlyArray<{ readonly ask: Ask; readonly usedNonces?: readonly string[] }>;
  readonly buckets?: ReadonlyArray<{ readonly bucket: StoredBucket; readonly expectedRev: number }>;
  /** Also require the configuration document to still be at this revision (recompute writes). */
  readonly configRev?: number;
  /**
   * Account ids this write stores that were not stored there before, each with what holds it: the
   * adapter writes their account rows (the personal-data report) and links no later than the data.
   */
  readonly holdings?: readonly AccountHolding[];
  /** Projects this write may show the app for the first time (site priors, generation clean-up). */
  readonly projects?: readonly string[];
}

/** One entry of the configuration audit log. */
export interface AuditEntry {
  readonly id: string;
  readonly at: EpochMs;
  readonly actorId: string;
  readonly action:
    | 'xla-saved'
    | 'xla-deleted'
    | 'plan-saved'
    | 'plan-deleted'
    | 'config-imported'
    | 'recompute-started'
    | 'secret-rotated';
  readonly target: string;
  readonly summary: string;
}

/** A rollup recompute job as the admin sees its progress. */
export interface RecomputeJob {
  readonly jobId: string;
  readonly state: 'queued' | 'running' | 'done' | 'failed';
  readonly processed: number;
  readonly total: number | null;
  readonly startedAt: EpochMs;
  readonly finishedAt: EpochMs | null;
  readonly message: string;
}

/** The job with where its walk over the tickets stands. */
export interface RecomputeState extends RecomputeJob {
  readonly cursor: string | null;
  readonly configVersion: number;
}

/** What the XLA and plan editors offer in their scope pickers, read from Jira as the app. */
export interface ScopeOptions {
  readonly projects: ReadonlyArray<{ readonly id: string; readonly key: string; readonly name: string }>;
  readonly requestTypes: ReadonlyArray<{ readonly id: string; readonly name: string; readonly projectId: string }>;
  readonly priorities: ReadonlyArray<{ readonly id: string; readonly name: string }>;
}

/** Where the clean-up of retired rollup generations stopped (generation, project cursor). */
export interface RollupGcState {
  readonly generation: string | null;
  readonly cursor: string | null;
}

/** Small app-owned documents besides the configuration and the recompute job, each read whole. */
export interface AppDocs {
  readonly 'site-priors': SitePriorsState;
  readonly 'account-backfill': AccountBackfillState;
  readonly 'rollup-gc': RollupGcState;
  /** The scope pickers' options with when they were read from Jira (a short-lived cache). */
  readonly 'scope-options': { readonly at: EpochMs; readonly options: ScopeOptions };
}
export type AppDocKey = keyof AppDocs;

/**
 * Where the hourly back-fill of account rows for data stored before every held account id was
 * recorded stands (src/app/privacy/backfill-holdings.ts). Positions are values of the sort
 * attribute, never query cursors (the docs say not to persist those): `since` the last value
 * reached and `seen` the keys already done at exactly that value.
 */
export interface AccountBackfillState {
  readonly phase: 'tickets' | 'audit' | 'done';
  readonly since: EpochMs;
  readonly seen: readonly string[];
  readonly finishedAt: EpochMs | null;
}

/** What holds a stored account id: a ticket record, an ask or an audit-log entry. */
export interface AccountHolder {
  readonly kind: 'ticket' | 'ask' | 'audit';
  readonly id: string;
}

/** One account id as held by one stored document. */
export interface AccountHolding {
  readonly accountId: string;
  readonly holder: AccountHolder;
}

export interface StoredAsk {
  readonly ask: Ask;
  /** Nonces of one-click tokens already spent on this ask (single use). */
  readonly usedNonces: readonly string[];
  readonly rev: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly cursor: string | null;
}

export interface BucketQuery {
  /** The rollup generation; omitted: the active one (one more read). */
  readonly generation?: string;
  readonly projectId: string;
  readonly fromDay: string;
  readonly toDay: string;
}

/** A day of one project and generation as the compaction reads it. */
export interface DayRows {
  readonly generation: string;
  readonly projectId: string;
  readonly day: string;
  /** The shard buckets that exist; `live`: changed since the day was last compacted. */
  readonly shards: ReadonlyArray<Versioned<StoredBucket> & { readonly live: boolean }>;
  readonly summary: Versioned<StoredBucket> | null;
}

export interface RiskQuery {
  readonly projectId: string;
  readonly minRiskScore: number;
  readonly limit: number;
}

/** Tickets of one project whose last event is at or after `since`, newest activity first. */
export interface ActivityQuery {
  readonly projectId: string;
  readonly since: EpochMs;
  readonly limit: number;
}

/** The configuration document. */
export interface ConfigStore {
  getConfig(): Promise<StoredConfig>;
  /** Writes `next` as given; refuses with `WriteConflict` when the document's revision is not `expectedRev`. */
  saveConfig(next: StoredConfig, expectedRev: number): Promise<void>;
}

/** Ticket records: the ticket aggregate, its indexed scans, and its one atomic write. */
export interface TicketStore {
  getTicket(ticketId: string): Promise<Versioned<TicketRecord> | null>;
  /** All or nothing; `WriteConflict` when a checked revision moved. */
  commit(unit: UnitOfWork): Promise<void>;
  /**
   * A ticket alone, checked on `expectedRev` (erasure). With `erasedAccount`, the account's link to
   * the ticket goes in the same transaction: a write racing the erasure either conflicts or comes
   * after it with a link of its own.
   */
  putTicket(record: TicketRecord, expectedRev: number, erasedAccount?: string): Promise<void>;
  /** Open tickets whose last public agent activity is older than `before` (idle scan). */
  openTicketsIdleSince(before: EpochMs, cursor: string | null): Promise<Page<TicketRecord>>;
  /** Open tickets created before `before` (long-running scan). */
  openTicketsCreatedBefore(before: EpochMs, cursor: string | null): Promise<Page<TicketRecord>>;
  /** Up to `limit` tickets created at or after `since`, oldest first (the account back-fill). */
  ticketsCreatedFrom(since: EpochMs, limit: number): Promise<readonly TicketRecord[]>;
  /** Every ticket record, in a stable order (recompute). */
  allTickets(cursor: string | null, limit: number): Promise<Page<Versioned<TicketRecord>>>;
  atRiskTickets(query: RiskQuery): Promise<readonly TicketRecord[]>;
  /** One page of `ActivityQuery` (verbatims, watermelon drill-down): bounded by the page, not the project. */
  ticketsByActivity(query: ActivityQuery, cursor: string | null): Promise<Page<TicketRecord>>;
}

/** Asks: written with their ticket (`TicketStore.commit`), read and scanned here. */
export interface AskStore {
  getAsk(askId: string): Promise<StoredAsk | null>;
  /**
   * The ask and the cached profile language of an account, in one storage call: a survey comment
   * needs both, and the language must not cost the event a round trip of its own.
   */
  getAskWithLocale(
    askId: string,
    accountId: string,
  ): Promise<{ readonly stored: StoredAsk | null; readonly cached: CachedLocale | null }>;
  /** An ask alone, checked on `expectedRev` (erasure). */
  putAsk(ask: Ask, expectedRev: number, usedNonces?: readonly string[]): Promise<void>;
  /** The requester's most recent ask on any ticket (per-requester cooldown). */
  lastAskOf(requesterId: string): Promise<Ask | null>;
  /** Pending asks whose expiry or reminder time is at or before `before`, oldest first. */
  pendingAsksDueBy(before: EpochMs, cursor: string | null): Promise<Page<Ask>>;
  asksOf(requesterId: string, cursor: string | null): Promise<Page<StoredAsk>>;
  /** The ticket's asks, oldest first (at most one page: a ticket keeps ≤ 50 ask summaries). */
  asksOnTicket(ticketId: string): Promise<readonly Ask[]>;
}

/** Rollup buckets (written with their ticket) and the registry of projects they are kept for. */
export interface RollupStore {
  /** The shard holding a ticket's cells, for the ticket's whole life (so racing tickets rarely share a bucket). */
  shardOf(ticketId: string): number;
  /**
   * Buckets of one project over an inclusive day range, each day once: as its day summary, or as
   * its shard buckets when one changed since the day was compacted. Their sum is the rollup.
   * At most 3 sequential storage round trips with the configuration read (docs/storage.md, "Day
   * summaries"); never O(tickets).
   */
  bucketsIn(query: BucketQuery): Promise<readonly StoredBucket[]>;
  /** Days of a generation whose shard buckets changed since the day was compacted, oldest first. */
  daysToCompact(generation: string, limit: number): Promise<ReadonlyArray<{ projectId: string; day: string }>>;
  /** A day's shard buckets and its summary as stored, with their revisions (for the compaction). */
  dayRows(generation: string, projectId: string, day: string): Promise<DayRows>;
  /**
   * Stores the day's summary and marks the live shards it summed compacted, in one transaction
   * checked on every revision `rows` holds. @throws WriteConflict when any of them moved
   */
  saveDaySummary(rows: DayRows, summary: RollupBucket | null): Promise<void>;
  /** The buckets named, those that exist, with their revisions. */
  getBuckets(refs: readonly BucketRef[]): Promise<ReadonlyArray<Versioned<StoredBucket>>>;
  /** Up to `limit` buckets of one project in one rollup generation (clean-up of retired ones). */
  bucketsOfGeneration(generation: string, projectId: string, limit: number): Promise<readonly BucketRef[]>;
  /** Only for generations nobody reads or writes any more (the adapter batches them 25 at a time). */
  deleteBuckets(refs: readonly BucketRef[]): Promise<void>;
  /** Projects the app has seen a ticket of, by id: O(projects / 100) reads, never O(tickets). */
  projectsSeen(cursor: string | null, limit: number): Promise<Page<string>>;
}

/** The small documents read whole and written checked on their revision. */
export interface DocumentStore {
  /** An app document, parsed with the stored shape the adapter keeps for it; null when absent. */
  getDoc<K extends AppDocKey>(key: K): Promise<Versioned<AppDocs[K]> | null>;
  /** Writes it checked on `expectedRev` (0: must not exist yet); `WriteConflict` otherwise. */
  putDoc<K extends AppDocKey>(key: K, value: AppDocs[K], expectedRev: number): Promise<void>;
  /**
   * Writes a cache document unchecked, at revision `rev`: any fresh copy is as good as another, so
   * the last writer wins and a race costs no second round trip.
   */
  putCachedDoc<K extends AppDocKey>(key: K, value: AppDocs[K], rev: number): Promise<void>;
  getRecompute(): Promise<Versioned<RecomputeState> | null>;
  /** Checked on `expectedRev` so two admins cannot both start a job. */
  saveRecompute(state: RecomputeState, expectedRev: number): Promise<void>;
}

export interface AuditLog {
  /** Stores the entry with its actor's account row and link, in one transaction. */
  appendAudit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  auditLog(cursor: string | null, limit: number): Promise<Page<AuditEntry>>;
  /** Up to `limit` entries at or after `since`, oldest first (the account back-fill). */
  auditFrom(since: EpochMs, limit: number): Promise<readonly AuditEntry[]>;
  getAudit(id: string): Promise<AuditEntry | null>;
  /** Rewrites an entry in place (erasure replaces an actor; entries are otherwise never changed). */
  replaceAudit(entry: AuditEntry): Promise<void>;
}

/** The account ids the app stores, for the personal-data report. */
export interface AccountStore {
  /** Least recently reported first. */
  accountsToReport(
    limit: number,
    cursor: string | null,
  ): Promise<Page<{ readonly accountId: string; readonly updatedAt: EpochMs }>>;
  markAccountsReported(accountIds: readonly string[], at: EpochMs): Promise<void>;
  /**
   * Writes the account rows and links of `holdings` (idempotent), in batches: for data written
   * outside a ticket's transaction, e.g. the back-fill of data stored before links existed.
   */
  recordHoldings(holdings: readonly AccountHolding[], at: EpochMs): Promise<void>;
  /** Up to one page of what holds the account (ask requesters are also found by `asksOf`). */
  holdingsOf(accountId: string, limit: number): Promise<readonly AccountHolder[]>;
  /** Drops links whose holder no longer holds the account (erasure). */
  dropHoldings(accountId: string, holders: readonly AccountHolder[]): Promise<void>;
  /** Erases the account's own rows: its row and its cached profile language (after its links). */
  forgetAccount(accountId: string): Promise<void>;
  /** The profile language cached for the account (see src/app/surveys/requester-locale.ts); null when none. */
  cachedLocale(accountId: string): Promise<CachedLocale | null>;
  /**
   * Caches the profile language read from Jira at `at`. Only for a requester: their account row,
   * which the personal-data report walks, was written with their ticket.
   */
  rememberLocale(accountId: string, locale: string | null, at: EpochMs): Promise<void>;
  /** Drops the cached profile language (Atlassian reported the profile updated): the next use reads it again. */
  forgetLocale(accountId: string): Promise<void>;
}

/** A person's Jira profile language as read at `at` (`locale` null: hidden by their privacy setting). */
export interface CachedLocale {
  readonly locale: string | null;
  readonly at: EpochMs;
}

/** The issue fields the app needs when it has no event payload (manual ask, recompute). */
export interface IssueSnapshot {
  readonly id: string;
  readonly key: string;
  readonly projectId: string;
  readonly reporterId: string | null;
  readonly requestTypeId: string | null;
  readonly priority: string | null;
  readonly statusCategory: 'new' | 'indeterminate' | 'done';
  readonly createdAt: EpochMs;
}

/** Jira as the app (asApp): the issues and requests the app works on. */
/** One cycle of a JSM SLA as the request's SLA answer gives it; times in ms, absent when Jira leaves them out. */
export interface LiveSlaCycle {
  readonly breached: boolean;
  /** Goal minus elapsed: negative once overdue. */
  readonly remainingMs: number | null;
  readonly goalMs: number | null;
  readonly breachAt: EpochMs | null;
  readonly startAt: EpochMs | null;
  readonly stopAt: EpochMs | null;
}

/** One SLA of a request as JSM computes it now: its completed cycles and the one running, if any. */
export interface LiveSla {
  readonly name: string;
  readonly completedCycles: readonly LiveSlaCycle[];
  readonly ongoingCycle: (LiveSlaCycle & { readonly paused: boolean }) | null;
}

/**
 * A request's live SLAs as far as the read went: `more` when JSM had further pages than the read
 * follows (a bound on the panel's calls), so the SLAs shown are the first ones only.
 */
export interface LiveSlaRead {
  readonly slas: readonly LiveSla[];
  readonly more: boolean;
}

export interface Jira {
  getIssue(issueIdOrKey: string): Promise<IssueSnapshot | null>;
  /** SLA metrics of a request (JSM sends no SLA events): read at resolution only. */
  getSlaMetrics(issueKey: string): Promise<readonly SlaMetric[]>;
  /** The request's SLAs as JSM computes them now (the agent panel's live read); [] when it is not a request. */
  getLiveSlas(issueIdOrKey: string): Promise<LiveSlaRead>;
  getParticipants(issueKey: string): Promise<readonly string[]>;
  /** The JSM request type of an issue; product events do not carry it (it is a custom field). */
  getRequestTypeId(issueIdOrKey: string): Promise<string | null>;
  addPublicComment(
    issueKey: string,
    text: string,
    links: ReadonlyArray<{ readonly label: string; readonly url: string }>,
  ): Promise<void>;
  setExperienceProperty(issueId: string, value: ExperienceProperty): Promise<void>;
  /** Jira's view of an account: null when the account is unknown or closed. */
  accountExists(accountId: string): Promise<boolean>;
}

/** Jira as the app: the site's directory (scope pickers, display names). */
export interface JiraDirectory {
  /** The site's projects, JSM request types and priorities (the admin's scope pickers); each list bounded. */
  listProjects(): Promise<ScopeOptions['projects']>;
  listRequestTypes(): Promise<ScopeOptions['requestTypes']>;
  listPriorities(): Promise<ScopeOptions['priorities']>;
  /** Request type names by id, without their projects: one list, for the service owner's views. */
  listRequestTypeNames(): Promise<ReadonlyArray<{ readonly id: string; readonly name: string }>>;
  /** One project's name; null when Jira knows no such project. */
  projectName(projectId: string): Promise<string | null>;
  /** Display names by account id; unknown or closed accounts are simply absent. */
  displayNames(accountIds: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /**
   * A person's profile language as Jira states it (`de_DE`); null when hidden (privacy setting),
   * undefined when Jira knows no such account (closed, erased).
   */
  userLocale(accountId: string): Promise<string | null | undefined>;
}

/** Jira as the calling user (asUser): what the caller may see. Never trusts a payload's identity. */
export interface CallerJira {
  canBrowseIssue(issueIdOrKey: string): Promise<boolean>;
  canBrowseProject(projectIdOrKey: string): Promise<boolean>;
  /**
   * The service projects the caller may browse, by name, at most `CALLER_PROJECTS_MAX`; `total`
   * counts them all. Jira filters them by the caller's permission, in one round trip per ≤ 100.
   */
  browsableServiceProjects(): Promise<{ readonly projects: ScopeOptions['projects']; readonly total: number }>;
  isJiraAdmin(): Promise<boolean>;
  /**
   * The portal request as the customer sees it; null when they may not see it. The portal's
   * context names the request by key, so Jira's answer also says which issue id it is.
   */
  visibleRequest(
    issueIdOrKey: string,
  ): Promise<{ readonly issueId: string; readonly reporterId: string | null } | null>;
}

export interface Queue {
  pushRecompute(body: { readonly jobId: string }): Promise<void>;
}

export interface HmacKey {
  readonly id: string;
  readonly secret: string;
}

/** Secret storage for the one-click signing keys (rotatable: the previous key still verifies). */
export interface Secrets {
  signingKeys(): Promise<{ readonly current: HmacKey; readonly previous: HmacKey | null }>;
  /** Makes a fresh current key (the adapter draws the secret) and keeps the old current as previous. */
  rotateSigningKey(): Promise<{ readonly current: HmacKey; readonly previous: HmacKey | null }>;
}

export interface PersonalData {
  /** Reports accounts (at most 90 a call); answers which are closed or updated. */
  report(
    accounts: ReadonlyArray<{ readonly accountId: string; readonly updatedAt: EpochMs }>,
  ): Promise<ReadonlyArray<{ readonly accountId: string; readonly status: 'closed' | 'updated' }>>;
}

/** The app's message files (manifest.yml `translations`), in one locale with Forge's fallback. */
export interface Messages {
  forLocale(locale: Locale): Promise<Translator>;
}

/** The web trigger's public address, for the one-click links. */
export interface Links {
  oneClickUrl(): Promise<string>;
}

export interface AppPorts {
  readonly config: ConfigStore;
  readonly tickets: TicketStore;
  readonly asks: AskStore;
  readonly rollups: RollupStore;
  readonly documents: DocumentStore;
  readonly audit: AuditLog;
  readonly accounts: AccountStore;
  readonly jira: Jira;
  readonly directory: JiraDirectory;
  readonly clock: Clock;
  readonly random: Random;
  readonly queue: Queue;
  readonly secrets: Secrets;
  readonly personalData: PersonalData;
  readonly links: Links;
  readonly messages: Messages;
}
