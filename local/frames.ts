// The app's Custom UI frames: each embedded module gets a token naming its resource folder and its
// extension context; the host serves the built files under that token as a CDN would (bridge
// injected into index.html, hashed assets cached for good) and answers the frame's bridge calls.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { answerBridgeCall } from './bridge.js';
import { bridgeScript } from './bridge-client.js';
import { type LocalHost, REPO_ROOT } from './host.js';
import { i18nFile } from './i18n.js';
import type { UiModule } from './manifest.js';
import { colorModeOf, esc, personaOf, readBody, send, sendJson } from './web-kit.js';

interface Frame {
  moduleKey: string;
  resourceDir: string;
  extension: Record<string, unknown>;
  created: number;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

export class Frames {
  private readonly frames = new Map<string, Frame>();

  constructor(
    private readonly host: LocalHost,
    private readonly resourceDirs: Record<string, string> = {},
  ) {}

  private resourceDir(m: UiModule): string | undefined {
    const key = m.resource;
    if (!key) return undefined;
    const override = this.resourceDirs[key];
    if (override) return override;
    const r = this.host.manifest.resources.find((x) => x.key === key);
    return r ? resolve(REPO_ROOT, r.path) : undefined;
  }

  embed(m: UiModule, extension: Record<string, unknown>): string {
    const dir = this.resourceDir(m);
    if (!dir || !existsSync(join(dir, 'index.html'))) {
      return `<div class="missing">Resource <code>${esc(m.resource)}</code> is not built (${esc(dir ?? 'no path')}/index.html). Run <code>npm run build</code> or <code>npm start</code>, which builds it.</div>`;
    }
    const token = randomUUID();
    this.frames.set(token, { moduleKey: m.key, resourceDir: dir, extension, created: Date.now() });
    // Frames are cheap; forget old ones so a long session does not grow without bound.
    if (this.frames.size > 2000) {
      const oldest = [...this.frames.entries()].sort((a, b) => a[1].created - b[1].created).slice(0, 1000);
      for (const [k] of oldest) this.frames.delete(k);
    }
    return `<iframe class="forge-frame" data-module="${esc(m.key)}" data-token="${token}" src="/__host/frame/${token}/index.html" title="${esc(m.title ?? m.key)}"></iframe>`;
  }

  serveFile(req: IncomingMessage, res: ServerResponse, token: string, rel: string): void {
    const frame = this.frames.get(token);
    if (!frame) return send(res, 404, 'This frame expired: reload the page.', 'text/plain');
    // Forge deploys manifest `translations` into every resource as `__LOCALES__/` (local/i18n.ts).
    const messages = i18nFile(this.host.i18n, rel);
    if (messages !== null) return send(res, 200, messages, 'application/json; charset=utf-8');
    const file = normalize(join(frame.resourceDir, rel || 'index.html'));
    if (!file.startsWith(frame.resourceDir) || !existsSync(file) || !statSync(file).isFile())
      return send(res, 404, 'Not found', 'text/plain');
    if (rel === 'index.html' || rel === '') {
      const html = readFileSync(file, 'utf8');
      // The platform injects the bridge before any of the app's scripts run.
      const inject = `<script>${bridgeScript(token, colorModeOf(req))}</script>`;
      const out = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (h) => `${h}${inject}`) : inject + html;
      const csp = this.host.manifest.styles.includes('unsafe-inline')
        ? "style-src 'self' 'unsafe-inline'"
        : "style-src 'self'";
      return send(res, 200, out, MIME['.html'], { 'content-security-policy': `${csp}; frame-ancestors 'self'` });
    }
    // As a CDN serves a Custom UI resource: compressed, and Vite's content-hashed assets cached for
    // good (a new build has new names); anything else is revalidated.
    const hashed = /^assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(rel);
    const { body, gzip } = staticFile(file);
    const useGzip = gzip !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(useGzip ? gzip : body);
  }

  async bridge(req: IncomingMessage, res: ServerResponse, token: string, name: string): Promise<void> {
    const frame = this.frames.get(token);
    const fail = (status: number, message: string): void => sendJson(res, status, { ok: false, error: { message } });
    if (!frame) return fail(404, 'This frame expired: reload the page.');
    const m = this.host.uiModule(frame.moduleKey);
    if (!m) return fail(404, `Module ${frame.moduleKey} is not in manifest.yml`);
    let payload: unknown;
    try {
      payload = JSON.parse((await readBody(req)) || 'null');
    } catch {
      return fail(400, 'Bad JSON');
    }
    const answer = await answerBridgeCall(this.host, {
      module: m,
      accountId: personaOf(this.host.site, req).accountId,
      extension: frame.extension,
      colorMode: colorModeOf(req),
      name,
      payload,
    });
    sendJson(res, answer.status, answer.body);
  }
}

/** A built file's bytes and their gzip, read once per modification time (a rebuild is picked up). */
const staticCache = new Map<string, { mtimeMs: number; body: Buffer; gzip: Buffer | null }>();
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.map']);
function staticFile(file: string): { body: Buffer; gzip: Buffer | null } {
  const mtimeMs = statSync(file).mtimeMs;
  const cached = staticCache.get(file);
  if (cached !== undefined && cached.mtimeMs === mtimeMs) return cached;
  const body = readFileSync(file);
  const entry = { mtimeMs, body, gzip: COMPRESSIBLE.has(extname(file)) && body.length > 1024 ? gzipSync(body) : null };
  staticCache.set(file, entry);
  return entry;
}
