import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import type { IndicatorId } from '@domain/indicator';
import { groupOf } from '@domain/indicator';
import { groupScore, indicatorScore, isLiftCapped, statusBand, xlaScore } from '@domain/scoring/score';
import { AT_RISK_MARGIN, EXPERIENCE_SHARE, OPERATIONS_LIFT_CAP } from '@domain/scoring/constants';
import type { XlaDefinition } from '@domain/xla';
import { useMessages } from '../../i18n/messages';
import { Lozenge } from '../../ui/lozenge';
import { NumberInput } from './inputs';
import { formatNumber } from '@domain/i18n/format';
import { useAdminT } from './admin-messages';

const BAND = {
  met: 'success',
  'at-risk': 'moved',
  breached: 'removed',
  'not-enough-data': 'default',
} as const;

/**
 * The score this XLA gives, computed live from the draft with the same scoring functions the
 * scorecards use, for example rates the admin can change (they start at each indicator's prior).
 * It shows what weights, floors, targets and the target score do before anything is saved.
 */
export function XlaPreview({ draft }: { draft: XlaDefinition }) {
  const t = useAdminT();
  const { locale } = useMessages();
  const one = (n: number) => formatNumber(locale, n);
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
  if (x === null) arithmetic = t('preview.noExperience');
  else if (o === null) arithmetic = t('preview.onlyExperience', { x: one(x) });
  else if (isLiftCapped(x, o))
    arithmetic = t('preview.capped', {
      x: one(x),
      cap: OPERATIONS_LIFT_CAP,
      o: one(o),
      score: one(x + OPERATIONS_LIFT_CAP),
    });
  else
    arithmetic = t('preview.blend', {
      xShare: one(EXPERIENCE_SHARE * 100),
      x: one(x),
      oShare: one(100 - EXPERIENCE_SHARE * 100),
      o: one(o),
      score: one(EXPERIENCE_SHARE * x + (1 - EXPERIENCE_SHARE) * o),
    });
  return (
    <aside
      aria-label={t('preview.region')}
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
      <strong>{t('preview.title')}</strong>
      <span style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>{t('preview.intro')}</span>
      <div className="sentio-table-scroll">
        <table className="sentio-table">
          <caption className="sentio-visually-hidden">{t('preview.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('preview.indicator')}</th>
              <th scope="col">{t('preview.rate')}</th>
              <th scope="col">{t('preview.score')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.spec.id}>
                <th scope="row" style={{ fontWeight: 400 }}>
                  {t('preview.group', { name: t(`indicator.${r.spec.id}`), group: r.group })}
                </th>
                <td>
                  <NumberInput
                    label={t('preview.rateOf', { name: t(`indicator.${r.spec.id}`) })}
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
                      ? t('preview.notCounted', { score: one(r.score) })
                      : one(r.score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p style={{ margin: 0 }} role="status">
        {x !== null ? `${t('preview.experience', { x: one(x) })} ` : null}
        {o !== null ? `${t('preview.operations', { o: one(o) })} ` : null}
        {arithmetic}
      </p>
      {score !== null && band !== null ? (
        <p style={{ margin: 0, display: 'flex', gap: token('space.100'), alignItems: 'center', flexWrap: 'wrap' }}>
          <strong style={{ font: token('font.heading.small') }}>{one(score)}</strong>
          <Lozenge appearance={BAND[band]}>{t(`band.${band}`)}</Lozenge>
          <span style={{ color: token('color.text.subtle') }}>
            {t('preview.target', { target: one(draft.targetScore), risk: one(draft.targetScore - AT_RISK_MARGIN) })}
          </span>
        </p>
      ) : null}
    </aside>
  );
}
