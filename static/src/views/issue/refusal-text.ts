import type { MessageKey, Translator } from '@domain/i18n';

/**
 * Why a plan did not ask, in the agent's words. The server's message can name internal ids (an
 * ask's or a plan's), so the reasons that carry one are worded here from their code; the others
 * (cooldown, sampling, the ask limit) come as the server's sentences with their figures.
 */
const BY_REASON: Readonly<Record<string, MessageKey>> = {
  'ask-pending': 'issuePanel.refusal.ask-pending',
  'already-asked-at-waypoint': 'issuePanel.refusal.already-asked-at-waypoint',
  'another-plan-asked': 'issuePanel.refusal.another-plan-asked',
  'plan-disabled': 'issuePanel.refusal.plan-disabled',
  'out-of-scope': 'issuePanel.refusal.out-of-scope',
  'no-requester': 'issuePanel.refusal.no-requester',
};

/** A sentence of its own: why the plan cannot ask. */
export function refusalSentence(m: Translator, reason: string, message: string): string {
  const key = BY_REASON[reason];
  if (key !== undefined) return m.t(key);
  const sentence = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return /[.!?。]$/.test(sentence) ? sentence : `${sentence}.`;
}
