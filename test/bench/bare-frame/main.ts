/**
 * The bare Custom UI frame the bench compares each view with: the least a Custom UI resource does
 * before it shows anything — load `@forge/bridge`, ask `view.getContext()`, render one line. Built
 * and served by the bench only (scripts/ui-render-time.ts); it is not a resource in manifest.yml.
 */
import { view } from '@forge/bridge';

// The repository's TypeScript program has no DOM library; these are the two DOM calls used here.
interface Page {
  readonly body: { append(node: unknown): void };
  createElement(tag: 'p'): { textContent: string | null };
}
const page = (globalThis as unknown as { document: Page }).document;

void view.getContext().then((context) => {
  const line = page.createElement('p');
  line.textContent = `Bare frame ready: ${context.moduleKey}`;
  page.body.append(line);
});
