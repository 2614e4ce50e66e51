// The host's web server: routes each request to the site's pages (pages.ts), the app's frames and
// their bridge (frames.ts), web trigger URLs, and a few controls (persona, theme, tick, event log).
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Frames } from './frames.js';
import { type LocalHost, REPO_ROOT } from './host.js';
import { SitePages } from './pages.js';
import { esc, personaOf, readBody, send, sendJson } from './web-kit.js';

export interface ServerOptions {
  resourceDirs?: Record<string, string>;
}

export class HostServer {
  private server: Server | undefined;
  private readonly frames: Frames;
  private readonly pages: SitePages;

  constructor(
    private readonly host: LocalHost,
    opts: ServerOptions = {},
  ) {
    this.frames = new Frames(host, opts.resourceDirs);
    this.pages = new SitePages(host, this.frames);
  }

  listen(port: number, hostname = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`Local host error: ${(e as Error).message}`);
      });
    });
    return new Promise((resolveUrl) => {
      this.server?.listen(port, hostname, () => {
        const addr = this.server?.address();
        const p = typeof addr === 'object' && addr ? addr.port : port;
        resolveUrl(`http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${p}`);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((r) => {
      if (!this.server) return r();
      this.server.closeAllConnections();
      this.server.close(() => r());
    });
  }

  private redirect(res: ServerResponse, to: string, headers: Record<string, string> = {}): void {
    res.writeHead(303, { location: to, ...headers });
    res.end();
  }

  private async form(req: IncomingMessage): Promise<URLSearchParams> {
    return new URLSearchParams(await readBody(req));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    let m: RegExpExecArray | null;

    if ((m = /^\/x1\/([^/]+)(\/.*)?$/.exec(path)))
      return this.webtrigger(req, res, decodeURIComponent(m[1] ?? ''), m[2] ?? '/', url);
    if (path === '/__host/health')
      return sendJson(res, 200, { ok: true, seeded: this.host.seededAs() ?? null, queue: this.host.queueStats() });
    if ((m = /^\/__host\/bridge\/([^/]+)\/([A-Za-z]+)$/.exec(path)) && method === 'POST')
      return this.frames.bridge(req, res, m[1] ?? '', m[2] ?? '');
    if ((m = /^\/__host\/frame\/([^/]+)\/(.*)$/.exec(path)))
      return this.frames.serveFile(req, res, m[1] ?? '', m[2] ?? '');
    if (path === '/__host/tokens.css') return sendTokenThemes(req, res);
    if (path === '/__host/metrics')
      return sendJson(res, 200, {
        summary: this.host.metrics.summary(),
        recent: this.host.metrics.invocations().slice(-200),
      });
    if (path === '/__host/events') return send(res, 200, this.pages.eventsPage());
    if ((m = /^\/__host\/tick\/([^/]+)$/.exec(path)) && method === 'POST') {
      const r = await this.host.tick(decodeURIComponent(m[1] ?? ''));
      return this.redirect(res, `/__host/events?ticked=${encodeURIComponent(m[1] ?? '')}&outcome=${r.metrics.outcome}`);
    }
    if (path === '/persona' && method === 'POST') {
      const f = await this.form(req);
      const id = f.get('accountId') ?? '';
      return this.redirect(res, f.get('back') ?? '/', {
        'set-cookie': `persona=${encodeURIComponent(id)}; Path=/; SameSite=Lax`,
      });
    }
    if (path === '/theme' && method === 'POST') {
      const f = await this.form(req);
      const mode = f.get('mode') === 'dark' ? 'dark' : 'light';
      return this.redirect(res, f.get('back') ?? '/', { 'set-cookie': `theme=${mode}; Path=/; SameSite=Lax` });
    }
    if (path === '/' && method === 'GET') return send(res, 200, this.pages.homePage(req));
    if (path === '/create' && method === 'POST') {
      const f = await this.form(req);
      const persona = personaOf(this.host.site, req);
      const issue = this.host.site.createTicket({
        projectKey: f.get('project') ?? '',
        requestTypeId: f.get('requestTypeId') ?? undefined,
        summary: f.get('summary') || 'New request',
        description: f.get('description') ?? undefined,
        reporter: f.get('reporter') || persona.accountId,
        actor: { accountId: persona.accountId },
      });
      return this.redirect(res, `/browse/${issue.key}`);
    }
    if ((m = /^\/browse\/([A-Z][A-Z0-9]+-\d+)(?:\/(transition|assign|comment))?$/.exec(path))) {
      const key = m[1] ?? '';
      const action = m[2];
      if (action && method === 'POST') return this.issueAction(req, res, key, action);
      return send(res, 200, this.pages.issuePage(req, key));
    }
    if ((m = /^\/portal\/([A-Z][A-Z0-9]+-\d+)$/.exec(path)))
      return send(res, 200, this.pages.portalPage(req, m[1] ?? ''));
    if ((m = /^\/projects\/([A-Z][A-Z0-9]+)(\/settings)?$/.exec(path)))
      return send(res, 200, this.pages.projectPage(req, m[1] ?? '', m[2] !== undefined));
    if (path === '/admin') return send(res, 200, this.pages.modulePage(req, 'jira:adminPage', 'Apps · Sentio', {}));
    if (path === '/dashboard')
      return send(
        res,
        200,
        this.pages.dashboardPage(
          req,
          url.searchParams.get('project') ?? undefined,
          url.searchParams.get('mode') === 'edit',
          { xlaId: url.searchParams.get('xla'), window: url.searchParams.get('window') },
        ),
      );
    return send(res, 404, this.pages.layout(req, 'Not found', '<p>Nothing here.</p>'));
  }

  private async webtrigger(
    req: IncomingMessage,
    res: ServerResponse,
    key: string,
    rest: string,
    url: URL,
  ): Promise<void> {
    const headers: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v : [v];
    const query: Record<string, string[]> = {};
    for (const [k, v] of url.searchParams) (query[k] ??= []).push(v);
    const r = await this.host.webtrigger(key, {
      method: (req.method ?? 'GET').toUpperCase(),
      path: rest,
      headers,
      query,
      body: await readBody(req),
    });
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) out[k] = v.join(', ');
    res.writeHead(r.statusCode, out);
    res.end(r.body);
  }

  // --- actions ----------------------------------------------------------------------------------

  private async issueAction(req: IncomingMessage, res: ServerResponse, key: string, action: string): Promise<void> {
    const f = await this.form(req);
    const persona = personaOf(this.host.site, req);
    const actor = { accountId: persona.accountId };
    const back = f.get('back') ?? `/browse/${key}`;
    try {
      if (action === 'transition') this.host.site.transition(key, f.get('status') ?? '', actor);
      if (action === 'assign') this.host.site.assign(key, f.get('assignee') || null, actor);
      if (action === 'comment') {
        const text = (f.get('body') ?? '').trim();
        if (text) this.host.site.comment(key, { body: text, public: f.get('visibility') !== 'internal' }, actor);
      }
    } catch (e) {
      return send(
        res,
        400,
        this.pages.layout(
          req,
          'Error',
          `<p class="error">${esc((e as Error).message)}</p><p><a href="${esc(back)}">Back</a></p>`,
        ),
      );
    }
    return this.redirect(res, back);
  }
}

/** Jira's token themes: the same for every frame, so cached and compressed like a CDN file. */
function sendTokenThemes(req: IncomingMessage, res: ServerResponse): void {
  const css = tokenThemesCss();
  const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(200, {
    'content-type': 'text/css; charset=utf-8',
    'cache-control': 'public, max-age=3600',
    vary: 'accept-encoding',
    ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(useGzip ? css.gzip : css.text);
}

/** The design-token themes Jira loads into a Custom UI frame when it enables theming. */
let tokensCss: { text: string; gzip: Buffer } | undefined;
function tokenThemesCss(): { text: string; gzip: Buffer } {
  if (tokensCss !== undefined) return tokensCss;
  const dir = join(REPO_ROOT, 'node_modules', '@atlaskit', 'tokens', 'dist', 'esm', 'artifacts', 'themes');
  // Each file is `export default "<css>";`: the string literal is JSON.
  const text = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape']
    .map((name) => {
      const src = readFileSync(join(dir, `${name}.js`), 'utf8');
      const literal = /export default (".*");/s.exec(src)?.[1];
      return literal === undefined ? '' : (JSON.parse(literal) as string);
    })
    .join('\n');
  tokensCss = { text, gzip: gzipSync(text) };
  return tokensCss;
}
