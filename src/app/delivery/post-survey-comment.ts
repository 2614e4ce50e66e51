import type { Ask } from '../../domain/ask';
import { scorePhrase } from '../../domain/survey/localized-question';
import { wordQuestion } from '../../domain/survey/waypoint-wording';
import type { AppPorts, CachedLocale, StoredConfig } from '../ports';
import { planOf } from '../surveys/evaluate-plans';
import { oneClickLinks } from '../surveys/one-click-links';
import { requesterLocale } from '../surveys/requester-locale';

/**
 * The optional public comment with one-click links, when the ask's plan delivers by comment: in the
 * requester's language (the question as the plan words it there, the links named by the scale's words),
 * asking about the outcome when the request is resolved by the time the comment goes out (a late
 * delivery, a reminder).
 * @param resolved whether the request is resolved now
 * @param kind `reminder` for the one reminder a plan may send, with fresh links
 * @param cached the requester's cached language when the caller read it already
 */
export async function postSurveyComment(
  ports: AppPorts,
  config: StoredConfig,
  ask: Ask,
  resolved: boolean,
  kind: 'first' | 'reminder' = 'first',
  cached?: CachedLocale | null,
): Promise<void> {
  const plan = planOf(config, ask);
  if (plan === undefined || !plan.delivery.publicComment) return;
  const locale = await requesterLocale(ports, ask.requesterId, { cached });
  const [links, messages] = await Promise.all([oneClickLinks(ports, ask), ports.messages.forLocale(locale)]);
  const question = wordQuestion(ask, resolved, messages).text;
  await ports.jira.addPublicComment(
    ask.issueKey,
    kind === 'reminder'
      ? messages.t('surveyComment.reminder', { comment: messages.t('surveyComment.text', { question }) })
      : messages.t('surveyComment.text', { question }),
    links.map((l) => ({ ...l, label: scorePhrase(messages, ask.question.kind, l.score) })),
  );
}
