import type { Ask } from '../../domain/ask';
import type { AppPorts, StoredConfig } from '../ports';
import { planOf } from '../surveys/evaluate-plans';
import { oneClickLinks } from '../surveys/one-click-links';

/** The optional public comment with one-click links, when the ask's plan delivers by comment. */
export async function postSurveyComment(ports: AppPorts, config: StoredConfig, ask: Ask): Promise<void> {
  const plan = planOf(config, ask);
  if (plan === undefined || !plan.delivery.publicComment) return;
  const links = await oneClickLinks(ports, ask);
  await ports.jira.addPublicComment(
    ask.issueKey,
    `${ask.question.text} (one click records your answer; you can change it in the portal)`,
    links,
  );
}
