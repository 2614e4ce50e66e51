import { describe, expect, it } from 'vitest';
import { SurveyPlanSchema } from '../../src/domain/survey-plan';
import { parseWith } from '../../src/domain/validation';

const valid = {
  id: 'after-first-response',
  name: 'After first response',
  waypoint: { kind: 'first-response' },
  question: { kind: 'csat5', text: 'How are we doing so far?' },
};

function problemsOf(input: unknown) {
  const parsed = parseWith(SurveyPlanSchema, input);
  if (parsed.ok) throw new Error('expected the plan to be refused');
  return parsed.problems;
}

describe('survey plan configuration', () => {
  it('accepts a minimal plan and fills the fatigue defaults', () => {
    const parsed = parseWith(SurveyPlanSchema, valid);
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.value.fatigue).toMatchObject({
        samplingPercent: 100,
        cooldownHours: 72,
        maxAsksPerTicket: 2,
        noNewAskWhilePending: true,
      });
  });

  it('refuses an unknown waypoint, naming waypoint.kind', () => {
    const problems = problemsOf({ ...valid, waypoint: { kind: 'on-full-moon' } });
    expect(problems.map((p) => p.field)).toEqual(['waypoint.kind']);
  });

  it('refuses a negative cooldown, naming fatigue.cooldownHours', () => {
    expect(problemsOf({ ...valid, fatigue: { cooldownHours: -1 } })).toEqual([
      { field: 'fatigue.cooldownHours', message: 'must not be negative' },
    ]);
  });

  it('refuses sampling above 100 %, naming fatigue.samplingPercent', () => {
    expect(problemsOf({ ...valid, fatigue: { samplingPercent: 101 } })).toEqual([
      { field: 'fatigue.samplingPercent', message: 'must be between 0 and 100 %' },
    ]);
  });

  it('refuses a reminder at or after the expiry, naming fatigue.reminder.afterHours', () => {
    expect(problemsOf({ ...valid, fatigue: { expiryHours: 24, reminder: { enabled: true, afterHours: 24 } } })).toEqual(
      [{ field: 'fatigue.reminder.afterHours', message: 'must be before the expiry (24 h)' }],
    );
  });

  it('refuses an idle waypoint without hours, naming waypoint.hours', () => {
    expect(problemsOf({ ...valid, waypoint: { kind: 'idle' } }).map((p) => p.field)).toEqual(['waypoint.hours']);
  });

  it('refuses a status-changed waypoint that names no status, naming waypoint.toStatuses', () => {
    expect(problemsOf({ ...valid, waypoint: { kind: 'status-changed' } })).toEqual([
      { field: 'waypoint.toStatuses', message: 'name at least one status or status category' },
    ]);
  });

  it('refuses zero asks per ticket, naming fatigue.maxAsksPerTicket', () => {
    expect(problemsOf({ ...valid, fatigue: { maxAsksPerTicket: 0 } })).toEqual([
      { field: 'fatigue.maxAsksPerTicket', message: 'must be at least 1' },
    ]);
  });
});
