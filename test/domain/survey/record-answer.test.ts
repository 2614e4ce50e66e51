import { describe, expect, it } from 'vitest';
import type { Ask } from '../../../src/domain/ask';
import { recordAnswer } from '../../../src/domain/survey';
import { aPlan, events, hours, onEvent, run, T0 } from './builders';
import { chips } from '../../support/chips';

function anAsk(over: Parameters<typeof aPlan>[0] = {}): Ask {
  const plan = aPlan({
    id: 'on-create',
    waypoint: { kind: 'created' },
    question: { kind: 'csat5', text: 'How was it?' },
    followUps: {
      reasonChips: { negative: chips('Slow', 'Unclear'), neutral: chips('OK'), positive: chips('Fast', 'Friendly') },
      comment: { enabled: true, maxLength: 20 },
      lostTime: {
        enabled: true,
        choices: [
          { id: 'none', label: 'None', minutes: 0 },
          { id: 'day', label: 'A day', minutes: 480 },
        ],
      },
    },
    fatigue: { expiryHours: 72, reminder: { enabled: false, afterHours: 1 } },
    ...over,
  });
  const ask = run({ trigger: onEvent(events.created()), plans: [plan], now: T0 }).ask;
  if (!ask) throw new Error('expected an ask');
  return ask;
}

const at = T0 + hours(2);

describe('recording the channel of an answer', () => {
  it('an answer in the portal came by the portal', () => {
    const result = recordAnswer(anAsk(), { score: 4 }, at, 'portal');
    expect(result.ok && result.ask.answer?.channel).toBe('portal');
  });

  it('a one-click answer came by the channel its link was sent by: a public comment', () => {
    const result = recordAnswer(anAsk(), { score: 4 }, at, 'one-click');
    expect(result.ok && result.ask.answer?.channel).toBe('public-comment');
  });
});

describe('recording an answer', () => {
  it('records score, reasons, comment and lost time on a pending ask', () => {
    const result = recordAnswer(
      anAsk(),
      { score: 2, reasons: ['Slow'], comment: '  took ages ', lostTimeChoiceId: 'day' },
      at,
      'portal',
    );
    expect(result).toMatchObject({
      ok: true,
      ask: {
        status: 'answered',
        answer: {
          score: 2,
          reasons: ['Slow'],
          comment: 'took ages',
          lostTimeChoiceId: 'day',
          answeredAt: at,
          via: 'portal',
        },
      },
    });
  });

  it('records a bare score from a one-click link', () => {
    const result = recordAnswer(anAsk(), { score: 5 }, at, 'one-click');
    expect(result).toMatchObject({
      ok: true,
      ask: { answer: { score: 5, reasons: [], comment: null, lostTimeChoiceId: null, via: 'one-click' } },
    });
  });

  it('lets the requester change the answer until expiry', () => {
    const first = recordAnswer(anAsk(), { score: 2 }, at, 'one-click');
    if (!first.ok) throw new Error(first.message);
    const changed = recordAnswer(first.ask, { score: 4, reasons: ['Fast'] }, at + hours(1), 'portal');
    expect(changed).toMatchObject({
      ok: true,
      ask: { status: 'answered', answer: { score: 4, reasons: ['Fast'], answeredAt: at + hours(1) } },
    });
  });

  it('counts a chip sent twice once', () => {
    expect(recordAnswer(anAsk(), { score: 1, reasons: ['Slow', 'Slow'] }, at, 'portal')).toMatchObject({
      ok: true,
      ask: { answer: { reasons: ['Slow'] } },
    });
  });

  it('treats a blank comment as none', () => {
    const noComment = anAsk({ followUps: { comment: { enabled: false, maxLength: 10 } } });
    expect(recordAnswer(noComment, { score: 3, comment: '   ' }, at, 'portal')).toMatchObject({
      ok: true,
      ask: { answer: { comment: null } },
    });
  });
});

describe('refusing an answer', () => {
  it('refuses with "invalid-score" for a 6 on a five-point scale', () => {
    expect(recordAnswer(anAsk(), { score: 6 }, at, 'portal')).toEqual({
      ok: false,
      code: 'invalid-score',
      message: 'the score must be a whole number from 1 to 5',
    });
  });

  it('refuses with "invalid-score" for a fractional score', () => {
    expect(recordAnswer(anAsk(), { score: 3.5 }, at, 'portal')).toMatchObject({ ok: false, code: 'invalid-score' });
  });

  it('refuses with "unknown-reason" for a positive chip on a negative score', () => {
    expect(recordAnswer(anAsk(), { score: 1, reasons: ['Fast'] }, at, 'portal')).toEqual({
      ok: false,
      code: 'unknown-reason',
      message: 'reason chip "Fast" is not offered for a negative score',
    });
  });

  it('refuses with "unknown-reason" for a chip id the plan never had, and for a chip named by its words', () => {
    expect(recordAnswer(anAsk(), { score: 5, reasons: ['Cheap'] }, at, 'portal')).toEqual({
      ok: false,
      code: 'unknown-reason',
      message: 'reason chip "Cheap" is not one of this survey\'s chips',
    });
    const worded = anAsk({
      followUps: { reasonChips: { negative: [{ id: 'c-1', label: 'Slow' }], neutral: [], positive: [] } },
    });
    expect(recordAnswer(worded, { score: 1, reasons: ['Slow'] }, at, 'portal')).toMatchObject({
      ok: false,
      code: 'unknown-reason',
    });
  });

  it('refuses with "comment-too-long" for 21 characters when 20 are allowed', () => {
    expect(recordAnswer(anAsk(), { score: 3, comment: 'x'.repeat(21) }, at, 'portal')).toEqual({
      ok: false,
      code: 'comment-too-long',
      message: 'the comment must be at most 20 characters',
    });
  });

  it('accepts exactly 20 characters', () => {
    expect(recordAnswer(anAsk(), { score: 3, comment: 'x'.repeat(20) }, at, 'portal').ok).toBe(true);
  });

  it('refuses with "comment-not-allowed" when the survey takes no comment', () => {
    const noComment = anAsk({ followUps: { comment: { enabled: false, maxLength: 10 } } });
    expect(recordAnswer(noComment, { score: 3, comment: 'hi' }, at, 'portal')).toMatchObject({
      ok: false,
      code: 'comment-not-allowed',
    });
  });

  it('refuses with "unknown-lost-time-choice" for a choice the snapshot does not list', () => {
    expect(recordAnswer(anAsk(), { score: 3, lostTimeChoiceId: 'week' }, at, 'portal')).toEqual({
      ok: false,
      code: 'unknown-lost-time-choice',
      message: '"week" is not one of the time-lost choices',
    });
  });

  it('refuses with "lost-time-not-allowed" when the survey does not ask about time lost', () => {
    const noLostTime = anAsk({
      followUps: {
        lostTime: {
          enabled: false,
          choices: [
            { id: 'none', label: 'None', minutes: 0 },
            { id: 'day', label: 'A day', minutes: 480 },
          ],
        },
      },
    });
    expect(recordAnswer(noLostTime, { score: 3, lostTimeChoiceId: 'none' }, at, 'portal')).toMatchObject({
      ok: false,
      code: 'lost-time-not-allowed',
    });
  });

  it('refuses with "ask-expired" once expiresAt has passed, even before the job marks it', () => {
    const ask = anAsk();
    expect(recordAnswer(ask, { score: 4 }, ask.expiresAt, 'portal')).toMatchObject({ ok: false, code: 'ask-expired' });
  });

  it('refuses with "ask-expired" for an expired ask', () => {
    expect(recordAnswer({ ...anAsk(), status: 'expired' }, { score: 4 }, at, 'portal')).toMatchObject({
      ok: false,
      code: 'ask-expired',
    });
  });

  it('refuses with "ask-expired" to change an answer after expiry', () => {
    const first = recordAnswer(anAsk(), { score: 2 }, at, 'portal');
    if (!first.ok) throw new Error(first.message);
    expect(recordAnswer(first.ask, { score: 5 }, T0 + hours(73), 'portal')).toMatchObject({
      ok: false,
      code: 'ask-expired',
    });
  });

  it('refuses with "ask-withdrawn" for a withdrawn ask', () => {
    expect(recordAnswer({ ...anAsk(), status: 'withdrawn' }, { score: 4 }, at, 'portal')).toMatchObject({
      ok: false,
      code: 'ask-withdrawn',
    });
  });
});
