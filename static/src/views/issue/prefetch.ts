import { getTicketExperience } from '../../../../src/contracts/agent';
import type { Prefetch } from '../../app/view-chunks';

/** The issue panel starts with the ticket's experience (as the glance, src/glance/, does). */
export const prefetch: Prefetch = (client) => client.prefetch(getTicketExperience, {});
