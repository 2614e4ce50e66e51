import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import en from '../../../locales/en-US.json';
import { addEnglish } from '../../../static/src/i18n/catalogue';

// Views render in English by default in component tests: the whole English file (in the browser
// it is loaded only when the platform's files cannot be).
addEnglish(en);

// jsdom has no matchMedia; @atlaskit/tokens reads it when it loads to follow the OS colour scheme.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(() => cleanup());

// The suite shares two cores with the integration and reliability tests; a lazy view's first
// render can take longer than Testing Library's 1 s default there. Waiting longer changes no result.
// A cap against hangs, not a speed budget: the suite must pass on a loaded machine (two runs on 2 cores).
configure({ asyncUtilTimeout: 60_000 });
