// Ticket mood is defined once, with the sentiment scorer (SCORING.md §4); the ticket record reuses it.
export { ticketMood } from '../sentiment';

/** SCORING.md §4: s ≤ −0.05 is negative; the sentiment outcome is good above it. */
export const NEGATIVE_MOOD = -0.05;
/** SCORING.md §4: s ≥ 0.05 is positive. */
export const POSITIVE_MOOD = 0.05;
