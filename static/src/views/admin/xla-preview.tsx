import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { IndicatorId } from '@domain/indicator';
import { groupOf } from '@domain/indicator';
import { groupScore, indicatorScore, isLiftCapped, statusBand, xlaScore } from '@domain/scoring/score';
import { AT_RISK_MARGIN, EXPERIENCE_SHARE, OPERATIONS_LIFT_CAP } from '@domain/scoring/constants';
import type { XlaDefinition } from '@domain/xla';
import { INDICATOR_NAME } from '../../ui/indicator-names';
import { Lozenge } from '../../ui/lozenge';
import { NumberInput } from './inputs';

const BAND = {
  met: { text: 'Met', appearance: 'success' },
  'at-risk': { text: 'At risk', appearance: 'moved' },
  breached: { text: 'Breached', appearance: 'removed' },
  'not-enough-data': { text: 'Not enough data', appearance: 'default' },
} as const;

const one = (n: number) => n.toFixed(1).replace(/\.0$/, '');

/**
 * The score this XLA gives, computed live from the draft with the same scoring functions the
 * scorecards use, for example rates the admin can change (they start at each indicator's prior).
 * It shows what weights, floors, targets and the target score do before anything is saved.
 */
export function XlaPreview({ draft }: { draft: XlaDefinition }) {
  const [rates, setRates] = useState<Partial<Record<IndicatorId, number>>>({});
  const rows = draft.indicators.map((spec) => {
    const rate = rates[spec.id] ?? Math.round(spec.prior * 100);
    const valid = Number.isFinite(rate) && spec.floor < spec.target;
    const score = valid ? indicatorScore(Math.min(100, Math.max(0, rate)) / 100, spec.floor, spec.target) : null;
    return { spec, rate, score, group: groupOf(spec.id) };
  });
  const of = (g: 'X' | 'O') =>
    groupScore(
      rows
        .filter((r) => r.group === g && r.score !== null)
        .map((r) => ({ weight: r.spec.weight, score: r.score ?? 0 })),
    );
  const x = of('X');
  const o = of('O');
  const score = xlaScore(x, o);
  const band = score === null ? null : statusBand(score, Number.POSITIVE_INFINITY, draft.targetScore, 0);
  let arithmetic: string;
  if (x === null)
    arithmetic =
      'No experience indicator counts, so there is no XLA score (operations alone are shown as “operational only”).';
  else if (o === null) arithmetic = `Only experience counts: the score is the experience score, ${one(x)}.`;
  else if (isLiftCapped(x, o))
    arithmetic = `Experience ${one(x)} + at most ${OPERATIONS_LIFT_CAP} points from operations (${one(o)}) = ${one(x + OPERATIONS_LIFT_CAP)}: good operations cannot hide poor experience.`;
  else
    arithmetic = `${one(EXPERIENCE_SHARE * 100)} % of experience ${one(x)} + ${one(100 - EXPERIENCE_SHARE * 100)} % of operations ${one(o)} = ${one(EXPERIENCE_SHARE * x + (1 - EXPERIENCE_SHARE) * o)}.`;
  return (
    <aside
      aria-label="Preview of the score"
      style={{
        border: `1px solid ${token('color.border')}`,
        borderRadius: token('radius.large'),
        padding: token('space.150'),
        background: token('elevation.surface.sunken'),
        display: 'flex',
        flexDirection: 'column',
        gap: token('space.100'),
      }}
    >
      <strong>Preview: the score for these rates</strong>
      <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
        Change a rate to see how the weights, floors and targets above turn it into a score. Rates start at each
        indicator’s prior; with many tickets a rate is simply the share of good ones.
      </span>
      <div className="sentio-table-scroll">
        <table className="sentio-table">
          <caption className="sentio-visually-hidden">Example rates and the scores they give</caption>
          <thead>
            <tr>
              <th scope="col">Indicator</th>
              <th scope="col">Example rate</th>
              <th scope="col">Indicator score</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.spec.id}>
                <th scope="row" style={{ fontWeight: 400 }}>
                  {INDICATOR_NAME[r.spec.id]}{' '}
                  <span style={{ opacity: 0.7 }}>({r.group === 'X' ? 'experience' : 'operations'})</span>
                </th>
                <td>
                  <NumberInput
                    label={`Example rate of ${INDICATOR_NAME[r.spec.id].toLowerCase()}`}
                    labelHidden
                    suffix="%"
                    value={r.rate}
                    onChange={(v) => setRates((prev) => ({ ...prev, [r.spec.id]: v }))}
                  />
                </td>
                <td>
                  {r.score === null
                    ? '—'
                    : r.spec.weight === 0
                      ? `${one(r.score)} (weight 0: not counted)`
                      : one(r.score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p style={{ margin: 0 }} role="status">
        {x !== null ? <>Experience {one(x)}. </> : null}
        {o !== null ? <>Operations {one(o)}. </> : null}
        {arithmetic}
      </p>
      {score !== null && band !== null ? (
        <p style={{ margin: 0, display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
          <strong style={{ font: token('font.heading.small') }}>{one(score)}</strong>
          <Lozenge appearance={BAND[band].appearance}>{BAND[band].text}</Lozenge>
          <span style={{ color: token('color.text.subtle') }}>
            target {draft.targetScore}; at risk from {draft.targetScore - AT_RISK_MARGIN}
          </span>
        </p>
      ) : null}
    </aside>
  );
}
