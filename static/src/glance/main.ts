// The issue glance's own entry (resource `glance`, built by vite.glance.config.ts): no React, no
// Atlaskit, no app shell. It sits beside the issue panel on every issue view, in the same renderer
// thread, so it stays a few KB of plain DOM: the bridge, the one contract it calls, zod.
import '../api/zod-config';
import { i18n, invoke, view } from '@forge/bridge';
import { applyDocumentLanguage, loadMessages } from '../i18n/catalogue';
import { contextLocale } from '../host/context-locale';
import { startGlance } from './glance';
import './glance.css';

// Light/dark: Jira sets data-color-mode on <html> and loads its token themes; the CSS reads the tokens.
view.theme.enable().catch(() => undefined);

// The context's own value, which the bridge would otherwise read and pass on unchecked.
type ForgeLocale = Parameters<typeof i18n.createTranslationFunction>[0];

/** The agent's language from the context, and Forge's message files for it (English if they fail). */
async function start(root: HTMLElement): Promise<void> {
  const raw: unknown = await view.getContext().catch(() => ({}));
  const locale = contextLocale(raw);
  const context = { locale: locale ?? undefined };
  applyDocumentLanguage(document, context);
  const messages = await loadMessages(
    { translate: () => i18n.createTranslationFunction(locale as ForgeLocale) },
    context,
  );
  await startGlance(root, { invoke: (name, payload) => invoke(name, payload) }, messages);
}

const root = document.getElementById('root');
if (root !== null) void start(root);
