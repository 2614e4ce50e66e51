import { invoke, router, showFlag, view } from '@forge/bridge';
import { type Host, ViewContextSchema } from './host';

/**
 * The only module that imports `@forge/bridge`. The bridge reads `window.__bridge` when it loads,
 * so this file must be imported only in the browser entry (never by a component or a test).
 */
let flagCount = 0;

export const forgeHost: Host = {
  invoke: (name, payload) => invoke(name, payload),
  getContext: async () => ViewContextSchema.parse(await view.getContext()),
  navigate: async (target) => {
    switch (target.kind) {
      case 'issue':
        return router.navigate({ target: 'issue', issueKey: target.issueKey });
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

/** Lets Jira's light/dark theme reach the `var(--ds-…)` tokens the views use. */
export function enableTheme(): Promise<void> {
  return view.theme.enable();
}
