/**
 * What the plan editor tells an admin about one-click links. No documented Jira or JSM channel
 * reaches only the requester (a public comment is read by everyone on the request; the issue
 * notification endpoint is not documented to reach JSM customers), so the option is off unless an
 * admin turns it on knowing who can use the links.
 */
export const ONE_CLICK_LABEL = 'Also post one-click answer links in a public comment';

export const ONE_CLICK_AUDIENCE =
  'Off by default. The links go into a public comment on the request: every agent, every request participant and anyone else who can read the request can open them and answer in the requester’s name. Sentio records which answers came by these links.';
