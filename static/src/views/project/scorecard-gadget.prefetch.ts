import { getScorecards } from '@contracts/project';
import type { Prefetch } from '../../api/prefetch';
import { configOf, scorecardsPayload } from './gadget-config';

/** The gadget's scorecards, when it is configured and not in edit mode (scorecard-gadget.tsx). */
export const prefetch: Prefetch = (client, context) => {
  const config = configOf(context.extension.gadgetConfiguration);
  if (context.extension.entryPoint !== 'edit' && config !== null)
    client.prefetch(getScorecards, scorecardsPayload(config));
};
