/**
 * The one-click pages, in the reader's language: every word from the message files
 * (locales/*.json, `oneClick.*`), `lang` and `dir` on the document so a screen reader speaks it in
 * that language. Values are escaped after translation: a question text is the admin's, never markup.
 */
import type { LinkOutcome } from '../../app/answers/answer-by-link';
import { directionOf, type Locale, type MessageKey, type Translator } from '../../domain/i18n';
import { scorePhrase } from '../../domain/survey/localized-question';

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

function page(locale: Locale, status: number, title: string, body: string): WebResponse {
  const html = `<!doctype html><html lang="${locale}" dir="${directionOf(locale)}"><head><meta charset="utf-8"><meta name="robots" content="noindex"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
  return {
    statusCode: status,
    headers: {
      'Content-Type': ['text/html; charset=utf-8'],
      'Content-Language': [locale],
      'Cache-Control': ['no-store'],
      'Referrer-Policy': ['no-referrer'],
      'Content-Security-Policy': ["default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"],
    },
    body: html,
  };
}

/** A page of one title and one paragraph, both from the message files. */
export function messagePage(m: Translator, status: number, title: MessageKey, body: MessageKey): WebResponse {
  return page(m.locale, status, m.t(title), `<p>${escapeHtml(m.t(body))}</p>`);
}

const REFUSALS = {
  malformed: 400,
  forged: 403,
  expired: 410,
  mismatch: 409,
} as const;

export function refusalPage(m: Translator, kind: keyof typeof REFUSALS): WebResponse {
  return messagePage(m, REFUSALS[kind], `oneClick.${kind}.title`, `oneClick.${kind}.body`);
}

export function outcomePage(m: Translator, outcome: LinkOutcome, token: string): WebResponse {
  switch (outcome.kind) {
    case 'invalid':
      return refusalPage(m, outcome.reason);
    case 'confirm': {
      const answer = scorePhrase(m, outcome.questionKind, outcome.score);
      // Asked about the outcome: say why the question is not the one in the comment.
      const resolved = outcome.stage === 'outcome' ? `<p>${escapeHtml(m.t('portal.resolved'))}</p>` : '';
      const form =
        resolved +
        `<p>${escapeHtml(outcome.question)}</p>` +
        `<p>${escapeHtml(m.t('oneClick.confirm.answer', { answer }))}</p>` +
        `<form method="POST"><input type="hidden" name="t" value="${escapeHtml(token)}">` +
        `<button type="submit">${escapeHtml(m.t('oneClick.confirm.button'))}</button></form>`;
      return page(m.locale, 200, m.t('oneClick.confirm.title'), form);
    }
    case 'already-recorded':
      return messagePage(
        m,
        200,
        'oneClick.alreadyRecorded.title',
        outcome.on === 'open' ? 'oneClick.alreadyRecorded.open' : 'oneClick.alreadyRecorded.confirm',
      );
    case 'recorded':
      return messagePage(m, 200, 'oneClick.recorded.title', 'oneClick.recorded.body');
  }
}
