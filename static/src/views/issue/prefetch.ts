import { getTicketExperience } from '../../../../src/contracts/agent';
import type { Prefetch } from '../../app/view-chunks';

/** Issue panel and glance: both start with the ticket's experience. */
export const prefetch: Prefetch = (client) => client.prefetch(getTicketExperience, {});
