// The Jira-like pages of the local site: queue, issue view (issue panels, issue context rendered on
// expand), customer portal, project pages, admin page, dashboard, and the host's event log. Each
// embeds the app's modules through `Frames`.
import type { IncomingMessage } from 'node:http';
import type { Frames } from './frames.js';
import type { LocalHost } from './host.js';
import { adfToText } from './site/adf.js';
import { jiraDate } from './site/clock.js';
import { computeSlas } from './site/sla.js';
import type { Issue, JiraSite, User } from './site/site.js';
import { colorModeOf, esc, personaOf } from './web-kit.js';

export class SitePages {
  constructor(
    private readonly host: LocalHost,
    private readonly frames: Frames,
  ) {}

  layout(req: IncomingMessage, title: string, content: string): string {
    const persona = personaOf(this.host.site, req);
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
    const dark = colorModeOf(req) === 'dark';
    return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)} · Sentio local</title><style>${CSS}</style></head><body${dark ? ' class="dark"' : ''}>
<header><a class="brand" href="/">Jira Service Management <small>local Forge host</small></a>
<nav>${projects.map((p) => `<a href="/projects/${esc(p.key)}">${esc(p.key)}</a>`).join('')}<a href="/dashboard">Dashboard</a><a href="/admin">Apps · Sentio</a><a href="/__host/events">Events</a></nav>
<form method="post" action="/persona" class="persona"><input type="hidden" name="back" value="${esc(req.url ?? '/')}"><label>Viewing as <select name="accountId" onchange="this.form.submit()">${options}</select></label></form>
<form method="post" action="/theme" class="inline"><input type="hidden" name="back" value="${esc(req.url ?? '/')}"><input type="hidden" name="mode" value="${dark ? 'light' : 'dark'}"><button>${dark ? 'Light' : 'Dark'} theme</button></form></header>
<main>${content}</main>
<div id="flags"></div>
<script>${PARENT_SCRIPT}</script></body></html>`;
  }

  homePage(req: IncomingMessage): string {
    const site = this.host.site;
    const persona = personaOf(this.host.site, req);
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

  issuePage(req: IncomingMessage, key: string): string {
    const site = this.host.site;
    const persona = personaOf(this.host.site, req);
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
      .map((m) => `<section class="panel"><h3>${esc(m.title)}</h3>${this.frames.embed(m, ext)}</section>`)
      .join('');
    const contexts = this.host.manifest.uiModules
      .filter((m) => m.type === 'jira:issueContext')
      // Jira renders an issue context when the user first expands it, not on every issue view
      // (manifest-reference/modules/jira-issue-context, "Dynamic properties").
      .map(
        (m) =>
          `<details class="context" data-module="${esc(m.key)}"><summary>${esc(m.label ?? m.title)}</summary><template>${this.frames.embed(m, ext)}</template></details>`,
      )
      .join('');
    const comments = commentItems(site, issue);
    const history = historyItems(site, issue);
    const slas = slaItems(site, issue);
    const statusOptions = statusOptionsOf(site, issue);
    const assignees = assigneeOptions(site, issue);
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

  portalPage(req: IncomingMessage, key: string): string {
    const site = this.host.site;
    const persona = personaOf(this.host.site, req);
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
      .map((m) => `<section class="panel portal-panel"><h3>${esc(m.title)}</h3>${this.frames.embed(m, ext)}</section>`)
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

  projectPage(req: IncomingMessage, key: string, settings: boolean): string {
    const site = this.host.site;
    const project = site.project(key);
    if (!project) return this.layout(req, key, `<p class="error">No project ${esc(key)}.</p>`);
    const type = settings ? 'jira:projectSettingsPage' : 'jira:projectPage';
    const ext = { project: { id: project.id, key: project.key, type: 'service_desk' } };
    const frames = this.host.manifest.uiModules
      .filter((m) => m.type === type)
      .map((m) => `<section class="panel page"><h2>${esc(m.title)}</h2>${this.frames.embed(m, ext)}</section>`)
      .join('');
    const persona = personaOf(this.host.site, req);
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

  modulePage(req: IncomingMessage, type: string, title: string, ext: Record<string, unknown>): string {
    const frames = this.host.manifest.uiModules
      .filter((m) => m.type === type)
      .map((m) => `<section class="panel page"><h2>${esc(m.title)}</h2>${this.frames.embed(m, ext)}</section>`)
      .join('');
    const ticks = this.host.manifest.scheduledTriggers
      .map(
        (t) =>
          `<form method="post" action="/__host/tick/${esc(t.key)}" class="inline"><button>Run ${esc(t.key)} (${esc(t.interval)}) now</button></form>`,
      )
      .join(' ');
    return this.layout(req, title, `${frames}<div class="card"><h3>Local host controls</h3>${ticks}</div>`);
  }

  dashboardPage(
    req: IncomingMessage,
    projectKey: string | undefined,
    edit = false,
    // The rest of the gadget's saved configuration (Jira keeps whatever the edit view submitted).
    saved: { xlaId: string | null; window: string | null } = { xlaId: null, window: null },
  ): string {
    const gadgets = this.host.manifest.uiModules.filter((m) => m.type === 'jira:dashboardGadget');
    const project = projectKey ? this.host.site.project(projectKey) : this.host.site.projects()[0];
    const ext = {
      dashboard: { id: '10000' },
      gadget: { id: '10001', entryPoint: edit ? 'edit' : 'view' },
      ...(edit ? { entryPoint: 'edit' } : {}),
      gadgetConfiguration: project
        ? {
            projectKey: project.key,
            projectId: project.id,
            ...(saved.xlaId ? { xlaId: saved.xlaId } : {}),
            ...(saved.window ? { window: saved.window } : {}),
          }
        : {},
    };
    const frames = gadgets
      .map((m) => `<section class="panel gadget"><h3>${esc(m.title)}</h3>${this.frames.embed(m, ext)}</section>`)
      .join('');
    return this.layout(req, 'Dashboard', `<h1>Dashboard</h1><div class="gadgets">${frames}</div>`);
  }

  eventsPage(): string {
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

/** The issue view's activity: comments (replies and internal notes) and the changelog. */
function commentItems(site: JiraSite, issue: Issue): string {
  return site
    .comments(issue.id)
    .map(
      (c) =>
        `<li class="${c.public ? 'public' : 'internal'}"><b>${esc(site.user(c.author)?.displayName ?? c.author)}</b> <small>${esc(jiraDate(c.created).slice(0, 16).replace('T', ' '))} · ${c.public ? 'reply to customer' : 'internal note'}</small><p>${esc(adfToText(c.body).trim())}</p></li>`,
    )
    .join('');
}

function historyItems(site: JiraSite, issue: Issue): string {
  return site
    .changelog(issue.id)
    .map(
      (h) =>
        `<li><small>${esc(jiraDate(h.created).slice(0, 16).replace('T', ' '))}</small> ${esc(site.user(h.author)?.displayName)}: ${h.items.map((i) => `${esc(i.field)} ${esc(i.fromString ?? '—')} → ${esc(i.toString ?? '—')}`).join(', ')}</li>`,
    )
    .join('');
}

function slaItems(site: JiraSite, issue: Issue): string {
  return computeSlas(site, issue, site.clock.now())
    .map((s) => {
      const cyc = (s.ongoingCycle ?? (s.completedCycles as unknown[]).at(-1)) as
        { breached?: boolean; remainingTime?: { friendly: string } } | undefined;
      return `<li>${esc(s.name)}: ${cyc ? `<span class="${cyc.breached ? 'breached' : 'ok'}">${cyc.breached ? 'breached' : 'within goal'}</span> (${esc(cyc.remainingTime?.friendly)} left)${s.ongoingCycle ? '' : ' ✓ completed'}` : '—'}</li>`;
    })
    .join('');
}

function statusOptionsOf(site: JiraSite, issue: Issue): string {
  return site
    .statuses()
    .map((s) => `<option value="${esc(s.id)}"${s.id === issue.statusId ? ' selected' : ''}>${esc(s.name)}</option>`)
    .join('');
}

function assigneeOptions(site: JiraSite, issue: Issue): string {
  return [...site.users('agent'), ...site.users('admin')]
    .map(
      (u) =>
        `<option value="${esc(u.accountId)}"${u.accountId === issue.assignee ? ' selected' : ''}>${esc(u.displayName)}</option>`,
    )
    .join('');
}

const PARENT_SCRIPT = `
document.querySelectorAll('details.context').forEach((d) => d.addEventListener('toggle', () => {
  const t = d.querySelector('template'); if (d.open && t) t.replaceWith(t.content.cloneNode(true));
}));
window.addEventListener('message', (e) => {
  const d = e.data; if (!d || d.source !== 'forge-local-bridge') return;
  const frame = document.querySelector('iframe[data-token="' + d.token + '"]');
  if (d.type === 'resize' && frame) frame.style.height = Math.max(60, Math.min(4000, d.payload.height)) + 'px';
  if (d.type === 'navigate') { const url = d.payload.url || (d.payload.target === 'issue' ? '/browse/' + d.payload.issueKey : d.payload.target === 'projectPage' ? '/projects/' + d.payload.projectKey : '/');
    if (d.payload.type === 'new-tab') window.open(url, '_blank'); else location.href = url; }
  if (d.type === 'refresh') location.reload();
  if (d.type === 'submit') { const c = d.payload || {}; const q = new URLSearchParams({ project: c.projectId || '' });
    if (c.xlaId) q.set('xla', c.xlaId); if (c.window) q.set('window', c.window); location.href = '/dashboard?' + q; }
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
.issue{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:24px}@media (max-width:760px){.issue{grid-template-columns:minmax(0,1fr)}}aside{background:#fff;border:1px solid #dfe1e6;border-radius:6px;padding:12px}
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
