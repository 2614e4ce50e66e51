import { i18n, invoke, router, showFlag, view } from '@forge/bridge';
// Types only: the entry imports this module first, before zod and the schemas are evaluated.
import type { Host, ViewContext } from './host';

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
/** The message files for the context's locale, fetched beside the context (the bridge asks it for the locale). */
export const earlyTranslate = i18n.createTranslationFunction();
earlyContext.catch(() => undefined);
earlyTheme.catch(() => undefined);
earlyTranslate.catch(() => undefined);

/** The context as the UI reads it (the schema is loaded with the app, not with the entry). */
async function parsedContext(raw: unknown): Promise<ViewContext> {
  const { ViewContextSchema } = await import('./host');
  return ViewContextSchema.parse(raw);
}
let flagCount = 0;

export const forgeHost: Host = {
  invoke: (name, payload) => invoke(name, payload),
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
