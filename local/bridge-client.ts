// The script injected into every Custom UI iframe before the app's bundle, defining
// `window.__bridge.callBridge(name, payload)` as `@forge/bridge` expects. It talks to the host over
// HTTP; identity lives in the host session (cookie), never in what the page sends.

export function bridgeScript(frameToken: string): string {
  return `(() => {
  const token = ${JSON.stringify(frameToken)};
  async function call(name, payload) {
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
  const noop = new Set(['enableTheming', 'emitReadyEvent', 'changeWindowTitle', 'initFeatureFlags', 'emitFrontendCustomMetric',
    'trackObjectStoreAction', 'getCookieConsentPreferences', 'onClose', 'on', 'onPublic', 'emit', 'emitPublic', 'submit', 'close', 'closeFlag']);
  window.__bridge = {
    callBridge: async (name, payload) => {
      switch (name) {
        case 'getContext': return call('getContext');
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
  const report = () => {
    let h = 0;
    for (const el of document.body ? Array.from(document.body.querySelectorAll('body > *, body > * > *')) : []) h = Math.max(h, el.getBoundingClientRect().bottom + window.scrollY);
    post('resize', { height: Math.ceil(Math.max(h, document.body ? document.body.scrollHeight : 0)) + 8 });
  };
  window.addEventListener('load', report);
  if (typeof ResizeObserver !== 'undefined') {
    document.addEventListener('DOMContentLoaded', () => {
      const ro = new ResizeObserver(report);
      ro.observe(document.body);
      new MutationObserver(() => { for (const el of Array.from(document.body.children)) ro.observe(el); report(); }).observe(document.body, { childList: true, subtree: true });
    });
  }
})();`;
}
