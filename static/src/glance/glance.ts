import { getTicketExperience, type TicketExperienceView } from '@contracts/agent';
import type { Translator } from '@domain/i18n';
import { type CallError, createClient, isRetryable } from '../api/client';
import { errorHeading, errorText } from '../ui/error-words';
import type { Host } from '../host/host';
import { answerWords } from '../i18n/answer-words';
import { englishMessages } from '../i18n/catalogue';
import { FACE_SVG_DOM_ATTRS, type FaceLevel, faceParts } from '../ui/face';
import { MOOD_FACE, MOOD_TEXT, RISK_APPEARANCE, RISK_TEXT } from '../views/issue/mood';

/**
 * The issue-context glance (jira:issueContext) in plain DOM: mood, risk and last score on one
 * line, the same texts the React panel uses, in the agent's language (`m`, English by default).
 * The answer is checked with the contract through the same typed client as every view
 * (`envelopeOf(getTicketExperience.response)`).
 */
export function startGlance(
  root: HTMLElement,
  host: Pick<Host, 'invoke'>,
  m: Translator = englishMessages,
): Promise<void> {
  const client = createClient(host);
  const load = async (): Promise<void> => {
    root.replaceChildren(el('span', { role: 'status', class: 'g-muted' }, m.t('glance.loading')));
    const result = await client.call(getTicketExperience, {});
    root.replaceChildren(result.ok ? line(result.data, m) : failed(result.error, m, () => void load()));
  };
  return load();
}

function line(view: TicketExperienceView, m: Translator): HTMLElement {
  const mood = m.t(MOOD_TEXT[view.moodLabel]);
  return el(
    'p',
    { class: 'g-line' },
    el(
      'span',
      {
        role: 'img',
        'aria-label': m.t('glance.mood', { mood }),
        title: m.t('glance.moodTitle', { mood }),
        class: 'g-face',
      },
      face(MOOD_FACE[view.moodLabel]),
    ),
    el('span', { class: `g-lozenge g-${RISK_APPEARANCE[view.risk.level]}` }, m.t(RISK_TEXT[view.risk.level])),
    el(
      'span',
      { class: 'g-muted' },
      view.lastScore !== null
        ? m.t('glance.lastAnswer', { answer: answerWords(m, view.lastScore.kind, view.lastScore.score) })
        : m.t('glance.noAnswer'),
    ),
  );
}

/** A failed call: a short message in place of the line, with a retry when that can help. */
function failed(error: CallError, m: Translator, retry: () => void): HTMLElement {
  const warning = error.code === 'forbidden' || error.code === 'refused';
  const box = el(
    'div',
    { role: warning ? 'status' : 'alert', class: `g-notice ${warning ? 'g-warning' : 'g-error'}` },
    el('strong', {}, errorHeading(m, error)),
    el('span', {}, errorText(m, error)),
  );
  if (isRetryable(error)) {
    const button = el('button', { type: 'button', class: 'g-button' }, m.t('glance.retry'));
    button.addEventListener('click', retry);
    box.append(button);
  }
  return box;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The panel's face (ui/face.ts) as SVG; a question mark while no comment was scored. */
function face(level: FaceLevel | null): SVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries(FACE_SVG_DOM_ATTRS)) svg.setAttribute(name, value);
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  for (const part of faceParts(level)) {
    const node = document.createElementNS(SVG, part.tag);
    for (const [name, value] of Object.entries(part.attrs)) node.setAttribute(name, value);
    svg.append(node);
  }
  return svg;
}

function el(tag: string, attrs: Readonly<Record<string, string>>, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}
