import type { TicketExperienceView } from '@contracts/agent';
import type { MessageKey } from '@domain/i18n';
import type { FaceLevel } from '../../ui/face';

type MoodLabel = TicketExperienceView['moodLabel'];

/** The face drawn for a comment mood (ui/face.ts); none while no comment was scored. */
export const MOOD_FACE: Readonly<Record<MoodLabel, FaceLevel | null>> = {
  negative: -1,
  neutral: 0,
  positive: 1,
  unknown: null,
};

/** SCORING.md §4: a lexicon can miss plain-fact complaints, so the app never says "happy". */
export const MOOD_TEXT: Readonly<Record<MoodLabel, MessageKey>> = {
  negative: 'ticket.mood.negative',
  neutral: 'ticket.mood.neutral',
  positive: 'ticket.mood.positive',
  unknown: 'ticket.mood.unknown',
};

export const RISK_APPEARANCE = { low: 'success', medium: 'moved', high: 'removed' } as const;
export const RISK_TEXT = {
  low: 'ticket.risk.low',
  medium: 'ticket.risk.medium',
  high: 'ticket.risk.high',
} as const satisfies Readonly<Record<string, MessageKey>>;
