/**
 * One-click answers from the survey comment's links. A GET only shows a confirm page (mail
 * scanners open links; they must record nothing); the POST of that page records once. Forged,
 * expired, replayed or mismatched tokens get a clear page and change nothing.
 */
import { AppError } from './errors';
import { verifyToken } from './one-click-token';
import type { AppPorts } from './ports';
import { applyAnswerCommand } from './record-answer';

export interface WebRequest {
  readonly method: string;
  readonly body: string;
  readonly query: Readonly<Record<string, readonly string[]>>;
}

export interface WebResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string[]>;
  readonly body: string;
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function page(status: number, title: string, body: string): WebResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return {
    statusCode: status,
    headers: {
      'Content-Type': ['text/html; charset=utf-8'],
      'Cache-Control': ['no-store'],
      'Referrer-Policy': ['no-referrer'],
      'Content-Security-Policy': ["default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"],
    },
    body: html,
  };
}

const REFUSALS = {
  malformed: [
    400,
    'This link is not valid',
    '<p>The link is incomplete or damaged. You can still answer on the request in the portal.</p>',
  ],
  forged: [403, 'This link is not valid', '<p>This link was not issued by Sentio. Nothing was recorded.</p>'],
  expired: [410, 'This survey has closed', '<p>The survey expired, so nothing was recorded. Thank you anyway.</p>'],
  mismatch: [
    409,
    'This link does not match the survey',
    '<p>Nothing was recorded. Please answer on the request in the portal.</p>',
  ],
} as const;

function refusal(kind: keyof typeof REFUSALS): WebResponse {
  const [status, title, body] = REFUSALS[kind];
  return page(status, title, body);
}

function tokenOf(req: WebRequest): string | null {
  if (req.method === 'POST') {
    const form = new URLSearchParams(req.body);
    return form.get('t');
  }
  return req.query.t?.[0] ?? null;
}

export async function handleOneClick(ports: AppPorts, req: WebRequest): Promise<WebResponse> {
  if (req.method !== 'GET' && req.method !== 'POST')
    return page(405, 'Not allowed', '<p>Use the link from your e-mail.</p>');
  const token = tokenOf(req);
  if (token === null) return refusal('malformed');
  const check = verifyToken(token, await ports.secrets.signingKeys(), ports.clock.now());
  if (!check.ok) return refusal(check.reason);
  const stored = await ports.store.getAsk(check.claims.a);
  if (stored === null || stored.ask.expiresAt !== check.claims.e) return refusal('mismatch');

  if (req.method === 'GET') {
    if (stored.usedNonces.includes(check.claims.n))
      return page(200, 'Already recorded', '<p>This answer was already recorded. Thank you!</p>');
    const form = `<p>${escapeHtml(stored.ask.question.text)}</p><p>Your answer: <strong>${check.claims.s}</strong></p><form method="POST"><input type="hidden" name="t" value="${escapeHtml(token)}"><button type="submit">Confirm my answer</button></form>`;
    return page(200, 'Confirm your answer', form);
  }

  try {
    const outcome = await applyAnswerCommand(ports, {
      askId: check.claims.a,
      input: { score: check.claims.s },
      via: 'one-click',
      nonce: check.claims.n,
    });
    if (outcome.kind === 'replayed')
      return page(200, 'Already recorded', '<p>This answer was already recorded. Nothing changed.</p>');
    return page(
      200,
      'Thank you!',
      '<p>Your answer was recorded. You can add a comment or change it on the request in the portal until the survey closes.</p>',
    );
  } catch (e) {
    if (e instanceof AppError && e.code === 'refused') {
      return e.details.reason === 'ask-expired'
        ? refusal('expired')
        : page(409, 'Nothing was recorded', `<p>${escapeHtml(e.message)}.</p>`);
    }
    if (e instanceof AppError && e.code === 'not-found') return refusal('mismatch');
    if (e instanceof AppError && e.code === 'unavailable')
      return page(
        503,
        'Please try again',
        '<p>We could not record your answer just now. Please try again in a minute.</p>',
      );
    throw e;
  }
}
