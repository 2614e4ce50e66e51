import Button from '@atlaskit/button/default/button';
import { Lozenge } from '../../ui/lozenge';
import { Fragment, useState } from 'react';
import {
  getWatermelonTickets,
  type DashboardWindow,
  type WatermelonRow,
  type WatermelonTicket,
} from '@contracts/project';
import type { ResponseOf } from '@contracts/resolver';
import type { getWatermelon } from '@contracts/project';
import { useAction } from '../../api/client-context';
import type { Translator } from '@domain/i18n';
import { answerWords } from '../../i18n/answer-words';
import { useMessages } from '../../i18n/messages';
import { ChoiceInput } from '../../ui/choice-input';
import { Explain } from '../../ui/explain';
import { QuadrantChart } from '../../ui/lazy-charts';
import { useNotify } from '../../ui/flags';
import { formatPercent } from '@domain/i18n/format';
import { formatMood, formatScore } from '../../ui/format';
import { IssueLink } from '../../ui/issue-link';
import { Muted } from '../../ui/section';
import { requestTypeLabel } from './request-type-name';
import { WATERMELON_OPERATIONS_MIN } from './scorecard-words';

/** Why a row is, or is not, a watermelon (SCORING.md §3), in a few words and in full. */
export function watermelonVerdict(m: Translator, row: WatermelonRow): { short: string; full: string } {
  const ops = row.operations;
  const min = WATERMELON_OPERATIONS_MIN;
  const rule = m.t('projectPage.watermelon.rule', { min });
  const basis = row.basis === null ? '' : m.t('projectPage.watermelon.basis', { basis: row.basis });
  const upper = row.upper === null ? '' : formatPercent(m.locale, row.upper);
  const threshold = row.threshold === null ? '' : formatPercent(m.locale, row.threshold);
  if (row.flagged && ops !== null && row.upper !== null && row.threshold !== null && row.basis !== null)
    return {
      short: m.t('projectPage.watermelon.flagged'),
      full: m.t('projectPage.watermelon.flaggedFull', { ops: formatScore(ops), min, basis, upper, threshold, rule }),
    };
  if (ops === null)
    return { short: m.t('projectPage.watermelon.noOps'), full: m.t('projectPage.watermelon.noOpsFull', { rule }) };
  if (ops < min)
    return {
      short: m.t('projectPage.watermelon.lowOps', { ops: formatScore(ops), min }),
      full: m.t('projectPage.watermelon.lowOpsFull', { ops: formatScore(ops), min, rule }),
    };
  if (row.basis === null || row.upper === null || row.threshold === null)
    return {
      short: m.t('projectPage.watermelon.noExperience'),
      full: m.t('projectPage.watermelon.noExperienceFull', { rule }),
    };
  return {
    short: m.t('projectPage.watermelon.mayReach', { basis, upper }),
    full: m.t('projectPage.watermelon.mayReachFull', { ops: formatScore(ops), basis, upper, threshold, rule }),
  };
}

/** A comment mood (−1..+1) in the reader's words with its value: "negative (−0.54)", "negativ (−0,54)". */
function moodWords(m: Translator, mood: number): string {
  const label = mood <= -0.05 ? 'negative' : mood >= 0.05 ? 'positive' : 'neutral';
  return m.t('projectPage.watermelon.moodValue', { label, value: formatMood(m.locale, mood) });
}

const rowKey = (row: WatermelonRow) => `${row.xlaId}:${row.requestTypeId ?? ''}`;

/** SLA met % beside the XLA per request type; a flagged row ("green outside, red inside") drills down. */
export function WatermelonTable({
  data,
  window,
  projectId,
  targets = {},
}: {
  data: ResponseOf<typeof getWatermelon>;
  window: DashboardWindow;
  projectId?: string | undefined;
  /** Target score by XLA id, from the scorecards (the quadrant's horizontal line). */
  targets?: Readonly<Record<string, number>>;
}) {
  const m = useMessages();
  const [xlaId, setXlaId] = useState<string | null>(null);
  const [open, setOpen] = useState<{ key: string; tickets: WatermelonTicket[]; complete: boolean } | null>(null);
  const drill = useAction(getWatermelonTickets);
  const notify = useNotify();
  const selected = data.xlas.find((x) => x.xlaId === xlaId) ?? data.xlas[0] ?? null;
  const rows = data.rows.filter((r) => r.xlaId === selected?.xlaId);

  async function toggle(row: WatermelonRow) {
    if (open?.key === rowKey(row)) return setOpen(null);
    const result = await drill.run({
      requestTypeId: row.requestTypeId,
      window,
      ...(projectId !== undefined ? { projectId } : {}),
    });
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    setOpen({ key: rowKey(row), tickets: result.data.tickets, complete: result.data.complete });
  }

  if (rows.length === 0) return <Muted>{m.t('projectPage.watermelon.empty')}</Muted>;
  const plotted = rows.flatMap((r) =>
    r.slaMetRate !== null && r.xlaScore !== null
      ? [
          {
            key: rowKey(r),
            name: requestTypeLabel(m, r.requestTypeId, r.requestTypeName),
            slaMet: r.slaMetRate,
            score: r.xlaScore,
            flagged: r.flagged,
          },
        ]
      : [],
  );
  const target = selected !== null ? (targets[selected.xlaId] ?? null) : null;
  return (
    <>
      {data.xlas.length > 1 && selected !== null ? (
        <ChoiceInput<string>
          label={m.t('projectPage.xla')}
          value={selected.xlaId}
          options={data.xlas.map((x) => ({ value: x.xlaId, label: x.name }))}
          onChange={setXlaId}
        />
      ) : null}
      {plotted.length > 0 ? (
        <QuadrantChart
          points={plotted}
          slaLine={WATERMELON_OPERATIONS_MIN / 100}
          target={target}
          label={m.t('projectPage.watermelon.chart', {
            count: plotted.length,
            flagged: plotted.filter((p) => p.flagged).length,
          })}
        />
      ) : null}
      <div className="sentio-table-scroll">
        <table className="sentio-table">
          <caption className="sentio-visually-hidden">{m.t('projectPage.watermelon.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{m.t('projectPage.watermelon.requestType')}</th>
              <th scope="col">{m.t('projectPage.watermelon.slaMet')}</th>
              <th scope="col">{m.t('projectPage.watermelon.xlaScore')}</th>
              <th scope="col">{m.t('projectPage.watermelon.tickets')}</th>
              <th scope="col">{m.t('projectPage.watermelon.verdict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Fragment key={rowKey(row)}>
                <tr>
                  <th scope="row" style={{ fontWeight: 400 }}>
                    {requestTypeLabel(m, row.requestTypeId, row.requestTypeName)}
                  </th>
                  <td>
                    {row.slaMetRate !== null
                      ? formatPercent(m.locale, row.slaMetRate)
                      : m.t('projectPage.watermelon.noSla')}
                  </td>
                  <td>
                    {row.xlaScore !== null ? formatScore(row.xlaScore) : m.t('projectPage.card.status.notEnoughData')}
                  </td>
                  <td>{row.tickets.toFixed(0)}</td>
                  <td>
                    <span style={{ display: 'inline-flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' }}>
                      <Explain text={watermelonVerdict(m, row).full}>
                        {row.flagged ? (
                          <Lozenge appearance="removed" isBold>
                            {m.t('projectPage.watermelon.flagged')}
                          </Lozenge>
                        ) : (
                          <span>{watermelonVerdict(m, row).short}</span>
                        )}
                      </Explain>
                      {row.flagged ? (
                        <Button
                          appearance="subtle"
                          aria-expanded={open?.key === rowKey(row)}
                          isLoading={drill.pending && open?.key !== rowKey(row)}
                          onClick={() => void toggle(row)}
                        >
                          {m.t(
                            open?.key === rowKey(row) ? 'projectPage.watermelon.hide' : 'projectPage.watermelon.show',
                          )}
                        </Button>
                      ) : null}
                    </span>
                  </td>
                </tr>
                {open?.key === rowKey(row) ? (
                  <tr>
                    <td colSpan={5}>
                      <p style={{ margin: 0 }}>
                        {m.t('projectPage.watermelon.drill', { count: open.tickets.length, total: row.tickets })}
                      </p>
                      {open.tickets.length === 0 ? (
                        <Muted>{m.t('projectPage.watermelon.noneStandsOut')}</Muted>
                      ) : (
                        <ul
                          style={{ margin: 0 }}
                          aria-label={m.t('projectPage.watermelon.listLabel', {
                            name: requestTypeLabel(m, row.requestTypeId, row.requestTypeName),
                          })}
                        >
                          {open.tickets.map((t) => (
                            <li key={t.issueKey}>
                              <IssueLink issueKey={t.issueKey} /> {m.t('projectPage.watermelon.slaMetItem')}
                              {t.lastScore !== null
                                ? m.t('projectPage.watermelon.answered', {
                                    answer: answerWords(m, t.lastScore.kind, t.lastScore.score),
                                  })
                                : ''}
                              {t.mood !== null
                                ? m.t('projectPage.watermelon.mood', { mood: moodWords(m, t.mood) })
                                : ''}
                            </li>
                          ))}
                        </ul>
                      )}
                      {!open.complete ? <Muted>{m.t('projectPage.watermelon.incomplete')}</Muted> : null}
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
