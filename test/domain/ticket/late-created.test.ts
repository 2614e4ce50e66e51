/**
 * Product events arrive out of order (DESIGN.md): a comment can reach the app before the "created"
 * event of its ticket. What the record learned meanwhile must survive the late created event, which
 * carries no request type or priority of its own.
 */
import { describe, expect, it } from 'vitest';
import { applyEvents } from '../../../src/domain/ticket';
import type { LifecycleEvent } from '../../../src/domain/lifecycle-event';
import { deps, ev, STATUS } from './builders';

const T = Date.UTC(2026, 0, 5, 9);

describe('a created event that arrives late', () => {
  it('keeps the request type, priority and requester the record already knew', () => {
    const comment = ev.requesterComment('900', T + 60_000, 'Still broken.');
    const lateCreated: LifecycleEvent = {
      ...ev.created(T, STATUS.waitingForSupport),
      requestTypeId: null,
      priority: null,
      reporterId: null,
    } as LifecycleEvent;
    const first = applyEvents(null, [comment], deps);
    const learned =
      first === null ? null : { ...first, requestTypeId: '17', priority: '2', reporterId: 'qm:requester-ada' };
    const e = applyEvents(learned, [lateCreated], deps);
    expect([e?.requestTypeId, e?.priority, e?.reporterId, e?.createdAt]).toEqual(['17', '2', 'qm:requester-ada', T]);
  });

  it('still sets what it carries itself', () => {
    const e = applyEvents(null, [ev.created(T, STATUS.waitingForSupport)], deps);
    expect([e?.requestTypeId, e?.priority, e?.reporterId]).toEqual(['17', '3', 'qm:requester-ada']);
  });
});
