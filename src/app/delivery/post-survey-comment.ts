import type { Ask } from '../../domain/ask';
import { localizeQuestion, scorePhrase } from '../../domain/survey/localized-question';
import type { AppPorts, StoredConfig } from '../ports';
import { planOf } from '../surveys/evaluate-plans';
import { oneClickLinks } from '../surveys/one-click-links';
import { requesterLocale } from '../surveys/requester-locale';

/**
 * The optional public comment with one-click links, when the ask's plan delivers by comment: in the
 * requester's language (the question as the plan words it there, the links named by the scale's words).
 */
export async function postSurveyComment(ports: AppPorts, config: StoredConfig, ask: Ask): Promise<void> {
  const plan = planOf(config, ask);
  if (plan === undefined || !plan.delivery.publicComment) return;
  const locale = await requesterLocale(ports, ask.requesterId);
  const [links, messages] = await Promise.all([oneClickLinks(ports, ask), ports.messages.forLocale(locale)]);
  const question = localizeQuestion(ask.question, locale).text;
  await ports.jira.addPublicComment(
    ask.issueKey,
    messages.t('surveyComment.text', { question }),
    links.map((l) => ({ ...l, label: scorePhrase(messages, ask.question.kind, l.score) })),
  );
}
