// The issue glance's own entry (resource `glance`, built by vite.glance.config.ts): no React, no
// Atlaskit, no app shell. It sits beside the issue panel on every issue view, in the same renderer
// thread, so it stays a few KB of plain DOM: the bridge, the one contract it calls, zod.
import '../api/zod-config';
import { invoke, view } from '@forge/bridge';
import { startGlance } from './glance';
import './glance.css';

// Light/dark: Jira sets data-color-mode on <html> and loads its token themes; the CSS reads the tokens.
view.theme.enable().catch(() => undefined);

const root = document.getElementById('root');
if (root !== null) startGlance(root, { invoke: (name, payload) => invoke(name, payload) });
