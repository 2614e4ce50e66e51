import { i18n, invoke, router, showFlag, view } from '@forge/bridge';
import { contextLocale } from './context-locale';
// Types only: the entry imports this module first, before zod and the schemas are evaluated.
import type { Host, ViewContext } from './host';

type ForgeLocale = Parameters<typeof i18n.createTranslationFunction>[0];

/**
 * The only module that imports `@forge/bridge`. The bridge reads `window.__bridge` when it loads,
 * so this file must be imported only in the browser entry (never by a component or a test).
 */

/**
 * Asked for the moment the entry runs, before React, Atlaskit and the contracts are evaluated: the
 * context (which view to show) and the theme are on their way while the rest of the app loads.
 * The entry is the only importer, so this happens once per frame; failures surface where awaited.
 */
export const earlyContext: Promise<unknown> = view.getContext();
export const earlyTheme: Promise<void> = view.theme.enable();
/**
 * The message files for the context's locale, fetched once the context names it. Given the locale,
 * the bridge does not ask for the context a second time (it would without one).
 */
export const earlyTranslate = earlyContext.then((raw) =>
  // The context's own value, which the bridge would otherwise read and pass on unchecked.
  i18n.createTranslationFunction(contextLocale(raw) as ForgeLocale),
);
earlyContext.catch(() => undefined);
earlyTheme.catch(() => undefined);
earlyTranslate.catch(() => undefined);

/**
 * Invokes the entry started before the app shell was loaded (a view's first calls, see
 * app/view-chunks.ts), by name and payload. The first `invoke` of the same name and payload takes
 * the answer already on its way instead of calling again; later ones call.
 */
const early = new Map<string, Promise<unknown>>();
const earlyKey = (name: string, payload: unknown): string => `${name} ${JSON.stringify(payload)}`;

export function invokeEarly(name: string, payload: Record<string, unknown>): void {
  const key = earlyKey(name, payload);
  if (early.has(key)) return;
  const answer = invoke(name, payload);
  // Taken later by the client, which reports failures; one nobody takes must not be unhandled.
  answer.catch(() => undefined);
  early.set(key, answer);
}

function takeEarly(name: string, payload: Record<string, unknown>): Promise<unknown> | undefined {
  const key = earlyKey(name, payload);
  const answer = early.get(key);
  early.delete(key);
  return answer;
}

/** The context as the UI reads it (the schema is loaded with the app, not with the entry). */
async function parsedContext(raw: unknown): Promise<ViewContext> {
  const { ViewContextSchema } = await import('./host');
  return ViewContextSchema.parse(raw);
}
let flagCount = 0;

export const forgeHost: Host = {
  invoke: (name, payload) => takeEarly(name, payload) ?? invoke(name, payload),
  translate: () => earlyTranslate,
  getContext: async () => parsedContext(await view.getContext()),
  navigate: async (target) => {
    switch (target.kind) {
      case 'issue': {
        // router.open opens a new tab or window (mirror/apis-reference/ui-api-bridge/router/index.md).
        const location = { target: 'issue', issueKey: target.issueKey } as const;
        return target.newTab === true ? router.open(location) : router.navigate(location);
      }
    }
  },
  submitGadgetConfig: (config) => view.submit(config),
  showFlag: (flag) => {
    flagCount += 1;
    showFlag({
      id: `sentio-${flagCount}`,
      title: flag.title,
      description: flag.description,
      type: flag.appearance,
      // Errors stay until read; good news goes away by itself.
      isAutoDismiss: flag.appearance === 'success' || flag.appearance === 'info',
    });
  },
};
