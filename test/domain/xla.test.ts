import { describe, expect, it } from 'vitest';
import { parseWith } from '../../src/domain/validation';
import { XlaDefinitionSchema } from '../../src/domain/xla';
import { spec } from './rollup/builders';

function refusedFields(input: unknown): string[] {
  const parsed = parseWith(XlaDefinitionSchema, input);
  if (parsed.ok) throw new Error('expected the configuration to be refused');
  return parsed.problems.map((p) => p.field);
}

const base = { id: 'experience', name: 'People get back to work fast' };

describe('scoring configuration refusals (SCORING.md preamble)', () => {
  it('refuses a floor at or above the target, naming indicators[0].floor', () => {
    expect(refusedFields({ ...base, indicators: [spec('csat', { floor: 0.9, target: 0.9 })] })).toContain(
      'indicators[0].floor',
    );
    expect(refusedFields({ ...base, indicators: [spec('sla'), spec('csat', { floor: 0.95, target: 0.5 })] })).toContain(
      'indicators[1].floor',
    );
  });

  it('says what the floor must be below', () => {
    const parsed = parseWith(XlaDefinitionSchema, {
      ...base,
      indicators: [spec('csat', { floor: 0.95, target: 0.9 })],
    });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems).toContainEqual({
        field: 'indicators[0].floor',
        message: 'must be below the target (0.9)',
      });
  });

  it('refuses a negative weight, naming indicators[0].weight', () => {
    expect(refusedFields({ ...base, indicators: [spec('csat', { weight: -0.1 }), spec('sla')] })).toContain(
      'indicators[0].weight',
    );
  });

  it('refuses an XLA whose indicators all weigh 0, naming indicators', () => {
    expect(refusedFields({ ...base, indicators: [spec('csat', { weight: 0 })] })).toContain('indicators');
  });

  it('refuses a half-life of 0, naming halfLifeDays', () => {
    expect(refusedFields({ ...base, indicators: [spec('csat')], halfLifeDays: 0 })).toContain('halfLifeDays');
  });

  it('refuses a prior outside [0, 1], naming indicators[0].prior', () => {
    expect(refusedFields({ ...base, indicators: [spec('csat', { prior: 1.2 })] })).toContain('indicators[0].prior');
  });

  it('refuses a negative minimum sample, naming minSample', () => {
    expect(refusedFields({ ...base, indicators: [spec('csat')], minSample: -1 })).toContain('minSample');
  });

  it('refuses the same indicator twice, naming indicators[1].id', () => {
    expect(refusedFields({ ...base, indicators: [spec('csat'), spec('csat')] })).toContain('indicators[1].id');
  });
});
