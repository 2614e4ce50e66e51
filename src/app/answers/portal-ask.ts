import type { Ask } from '../../domain/ask';

/** What the portal shows of one ask: the ask, and whether the requester may still change the answer. */
export interface PortalAsk {
  readonly ask: Ask;
  readonly editable: boolean;
  /** Whether the request is resolved now: what the question is worded for (waypoint-wording.ts). */
  readonly resolved: boolean;
}

export function portalAskOf(ask: Ask, now: number, resolved: boolean): PortalAsk {
  const open = ask.status === 'pending' || ask.status === 'answered';
  return { ask, editable: open && now < ask.expiresAt, resolved };
}
