import type { getScorecards } from '@contracts/project';
import type { Prefetch } from '../../api/prefetch';
import { configOf, scorecardsPayload } from './gadget-config';

/** The gadget's scorecards, when it is configured and not in edit mode (scorecard-gadget.tsx). */
export const prefetch: Prefetch = (start, context) => {
  const config = configOf(context.extension.gadgetConfiguration);
  if (context.extension.entryPoint !== 'edit' && config !== null)
    start<typeof getScorecards>('getScorecards', scorecardsPayload(config));
};
