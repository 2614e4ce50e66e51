/**
 * The one-click web trigger: the survey comment's links land here. A GET shows a confirm page
 * (mail scanners open links; they must record nothing); the POST of that page records once. This
 * handler owns the transport — the token from the query or the form, the HTML page, its headers
 * and status codes; `answerByLink` decides what happened.
 * https://developer.atlassian.com/platform/forge/manifest-reference/modules/web-trigger/
 */
import { z } from 'zod';
import { answerByLink } from '../app/answers/answer-by-link';
import { deliverTicketChange } from '../app/delivery/deliver-ticket-change';
import { AppError } from '../app/errors';
import type { AppPorts } from '../app/ports';
import { acceptedLanguages, negotiateLocale, type Translator } from '../domain/i18n';
import { messagePage, outcomePage, refusalPage, type WebResponse } from './presenters/one-click-page';
import type { TriggerDeps } from './trigger-deps';

export type { WebResponse } from './presenters/one-click-page';

export interface WebRequest {
  readonly method: string;
  readonly body: string;
  readonly query: Readonly<Record<string, readonly string[]>>;
  /** The browser's Accept-Language header, if it sent one. */
  readonly acceptLanguage?: string | undefined;
}

function tokenOf(req: WebRequest): string | null {
  if (req.method === 'POST') {
    const form = new URLSearchParams(req.body);
    return form.get('t');
  }
  return req.query.t?.[0] ?? null;
}

/** Errors the requester can act on become a page; anything else is the platform's 500. */
function errorPage(m: Translator, e: unknown): WebResponse {
  if (e instanceof AppError && e.code === 'refused') {
    return e.details.reason === 'ask-expired'
      ? refusalPage(m, 'expired')
      : messagePage(m, 409, 'oneClick.refused.title', 'oneClick.refused.body');
  }
  if (e instanceof AppError && e.code === 'not-found') return refusalPage(m, 'mismatch');
  if (e instanceof AppError && e.code === 'unavailable')
    return messagePage(m, 503, 'oneClick.unavailable.title', 'oneClick.unavailable.body');
  throw e;
}

export async function respondToOneClick(ports: AppPorts, req: WebRequest): Promise<WebResponse> {
  const accepted = acceptedLanguages(req.acceptLanguage);
  const browser = (): Promise<Translator> => ports.messages.forLocale(negotiateLocale(...accepted));
  if (req.method !== 'GET' && req.method !== 'POST')
    return messagePage(await browser(), 405, 'oneClick.notAllowed.title', 'oneClick.notAllowed.body');
  const token = tokenOf(req);
  if (token === null) return refusalPage(await browser(), 'malformed');
  // Opening a link changes nothing, so a failure there is the platform's; confirming can be refused.
  if (req.method === 'GET') {
    const outcome = await answerByLink(ports, token, 'open', accepted);
    return outcomePage(await ports.messages.forLocale(outcome.locale), outcome, token);
  }
  try {
    const outcome = await answerByLink(ports, token, 'confirm', accepted);
    if (outcome.kind === 'recorded') await deliverTicketChange(ports, outcome.delivery);
    return outcomePage(await ports.messages.forLocale(outcome.locale), outcome, token);
  } catch (e) {
    return errorPage(await browser(), e);
  }
}

const WebRequestSchema = z.looseObject({
  method: z.string(),
  body: z.string().nullable().optional(),
  queryParameters: z.record(z.string(), z.array(z.string())).optional(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
});

/** Header names may arrive in any case; the first value counts. */
function headerOf(headers: Record<string, string[]> | undefined, name: string): string | undefined {
  const entry = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name);
  return entry?.[1][0];
}

export function oneClickHandler(deps: TriggerDeps) {
  return async (request: unknown): Promise<WebResponse> => {
    const parsed = WebRequestSchema.safeParse(request);
    const web: WebRequest = parsed.success
      ? {
          method: parsed.data.method.toUpperCase(),
          body: parsed.data.body ?? '',
          query: parsed.data.queryParameters ?? {},
          acceptLanguage: headerOf(parsed.data.headers, 'accept-language'),
        }
      : { method: 'GET', body: '', query: {} };
    return respondToOneClick(deps.ports(), web);
  };
}
