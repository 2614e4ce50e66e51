import { z } from 'zod';
import type { ForgeTranslate } from '@domain/i18n';

/**
 * The module keys of manifest.yml that render this Custom UI resource (`ui`). The router picks a
 * view by the key the platform puts in the context, so one bundle serves every module. The issue
 * glance (`sentio-issue-context`) has its own small resource, `glance` (src/glance/).
 */
export const MODULE_KEYS = [
  'sentio-issue-panel',
  'sentio-project-page',
  'sentio-project-settings',
  'sentio-admin-page',
  'sentio-scorecard-gadget',
  'sentio-portal-survey',
] as const;
export type ModuleKey = (typeof MODULE_KEYS)[number];

/**
 * The few fields of the Forge view context the UI reads. Everything else the platform sends is
 * ignored (passthrough), and identity is never taken from here: resolvers read their own context.
 */
export const ViewContextSchema = z
  .object({
    moduleKey: z.string(),
    siteUrl: z.string().optional(),
    locale: z.string().optional(),
    extension: z
      .object({
        issue: z.object({ key: z.string(), id: z.string().optional() }).passthrough().optional(),
        project: z.object({ id: z.string().optional(), key: z.string().optional() }).passthrough().optional(),
        /** Set by a dashboard gadget: `edit` when the gadget's configuration form is open. */
        entryPoint: z.string().optional(),
        gadgetConfiguration: z.record(z.string(), z.unknown()).optional(),
      })
      .passthrough()
      .default({}),
  })
  .passthrough();
export type ViewContext = z.infer<typeof ViewContextSchema>;

/**
 * Where a link in the UI can take the person, expressed without a URL (the host resolves it).
 * `newTab` opens it beside the current page (Forge `router.open`), so a list is not lost.
 */
export type NavigationTarget = { kind: 'issue'; issueKey: string; newTab?: boolean };

/** A short message about the outcome of an action, shown by Jira in its own flag area. */
export interface HostFlag {
  readonly title: string;
  readonly description?: string | undefined;
  readonly appearance: 'info' | 'success' | 'warning' | 'error';
}

/**
 * The platform as the UI sees it. The real one wraps `@forge/bridge`; tests pass a fake, so no
 * component reaches for a global bridge and every view can be rendered without a Forge host.
 */
export interface Host {
  invoke(name: string, payload: Record<string, unknown>): Promise<unknown>;
  getContext(): Promise<ViewContext>;
  navigate(target: NavigationTarget): Promise<void>;
  /** Dashboard gadget edit mode: hands the new configuration back to Jira. */
  submitGadgetConfig(config: Record<string, unknown>): Promise<void>;
  /**
   * Jira's own Atlaskit flag, outside the iframe: it has room even over a small panel, and the
   * view does not ship a flag component of its own.
   */
  showFlag(flag: HostFlag): void;
  /** Forge's translation function for the context's locale (`i18n` of @forge/bridge); absent: English only. */
  translate?(): Promise<ForgeTranslate>;
}
