/**
 * The one-click web trigger: the survey comment's links land here. A GET shows a confirm page
 * (mail scanners open links; they must record nothing); the POST of that page records once. This
 * handler owns the transport — the token from the query or the form, the HTML page, its headers
 * and status codes; `answerByLink` decides what happened.
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/web-trigger/
 */
import { z } from 'zod';
import { answerByLink, type LinkOutcome } from '../app/answers/answer-by-link';
import { deliverTicketChange } from '../app/delivery/deliver-ticket-change';
import { AppError } from '../app/errors';
import type { AppPorts } from '../app/ports';
import type { TriggerDeps } from './trigger-deps';

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

function pageOf(outcome: LinkOutcome, token: string): WebResponse {
  switch (outcome.kind) {
    case 'invalid':
      return refusal(outcome.reason);
    case 'confirm': {
      const form = `<p>${escapeHtml(outcome.question)}</p><p>Your answer: <strong>${outcome.score}</strong></p><form method="POST"><input type="hidden" name="t" value="${escapeHtml(token)}"><button type="submit">Confirm my answer</button></form>`;
      return page(200, 'Confirm your answer', form);
    }
    case 'already-recorded':
      return outcome.on === 'open'
        ? page(200, 'Already recorded', '<p>This answer was already recorded. Thank you!</p>')
        : page(200, 'Already recorded', '<p>This answer was already recorded. Nothing changed.</p>');
    case 'recorded':
      return page(
        200,
        'Thank you!',
        '<p>Your answer was recorded. You can add a comment or change it on the request in the portal until the survey closes.</p>',
      );
  }
}

/** Errors the requester can act on become a page; anything else is the platform's 500. */
function errorPage(e: unknown): WebResponse {
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

export async function respondToOneClick(ports: AppPorts, req: WebRequest): Promise<WebResponse> {
  if (req.method !== 'GET' && req.method !== 'POST')
    return page(405, 'Not allowed', '<p>Use the link from your e-mail.</p>');
  const token = tokenOf(req);
  if (token === null) return refusal('malformed');
  // Opening a link changes nothing, so a failure there is the platform's; confirming can be refused.
  if (req.method === 'GET') return pageOf(await answerByLink(ports, token, 'open'), token);
  try {
    const outcome = await answerByLink(ports, token, 'confirm');
    if (outcome.kind === 'recorded') await deliverTicketChange(ports, outcome.delivery);
    return pageOf(outcome, token);
  } catch (e) {
    return errorPage(e);
  }
}

const WebRequestSchema = z.looseObject({
  method: z.string(),
  body: z.string().nullable().optional(),
  queryParameters: z.record(z.string(), z.array(z.string())).optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
});

export function oneClickHandler(deps: TriggerDeps) {
  return async (request: unknown): Promise<WebResponse> => {
    const parsed = WebRequestSchema.safeParse(request);
    const web: WebRequest = parsed.success
      ? {
          method: parsed.data.method.toUpperCase(),
          body: parsed.data.body ?? '',
          query: parsed.data.queryParameters ?? {},
        }
      : { method: 'GET', body: '', query: {} };
    return respondToOneClick(deps.ports(), web);
  };
}
