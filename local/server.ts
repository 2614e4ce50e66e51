// The host's web server: Jira-like pages that embed the app's modules in iframes, the bridge
// endpoint those iframes call, web trigger URLs, and a few controls (persona, tick, event log).
import { randomUUID } from 'node:crypto';
import { existsSync, statSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { bridgeScript } from './bridge-client.js';
import { type LocalHost, REPO_ROOT } from './host.js';
import { i18nFile } from './i18n.js';
import type { UiModule } from './manifest.js';
import { adfToText } from './site/adf.js';
import { jiraDate } from './site/clock.js';
import { computeSlas } from './site/sla.js';
import type { Issue, User } from './site/site.js';

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

const InvokeBody = z.object({ functionKey: z.string().min(1), payload: z.unknown().optional() });
const FetchProductBody = z.object({
  product: z.string(),
  restPath: z.string(),
  fetchRequestInit: z
    .object({
      method: z.string().optional(),
      body: z.string().nullable().optional(),
      headers: z.array(z.tuple([z.string(), z.string()])).optional(),
    })
    .passthrough()
    .optional(),
});

const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export interface ServerOptions {
  resourceDirs?: Record<string, string>;
}

export class HostServer {
  private readonly frames = new Map<string, Frame>();
  private server: Server | undefined;

  constructor(
    private readonly host: LocalHost,
    private readonly opts: ServerOptions = {},
  ) {}

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

  // --- plumbing ---------------------------------------------------------------------------------

  private persona(req: IncomingMessage): User {
    const cookie = req.headers.cookie ?? '';
    const m = /(?:^|;\s*)persona=([^;]+)/.exec(cookie);
    const id = m ? decodeURIComponent(m[1] ?? '') : undefined;
    const user = id ? this.host.site.user(id) : undefined;
    if (user && user.role !== 'app') return user;
    const fallback = this.host.site.users('agent')[0] ?? this.host.site.users('admin')[0];
    if (!fallback) throw new Error('The site has no agents: seed it first.');
    return fallback;
  }

  /** Light or dark, from the `theme` cookie (the header's switch): what `view.theme.enable()` applies. */
  private colorMode(req: IncomingMessage): 'light' | 'dark' {
    return /(?:^|;\s*)theme=dark(?:;|$)/.test(req.headers.cookie ?? '') ? 'dark' : 'light';
  }

  private async body(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > limit) throw new Error('request body too large');
      chunks.push(b);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private async form(req: IncomingMessage): Promise<URLSearchParams> {
    return new URLSearchParams(await this.body(req));
  }

  private send(
    res: ServerResponse,
    status: number,
    body: string,
    type = 'text/html; charset=utf-8',
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
  }

  private sendJson(res: ServerResponse, status: number, value: unknown): void {
    this.send(res, status, JSON.stringify(value), 'application/json');
  }

  private redirect(res: ServerResponse, to: string, headers: Record<string, string> = {}): void {
    res.writeHead(303, { location: to, ...headers });
    res.end();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    let m: RegExpExecArray | null;

    if ((m = /^\/x1\/([^/]+)(\/.*)?$/.exec(path)))
      return this.webtrigger(req, res, decodeURIComponent(m[1] ?? ''), m[2] ?? '/', url);
    if (path === '/__host/health')
      return this.sendJson(res, 200, { ok: true, seeded: this.host.seededAs() ?? null, queue: this.host.queueStats() });
    if ((m = /^\/__host\/bridge\/([^/]+)\/([A-Za-z]+)$/.exec(path)) && method === 'POST')
      return this.bridge(req, res, m[1] ?? '', m[2] ?? '');
    if ((m = /^\/__host\/frame\/([^/]+)\/(.*)$/.exec(path))) return this.frameFile(req, res, m[1] ?? '', m[2] ?? '');
    if (path === '/__host/tokens.css') {
      // Jira's token themes: the same for every frame, so cached and compressed like a CDN file.
      const css = tokenThemesCss();
      const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      res.writeHead(200, {
        'content-type': 'text/css; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        vary: 'accept-encoding',
        ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
      });
      return void res.end(useGzip ? css.gzip : css.text);
    }
    if (path === '/__host/metrics')
      return this.sendJson(res, 200, {
        summary: this.host.metrics.summary(),
        recent: this.host.metrics.invocations().slice(-200),
      });
    if (path === '/__host/events') return this.send(res, 200, this.eventsPage());
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
    if (path === '/' && method === 'GET') return this.send(res, 200, this.homePage(req));
    if (path === '/create' && method === 'POST') {
      const f = await this.form(req);
      const persona = this.persona(req);
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
      return this.send(res, 200, this.issuePage(req, key));
    }
    if ((m = /^\/portal\/([A-Z][A-Z0-9]+-\d+)$/.exec(path)))
      return this.send(res, 200, this.portalPage(req, m[1] ?? ''));
    if ((m = /^\/projects\/([A-Z][A-Z0-9]+)(\/settings)?$/.exec(path)))
      return this.send(res, 200, this.projectPage(req, m[1] ?? '', m[2] !== undefined));
    if (path === '/admin') return this.send(res, 200, this.modulePage(req, 'jira:adminPage', 'Apps · Sentio', {}));
    if (path === '/dashboard')
      return this.send(
        res,
        200,
        this.dashboardPage(req, url.searchParams.get('project') ?? undefined, url.searchParams.get('mode') === 'edit'),
      );
    return this.send(res, 404, this.layout(req, 'Not found', '<p>Nothing here.</p>'));
  }

  // --- iframes and the bridge -------------------------------------------------------------------

  private resourceDir(m: UiModule): string | undefined {
    const key = m.resource;
    if (!key) return undefined;
    const override = this.opts.resourceDirs?.[key];
    if (override) return override;
    const r = this.host.manifest.resources.find((x) => x.key === key);
    return r ? resolve(REPO_ROOT, r.path) : undefined;
  }

  private frame(m: UiModule, extension: Record<string, unknown>): string {
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

  private frameFile(req: IncomingMessage, res: ServerResponse, token: string, rel: string): void {
    const frame = this.frames.get(token);
    if (!frame) return this.send(res, 404, 'This frame expired: reload the page.', 'text/plain');
    // Forge deploys manifest `translations` into every resource as `__LOCALES__/` (local/i18n.ts).
    const messages = i18nFile(this.host.i18n, rel);
    if (messages !== null) return this.send(res, 200, messages, 'application/json; charset=utf-8');
    const file = normalize(join(frame.resourceDir, rel || 'index.html'));
    if (!file.startsWith(frame.resourceDir) || !existsSync(file) || !statSync(file).isFile())
      return this.send(res, 404, 'Not found', 'text/plain');
    if (rel === 'index.html' || rel === '') {
      const html = readFileSync(file, 'utf8');
      // The platform injects the bridge before any of the app's scripts run.
      const inject = `<script>${bridgeScript(token, this.colorMode(req))}</script>`;
      const out = /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (h) => `${h}${inject}`) : inject + html;
      const csp = this.host.manifest.styles.includes('unsafe-inline')
        ? "style-src 'self' 'unsafe-inline'"
        : "style-src 'self'";
      return this.send(res, 200, out, MIME['.html'], { 'content-security-policy': `${csp}; frame-ancestors 'self'` });
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

  private async bridge(req: IncomingMessage, res: ServerResponse, token: string, name: string): Promise<void> {
    const frame = this.frames.get(token);
    const fail = (status: number, message: string, code?: string): void =>
      this.sendJson(res, status, { ok: false, error: { message, ...(code ? { code } : {}) } });
    if (!frame) return fail(404, 'This frame expired: reload the page.');
    const m = this.host.uiModule(frame.moduleKey);
    if (!m) return fail(404, `Module ${frame.moduleKey} is not in manifest.yml`);
    const persona = this.persona(req);
    let payload: unknown;
    try {
      payload = JSON.parse((await this.body(req)) || 'null');
    } catch {
      return fail(400, 'Bad JSON');
    }
    if (name === 'getContext')
      return this.sendJson(res, 200, {
        ok: true,
        value: {
          ...this.host.productContext(m, persona.accountId, frame.extension),
          theme: { colorMode: this.colorMode(req) },
        },
      });
    if (name === 'invoke') {
      const parsed = InvokeBody.safeParse(payload);
      if (!parsed.success) return fail(400, 'invoke needs { functionKey, payload }');
      if (!this.host.allowInvoke(`${persona.accountId}`))
        return fail(429, 'Resolver calls are rate limited at 500req/25s', 'RATE_LIMITED');
      try {
        const r = await this.host.invoke(
          m.key,
          parsed.data.functionKey,
          parsed.data.payload ?? {},
          persona.accountId,
          frame.extension,
        );
        if (r.ok) return this.sendJson(res, 200, { ok: true, value: r.value ?? null });
        if (r.timedOut)
          return fail(
            200,
            'There was an error invoking the function - the function timed out (FUNCTION_TIME_OUT)',
            'FUNCTION_TIME_OUT',
          );
        return fail(
          200,
          `There was an error invoking the function - ${r.error?.message ?? 'unknown error'}`,
          'FUNCTION_ERR',
        );
      } catch (e) {
        return fail(403, (e as Error).message);
      }
    }
    if (name === 'fetchProduct') {
      const parsed = FetchProductBody.safeParse(payload);
      if (!parsed.success) return fail(400, 'fetchProduct needs { product, restPath, fetchRequestInit }');
      if (parsed.data.product !== 'jira') return fail(400, `The local host only has Jira, not ${parsed.data.product}`);
      const init = parsed.data.fetchRequestInit ?? {};
      const r = this.host.callJira(
        { kind: 'user', accountId: persona.accountId },
        init.method ?? 'GET',
        parsed.data.restPath,
        init.body ?? undefined,
        true,
      );
      return this.sendJson(res, 200, {
        ok: true,
        value: {
          status: r.status,
          statusText: r.status < 400 ? 'OK' : 'Error',
          headers: { 'content-type': 'application/json' },
          body: r.body === undefined ? '' : JSON.stringify(r.body),
        },
      });
    }
    return fail(400, `Bridge method ${name} is not emulated by the local host`);
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
      body: await this.body(req),
    });
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) out[k] = v.join(', ');
    res.writeHead(r.statusCode, out);
    res.end(r.body);
  }

  // --- actions ----------------------------------------------------------------------------------

  private async issueAction(req: IncomingMessage, res: ServerResponse, key: string, action: string): Promise<void> {
    const f = await this.form(req);
    const persona = this.persona(req);
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
      return this.send(
        res,
        400,
        this.layout(
          req,
          'Error',
          `<p class="error">${esc((e as Error).message)}</p><p><a href="${esc(back)}">Back</a></p>`,
        ),
      );
    }
    return this.redirect(res, back);
  }

  // --- pages ------------------------------------------------------------------------------------

  private layout(req: IncomingMessage, title: string, content: string): string {
    const persona = this.persona(req);
    const users = this.host.site.users().filter((u) => u.role !== 'app');
    const options = (['admin', 'agent', 'customer'] as const)
      .map(
        (role) =>
          `<optgroup label="${role}s">${users
            .filter((u) => u.role === role)
            .map(
              (u) =>
                `<option value="${esc(u.accountId)}"${u.accountId === persona.accountId ? ' selected' : ''}>${esc(u.displayName)}${u.style ? ` (${esc(u.style)})` : ''}</option>`,
            )
            .join('')}</optgroup>`,
      )
      .join('');
    const projects = this.host.site.projects();
    const dark = this.colorMode(req) === 'dark';
    return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)} · Sentio local</title><style>${CSS}</style></head><body${dark ? ' class="dark"' : ''}>
<header><a class="brand" href="/">Jira Service Management <small>local Forge host</small></a>
<nav>${projects.map((p) => `<a href="/projects/${esc(p.key)}">${esc(p.key)}</a>`).join('')}<a href="/dashboard">Dashboard</a><a href="/admin">Apps · Sentio</a><a href="/__host/events">Events</a></nav>
<form method="post" action="/persona" class="persona"><input type="hidden" name="back" value="${esc(req.url ?? '/')}"><label>Viewing as <select name="accountId" onchange="this.form.submit()">${options}</select></label></form>
<form method="post" action="/theme" class="inline"><input type="hidden" name="back" value="${esc(req.url ?? '/')}"><input type="hidden" name="mode" value="${dark ? 'light' : 'dark'}"><button>${dark ? 'Light' : 'Dark'} theme</button></form></header>
<main>${content}</main>
<div id="flags"></div>
<script>${PARENT_SCRIPT}</script></body></html>`;
  }

  private homePage(req: IncomingMessage): string {
    const site = this.host.site;
    const persona = this.persona(req);
    const issues = persona.role === 'customer' ? site.issues({ reporter: persona.accountId }) : site.issues();
    const projects = site.projects();
    const rows = issues
      .slice(0, 100)
      .map((i) => this.issueRow(i, persona))
      .join('');
    const create = projects.map((p) => `<option value="${esc(p.key)}">${esc(p.name)}</option>`).join('');
    const rts = site
      .requestTypes()
      .map((rt) => `<option value="${esc(rt.id)}">${esc(site.project(rt.projectId)?.key)} · ${esc(rt.name)}</option>`)
      .join('');
    const customers = site
      .users('customer')
      .map((u) => `<option value="${esc(u.accountId)}">${esc(u.displayName)}</option>`)
      .join('');
    return this.layout(
      req,
      'Queue',
      `<h1>${persona.role === 'customer' ? 'My requests' : 'All open and recent requests'} <small>${issues.length} tickets</small></h1>
<details class="card"><summary>Raise a request</summary><form method="post" action="/create" class="grid">
<label>Project <select name="project">${create}</select></label><label>Request type <select name="requestTypeId">${rts}</select></label>
<label>Reporter <select name="reporter"><option value="">(me)</option>${customers}</select></label>
<label class="wide">Summary <input name="summary" required></label><label class="wide">Description <textarea name="description"></textarea></label><button>Create</button></form></details>
<table class="queue"><thead><tr><th>Key</th><th>Summary</th><th>Status</th><th>Reporter</th><th>Assignee</th><th>Created</th></tr></thead><tbody>${rows}</tbody></table>`,
    );
  }

  private issueRow(i: Issue, persona: User): string {
    const site = this.host.site;
    const status = site.status(i.statusId);
    const link = persona.role === 'customer' ? `/portal/${i.key}` : `/browse/${i.key}`;
    return `<tr><td><a href="${link}">${esc(i.key)}</a></td><td>${esc(i.summary)}</td><td><span class="lozenge ${esc(status?.category)}">${esc(status?.name)}</span></td><td>${esc(site.user(i.reporter)?.displayName)}</td><td>${esc(i.assignee ? site.user(i.assignee)?.displayName : 'Unassigned')}</td><td>${esc(jiraDate(i.created).slice(0, 16).replace('T', ' '))}</td></tr>`;
  }

  private issuePage(req: IncomingMessage, key: string): string {
    const site = this.host.site;
    const persona = this.persona(req);
    const issue = site.issue(key);
    if (!issue || !site.canBrowse(persona.accountId, issue))
      return this.layout(
        req,
        key,
        `<p class="error">Issue ${esc(key)} does not exist or you do not have permission to see it.</p>`,
      );
    if (persona.role === 'customer') return this.portalPage(req, key);
    const project = site.project(issue.projectId);
    const rt = site.requestType(issue.requestTypeId);
    const status = site.status(issue.statusId);
    const ext = {
      issue: { id: issue.id, key: issue.key, type: 'Service Request', typeId: rt?.issueTypeId },
      project: { id: project?.id, key: project?.key, type: 'service_desk' },
      isNewToIssue: false,
    };
    const panels = this.host.manifest.uiModules
      .filter((m) => m.type === 'jira:issuePanel')
      .map((m) => `<section class="panel"><h3>${esc(m.title)}</h3>${this.frame(m, ext)}</section>`)
      .join('');
    const contexts = this.host.manifest.uiModules
      .filter((m) => m.type === 'jira:issueContext')
      .map(
        (m) =>
          `<details open class="context"><summary>${esc(m.label ?? m.title)}</summary>${this.frame(m, ext)}</details>`,
      )
      .join('');
    const comments = site
      .comments(issue.id)
      .map(
        (c) =>
          `<li class="${c.public ? 'public' : 'internal'}"><b>${esc(site.user(c.author)?.displayName ?? c.author)}</b> <small>${esc(jiraDate(c.created).slice(0, 16).replace('T', ' '))} · ${c.public ? 'reply to customer' : 'internal note'}</small><p>${esc(adfToText(c.body).trim())}</p></li>`,
      )
      .join('');
    const history = site
      .changelog(issue.id)
      .map(
        (h) =>
          `<li><small>${esc(jiraDate(h.created).slice(0, 16).replace('T', ' '))}</small> ${esc(site.user(h.author)?.displayName)}: ${h.items.map((i) => `${esc(i.field)} ${esc(i.fromString ?? '—')} → ${esc(i.toString ?? '—')}`).join(', ')}</li>`,
      )
      .join('');
    const slas = computeSlas(site, issue, site.clock.now())
      .map((s) => {
        const cyc = (s.ongoingCycle ?? (s.completedCycles as unknown[]).at(-1)) as
          { breached?: boolean; remainingTime?: { friendly: string } } | undefined;
        return `<li>${esc(s.name)}: ${cyc ? `<span class="${cyc.breached ? 'breached' : 'ok'}">${cyc.breached ? 'breached' : 'within goal'}</span> (${esc(cyc.remainingTime?.friendly)} left)${s.ongoingCycle ? '' : ' ✓ completed'}` : '—'}</li>`;
      })
      .join('');
    const statusOptions = site
      .statuses()
      .map((s) => `<option value="${esc(s.id)}"${s.id === issue.statusId ? ' selected' : ''}>${esc(s.name)}</option>`)
      .join('');
    const assignees = [...site.users('agent'), ...site.users('admin')]
      .map(
        (u) =>
          `<option value="${esc(u.accountId)}"${u.accountId === issue.assignee ? ' selected' : ''}>${esc(u.displayName)}</option>`,
      )
      .join('');
    return this.layout(
      req,
      `${issue.key} ${issue.summary}`,
      `<div class="crumbs"><a href="/projects/${esc(project?.key)}">${esc(project?.name)}</a> / ${esc(issue.key)} · <a href="/portal/${esc(issue.key)}">view in portal</a></div>
<div class="issue"><div class="main"><h1>${esc(issue.summary)}</h1><p class="desc">${esc(issue.description ?? '')}</p>
${panels}
<section><h3>Activity</h3><form method="post" action="/browse/${esc(issue.key)}/comment" class="comment"><textarea name="body" placeholder="Add a comment…" required></textarea>
<label><input type="radio" name="visibility" value="public" checked> Reply to customer</label> <label><input type="radio" name="visibility" value="internal"> Add internal note</label> <button>Save</button></form>
<ul class="comments">${comments}</ul><details><summary>History (${site.changelog(issue.id).length})</summary><ul class="history">${history}</ul></details></section></div>
<aside><form method="post" action="/browse/${esc(issue.key)}/transition" class="inline"><select name="status">${statusOptions}</select><button>Transition</button></form>
<span class="lozenge ${esc(status?.category)}">${esc(status?.name)}</span>
<dl><dt>Request type</dt><dd>${esc(rt?.name)}</dd><dt>Reporter</dt><dd>${esc(site.user(issue.reporter)?.displayName)}</dd>
<dt>Participants</dt><dd>${
        site
          .participants(issue.id)
          .map((p) => esc(site.user(p)?.displayName))
          .join(', ') || '—'
      }</dd>
<dt>Assignee</dt><dd><form method="post" action="/browse/${esc(issue.key)}/assign" class="inline"><select name="assignee"><option value="">Unassigned</option>${assignees}</select><button>Assign</button></form></dd>
<dt>Priority</dt><dd>${esc(issue.priority)}</dd><dt>SLAs</dt><dd><ul class="slas">${slas}</ul></dd></dl>
${contexts}</aside></div>`,
    );
  }

  private portalPage(req: IncomingMessage, key: string): string {
    const site = this.host.site;
    const persona = this.persona(req);
    const issue = site.issue(key);
    if (!issue) return this.layout(req, key, `<p class="error">Request ${esc(key)} not found.</p>`);
    const project = site.project(issue.projectId);
    const rt = site.requestType(issue.requestTypeId);
    if (!site.canBrowse(persona.accountId, issue) || persona.role !== 'customer') {
      return this.layout(
        req,
        key,
        `<div class="card"><p>The customer portal shows a request to its requester. You are viewing as ${esc(persona.displayName)}.</p>
<form method="post" action="/persona"><input type="hidden" name="accountId" value="${esc(issue.reporter)}"><input type="hidden" name="back" value="/portal/${esc(key)}"><button>View as the requester, ${esc(site.user(issue.reporter)?.displayName)}</button></form></div>`,
      );
    }
    const ext = {
      request: { key: issue.key, typeId: issue.requestTypeId },
      portal: { id: project?.serviceDeskId },
      project: { id: project?.id, key: project?.key, type: 'service_desk' },
    };
    const panels = this.host.manifest.uiModules
      .filter((m) => m.type === 'jiraServiceManagement:portalRequestDetailPanel')
      .map((m) => `<section class="panel portal-panel"><h3>${esc(m.title)}</h3>${this.frame(m, ext)}</section>`)
      .join('');
    const comments = site
      .comments(issue.id)
      .filter((c) => c.public)
      .map(
        (c) =>
          `<li><b>${esc(site.user(c.author)?.displayName)}</b> <small>${esc(jiraDate(c.created).slice(0, 16).replace('T', ' '))}</small><p>${esc(adfToText(c.body).trim())}</p></li>`,
      )
      .join('');
    return this.layout(
      req,
      `${issue.key} · portal`,
      `<div class="portal"><div class="crumbs">Help Center / ${esc(project?.name)} / ${esc(issue.key)}</div><h1>${esc(issue.summary)}</h1>
<p><span class="lozenge ${esc(site.status(issue.statusId)?.category)}">${esc(site.status(issue.statusId)?.name)}</span> · ${esc(rt?.name)}</p>
${panels}
<section><h3>Activity</h3><form method="post" action="/browse/${esc(issue.key)}/comment" class="comment"><input type="hidden" name="back" value="/portal/${esc(issue.key)}"><textarea name="body" placeholder="Add a comment…" required></textarea><button>Comment</button></form><ul class="comments">${comments}</ul></section></div>`,
    );
  }

  private projectPage(req: IncomingMessage, key: string, settings: boolean): string {
    const site = this.host.site;
    const project = site.project(key);
    if (!project) return this.layout(req, key, `<p class="error">No project ${esc(key)}.</p>`);
    const type = settings ? 'jira:projectSettingsPage' : 'jira:projectPage';
    const ext = { project: { id: project.id, key: project.key, type: 'service_desk' } };
    const frames = this.host.manifest.uiModules
      .filter((m) => m.type === type)
      .map((m) => `<section class="panel page"><h2>${esc(m.title)}</h2>${this.frame(m, ext)}</section>`)
      .join('');
    const persona = this.persona(req);
    const issues = site
      .issues({ projectId: project.id })
      .slice(0, 30)
      .map((i) => this.issueRow(i, persona))
      .join('');
    return this.layout(
      req,
      project.name,
      `<div class="crumbs">Projects / ${esc(project.name)} · <a href="/projects/${esc(key)}${settings ? '' : '/settings'}">${settings ? 'project page' : 'project settings'}</a> · <a href="/dashboard?project=${esc(key)}">dashboard</a></div>${frames}
${settings ? '' : `<details class="card"><summary>Recent tickets</summary><table class="queue"><tbody>${issues}</tbody></table></details>`}`,
    );
  }

  private modulePage(req: IncomingMessage, type: string, title: string, ext: Record<string, unknown>): string {
    const frames = this.host.manifest.uiModules
      .filter((m) => m.type === type)
      .map((m) => `<section class="panel page"><h2>${esc(m.title)}</h2>${this.frame(m, ext)}</section>`)
      .join('');
    const ticks = this.host.manifest.scheduledTriggers
      .map(
        (t) =>
          `<form method="post" action="/__host/tick/${esc(t.key)}" class="inline"><button>Run ${esc(t.key)} (${esc(t.interval)}) now</button></form>`,
      )
      .join(' ');
    return this.layout(req, title, `${frames}<div class="card"><h3>Local host controls</h3>${ticks}</div>`);
  }

  private dashboardPage(req: IncomingMessage, projectKey: string | undefined, edit = false): string {
    const gadgets = this.host.manifest.uiModules.filter((m) => m.type === 'jira:dashboardGadget');
    const project = projectKey ? this.host.site.project(projectKey) : this.host.site.projects()[0];
    const ext = {
      dashboard: { id: '10000' },
      gadget: { id: '10001', entryPoint: edit ? 'edit' : 'view' },
      ...(edit ? { entryPoint: 'edit' } : {}),
      gadgetConfiguration: project ? { projectKey: project.key, projectId: project.id } : {},
    };
    const frames = gadgets
      .map((m) => `<section class="panel gadget"><h3>${esc(m.title)}</h3>${this.frame(m, ext)}</section>`)
      .join('');
    return this.layout(req, 'Dashboard', `<h1>Dashboard</h1><div class="gadgets">${frames}</div>`);
  }

  private eventsPage(): string {
    const rows = this.host
      .deliveries({ limit: 200 })
      .map(
        (d) =>
          `<tr class="${esc(d.state)}"><td>${d.id}</td><td>${esc(d.kind)}</td><td>${esc(d.target)}</td><td>${esc(String(d.payload.eventType ?? d.payload.queueName ?? ''))}</td><td>${esc((d.payload.issue as { key?: string } | undefined)?.key ?? '')}</td><td>${d.payload.selfGenerated === true ? 'self' : ''}</td><td>${esc(d.state)}${d.attempt ? ` (retry ${d.attempt})` : ''}</td><td>${esc(d.lastError ?? '')}</td></tr>`,
      )
      .join('');
    const s = this.host.metrics.summary();
    return `<!doctype html><html><head><meta charset="utf-8"><title>Events · Sentio local</title><style>${CSS}</style></head><body><header><a class="brand" href="/">← back to the site</a></header><main>
<h1>Deliveries <small>${esc(JSON.stringify(this.host.queueStats()))}</small></h1>
<p>Invocations: ${s.invocations} · KVS ops: ${s.kvsOps} · Jira calls: ${s.jiraCalls} · errors: ${s.errors} · <a href="/__host/metrics">metrics JSON</a></p>
${this.host.manifest.scheduledTriggers.map((t) => `<form method="post" action="/__host/tick/${esc(t.key)}" class="inline"><button>Tick ${esc(t.key)}</button></form>`).join(' ')}
<p>Web triggers: ${this.host.manifest.webTriggers.map((w) => `<code>${esc(this.host.webtriggerUrl(w.key))}</code>`).join(' ')}</p>
<table class="queue"><thead><tr><th>#</th><th>kind</th><th>target</th><th>event</th><th>issue</th><th></th><th>state</th><th>error</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`;
  }
}

const PARENT_SCRIPT = `
window.addEventListener('message', (e) => {
  const d = e.data; if (!d || d.source !== 'forge-local-bridge') return;
  const frame = document.querySelector('iframe[data-token="' + d.token + '"]');
  if (d.type === 'resize' && frame) frame.style.height = Math.max(60, Math.min(4000, d.payload.height)) + 'px';
  if (d.type === 'navigate') { const url = d.payload.url || (d.payload.target === 'issue' ? '/browse/' + d.payload.issueKey : d.payload.target === 'projectPage' ? '/projects/' + d.payload.projectKey : '/');
    if (d.payload.type === 'new-tab') window.open(url, '_blank'); else location.href = url; }
  if (d.type === 'refresh') location.reload();
  if (d.type === 'submit') location.href = '/dashboard?project=' + encodeURIComponent((d.payload && d.payload.projectId) || '');
  if (d.type === 'flag') { const f = document.createElement('div'); f.className = 'flag ' + (d.payload.type || 'info');
    f.innerHTML = '<b></b><p></p>'; f.querySelector('b').textContent = d.payload.title || ''; f.querySelector('p').textContent = d.payload.description || '';
    document.getElementById('flags').appendChild(f); setTimeout(() => f.remove(), 6000); }
});`;

const CSS = `
*{box-sizing:border-box}body{margin:0;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;color:#172b4d;background:#f7f8f9}
header{display:flex;gap:16px;align-items:center;padding:8px 16px;background:#fff;border-bottom:1px solid #dfe1e6;position:sticky;top:0;z-index:2}
.brand{font-weight:600;color:#0c66e4;text-decoration:none}.brand small{color:#626f86;font-weight:400}nav a{margin-right:12px;color:#44546f;text-decoration:none}nav{flex:1}
main{padding:16px 24px;max-width:1400px;margin:auto}h1 small{color:#626f86;font-weight:400;font-size:14px}
table.queue{width:100%;border-collapse:collapse;background:#fff}table.queue td,table.queue th{padding:6px 8px;border-bottom:1px solid #ebecf0;text-align:left}
.lozenge{display:inline-block;padding:0 6px;border-radius:3px;font-size:11px;font-weight:700;text-transform:uppercase;background:#dfe1e6}
.lozenge.indeterminate{background:#cce0ff;color:#09326c}.lozenge.done{background:#baf3db;color:#164b35}
.issue{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:24px}aside{background:#fff;border:1px solid #dfe1e6;border-radius:6px;padding:12px}
aside dl{display:grid;grid-template-columns:100px 1fr;gap:6px}dt{color:#626f86}dd{margin:0}
.panel,.card{background:#fff;border:1px solid #dfe1e6;border-radius:6px;padding:12px;margin:12px 0}
iframe.forge-frame{width:100%;border:0;min-height:120px;display:block}.page iframe.forge-frame{min-height:600px}
.comments{list-style:none;padding:0}.comments li{background:#fff;border:1px solid #ebecf0;border-radius:6px;padding:8px;margin:8px 0}.comments li.internal{background:#fff7d6}
textarea{width:100%;min-height:60px}form.inline{display:inline-flex;gap:4px;margin:4px 0}.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:8px}.grid .wide{grid-column:1/-1}.grid input,.grid textarea{width:100%}
.breached{color:#ae2e24;font-weight:600}.ok{color:#216e4e}.error{color:#ae2e24}.missing{padding:12px;background:#fff7d6;border-radius:4px}
.flag{position:fixed;right:16px;bottom:16px;background:#fff;border-left:4px solid #0c66e4;box-shadow:0 4px 12px rgba(0,0,0,.2);padding:8px 12px;min-width:260px}.flag.success{border-color:#22a06b}.flag.error{border-color:#c9372c}
.crumbs{color:#626f86;margin-bottom:8px}.portal{max-width:900px;margin:auto}.gadgets{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));gap:16px}
tr.failed td{color:#ae2e24}
body.dark{background:#1d2125;color:#b6c2cf}body.dark header,body.dark .panel,body.dark .card,body.dark aside,body.dark table.queue,body.dark .comments li{background:#22272b;border-color:#38414a}body.dark a{color:#579dff}`;

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
