import type { getGadgetProjects, getScorecards } from '@contracts/project';
import type { Prefetch } from '../../api/prefetch';
import { configOf, scorecardsPayload } from './gadget-config';

/**
 * The gadget's scorecards, when it is configured; in edit mode the projects of its picker
 * (scorecard-gadget.tsx).
 */
export const prefetch: Prefetch = (start, context) => {
  if (context.extension.entryPoint === 'edit') {
    start<typeof getGadgetProjects>('getGadgetProjects', {});
    return;
  }
  const config = configOf(context.extension.gadgetConfiguration);
  if (config !== null) start<typeof getScorecards>('getScorecards', scorecardsPayload(config));
};
