import type { getTicketExperience } from '@contracts/agent';
import type { Prefetch } from '../../api/prefetch';

/** The issue panel starts with the ticket's experience (as the glance, src/glance/, does). */
export const prefetch: Prefetch = (start) => start<typeof getTicketExperience>('getTicketExperience', {});
