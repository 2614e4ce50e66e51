/**
 * Why a plan did not ask, in the agent's words. The server's message can name internal ids (an
 * ask's or a plan's), so the reasons that carry one are worded here from their code; the others
 * (cooldown, sampling, the ask limit) are already plain sentences with their figures.
 */
const BY_REASON: Readonly<Record<string, string>> = {
  'ask-pending': 'a survey on this ticket is still waiting for the requester’s answer',
  'already-asked-at-waypoint': 'this plan already asked at this moment of the ticket',
  'another-plan-asked': 'another plan already asked about this change',
  'plan-disabled': 'the plan is turned off',
  'out-of-scope': 'the ticket is outside the plan’s projects, request types or priorities',
  'no-requester': 'the ticket has no requester to ask',
};

/** A clause, lower case first: "… cannot ask now: {refusalText}". */
export function refusalText(reason: string, message: string): string {
  return BY_REASON[reason] ?? message;
}

/** The same as a sentence of its own. */
export function refusalSentence(reason: string, message: string): string {
  const text = refusalText(reason, message);
  const sentence = `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
