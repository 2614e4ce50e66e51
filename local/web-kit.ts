// What the host's web server, its pages and its frames share: escaping, reading a request body,
// answering, and who is viewing (the persona and theme cookies).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JiraSite, User } from './site/site.js';

export const esc = (s: unknown): string =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** The person the pages are viewed as: the `persona` cookie, else the first agent (or admin). */
export function personaOf(site: JiraSite, req: IncomingMessage): User {
  const cookie = req.headers.cookie ?? '';
  const m = /(?:^|;\s*)persona=([^;]+)/.exec(cookie);
  const id = m ? decodeURIComponent(m[1] ?? '') : undefined;
  const user = id ? site.user(id) : undefined;
  if (user && user.role !== 'app') return user;
  const fallback = site.users('agent')[0] ?? site.users('admin')[0];
  if (!fallback) throw new Error('The site has no agents: seed it first.');
  return fallback;
}

/** Light or dark, from the `theme` cookie (the header's switch): what `view.theme.enable()` applies. */
export function colorModeOf(req: IncomingMessage): 'light' | 'dark' {
  return /(?:^|;\s*)theme=dark(?:;|$)/.test(req.headers.cookie ?? '') ? 'dark' : 'light';
}

export async function readBody(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
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

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = 'text/html; charset=utf-8',
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json');
}
