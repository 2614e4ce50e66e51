/**
 * The scan every-view.test.ts runs on each view. Oracle: the texts issue 12's walk-through found
 * on screen (each must be caught) and the words those views use instead (none may be caught).
 */
import { describe, expect, it } from 'vitest';
import { findInternalIds, type SiteIds } from './support/internal-ids';

const SITE: SiteIds = {
  projectIds: ['10000', '10001'],
  accountIds: ['5b10ac8d82e05b22cc7d4ef5', 'qm:7c1d3e0f-5a11-4b2c-9d00-100000000001'],
  configIds: ['waiting-for-you', 'it-journey'],
};

describe('the internal-id scan', () => {
  it.each([
    ['0 on thumbs', 'scale key'],
    ['Answered 5 (emoji5)', 'scale key'],
    ['Scale: CSAT5', 'scale key'],
    ['cannot ask now: ask ask-10301-43bbe9eca4fe1d3e is still waiting', 'ask id'],
    ['FUNCTION_TIME_OUT … check your connection', 'platform error code'],
    ['Scope: projects 10000', 'project id'],
    ['Indicators: csat, reopen, chaser', 'indicator id'],
    ['sla 0.97', 'indicator id'],
    ['not asked: ask-pending', 'refusal or error code'],
    ['waits for a "first-response" event', 'waypoint kind'],
    ['Changed by 5b10ac8d82e05b22cc7d4ef5', 'account id'],
    ['Changed by 557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', 'uuid'],
    ['Plan waiting-for-you', 'plan or XLA id'],
    ['Score undefined', 'a value the code never filled in'],
    ['Score NaN', 'a value the code never filled in'],
    ['Mood 😀', 'emoji glyph'],
  ])('finds %j (%s)', (text, what) => {
    expect(findInternalIds(text, SITE).map((f) => f.what)).toContain(what);
  });

  it.each([
    'Thumbs up, good',
    'thumbs down',
    'CSAT 4.2 of 5 · SLA met 97 %',
    'Satisfaction, Not reopened, Few reassignments',
    'Waiting for the requester for 3 days',
    'IT Service Desk (IT) · last 30 days',
    'Asked at the first public reply, while the request was open',
    'Sam Rivera saved the plan “Mid-flight: when we wait for the requester”',
    'Very happy (5 of 5)',
    '10 000 tickets read',
  ])('lets %j through', (text) => {
    expect(findInternalIds(text, SITE)).toEqual([]);
  });
});
