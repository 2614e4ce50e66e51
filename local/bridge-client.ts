// The script injected into every Custom UI iframe before the app's bundle, defining
// `window.__bridge.callBridge(name, payload)` as `@forge/bridge` expects. It talks to the host over
// HTTP; identity lives in the host session (cookie), never in what the page sends.

/** The client itself, in the page's JavaScript: `token` and `colorMode` are declared before it. */
const CLIENT = `  async function call(name, payload) {
    const res = await fetch('/__host/bridge/' + token + '/' + name, {
      method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'same-origin',
      body: JSON.stringify(payload === undefined ? null : payload),
    });
    const data = await res.json();
    if (!data.ok) { const e = new Error(data.error && data.error.message || 'Bridge call failed'); if (data.error && data.error.code) e.code = data.error.code; throw e; }
    return data.value;
  }
  function post(type, payload) { try { window.parent.postMessage({ source: 'forge-local-bridge', token, type, payload }, '*'); } catch (_) {} }
  const historyListeners = [];
  let loc = { pathname: '/', search: '', hash: '', state: undefined, key: 'default' };
  function setLoc(path, state) {
    const u = new URL(typeof path === 'string' ? path : (path.pathname || '/') + (path.search || '') + (path.hash || ''), 'http://h');
    loc = { pathname: u.pathname, search: u.search, hash: u.hash, state, key: Math.random().toString(36).slice(2) };
    historyListeners.forEach((l) => l(loc, 'PUSH'));
  }
  const history = {
    get location() { return loc; }, set location(v) { loc = v; },
    action: 'POP',
    push(path, state) { setLoc(path, state); },
    replace(path, state) { setLoc(path, state); },
    go() {}, back() {}, forward() {}, goBack() {}, goForward() {},
    listen(cb) { historyListeners.push(cb); return () => { const i = historyListeners.indexOf(cb); if (i >= 0) historyListeners.splice(i, 1); }; },
    block() { return () => {}; }, createHref(l) { return typeof l === 'string' ? l : (l.pathname || '/'); },
  };
  // view.theme.enable(): as Jira does, mark <html> with the colour mode and load the design-token
  // themes (served by the host from @atlaskit/tokens), resolving once they apply.
  function enableTheming() {
    const html = document.documentElement;
    html.setAttribute('data-color-mode', colorMode);
    html.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography shape:shape');
    if (document.getElementById('forge-local-tokens')) return Promise.resolve();
    const link = document.createElement('link');
    link.id = 'forge-local-tokens'; link.rel = 'stylesheet'; link.href = '/__host/tokens.css';
    return new Promise((done) => { link.onload = link.onerror = () => done(undefined); document.head.appendChild(link); });
  }
  const noop = new Set(['emitReadyEvent', 'changeWindowTitle', 'initFeatureFlags', 'emitFrontendCustomMetric',
    'trackObjectStoreAction', 'getCookieConsentPreferences', 'onClose', 'on', 'onPublic', 'emit', 'emitPublic', 'close', 'closeFlag']);
  window.__bridge = {
    callBridge: async (name, payload) => {
      switch (name) {
        case 'getContext': return call('getContext');
        case 'enableTheming': return enableTheming();
        // A dashboard gadget's edit view hands its configuration to the page (view.submit).
        case 'submit': post('submit', payload); return undefined;
        case 'invoke': {
          const value = await call('invoke', { functionKey: payload.functionKey, payload: payload.payload });
          return payload.metadata !== undefined ? { body: value, metadata: {} } : value;
        }
        case 'fetchProduct': return call('fetchProduct', payload);
        case 'navigate': post('navigate', payload); return undefined;
        case 'getUrl': return new URL(payload && payload.url || '/', location.origin).toString();
        case 'reload': window.parent.location.reload(); return undefined;
        case 'showFlag': post('flag', payload); return undefined;
        case 'createHistory': return history;
        case 'refresh': post('refresh', payload); return true;
        case 'getFrameId': return token;
        case 'isRovoEnabled': return false;
        default:
          if (noop.has(name)) return undefined;
          throw new Error('Bridge method ' + name + ' is not emulated by the local Forge host');
      }
    },
  };
  // Jira sizes module iframes to their content.
  // Apps often pin html/body to 100% height, so measure the content, not the document.
  // At most one measurement per frame: measuring forces a layout, and a view's first render makes
  // hundreds of mutations (Jira's own resizer is asynchronous too).
  let scheduled = false;
  const report = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => { scheduled = false; measure(); });
  };
  const measure = () => {
    let h = 0;
    for (const el of document.body ? Array.from(document.body.querySelectorAll('body > *, body > * > *')) : []) h = Math.max(h, el.getBoundingClientRect().bottom + window.scrollY);
    // Not body.scrollHeight: with html/body at 100% it is the frame's own height, and every
    // report would grow the frame by the margin, forever.
    post('resize', { height: Math.ceil(h) + 8 });
  };
  window.addEventListener('load', report);
  if (typeof ResizeObserver !== 'undefined') {
    document.addEventListener('DOMContentLoaded', () => {
      const ro = new ResizeObserver(report);
      ro.observe(document.body);
      let watching = false;
      new MutationObserver(() => {
        report();
        if (watching) return;
        watching = true;
        requestAnimationFrame(() => { watching = false; for (const el of Array.from(document.body.children)) ro.observe(el); });
      }).observe(document.body, { childList: true, subtree: true });
    });
  }
})();`;

export function bridgeScript(frameToken: string, colorMode: 'light' | 'dark' = 'light'): string {
  return `(() => {
  const token = ${JSON.stringify(frameToken)};
  const colorMode = ${JSON.stringify(colorMode)};
${CLIENT}`;
}
