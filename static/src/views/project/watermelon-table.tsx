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
import { useMessages } from '../../i18n/messages';
import { ChoiceInput } from '../../ui/choice-input';
import { Explain } from '../../ui/explain';
import { QuadrantChart } from '../../ui/lazy-charts';
import { useNotify } from '../../ui/flags';
import { formatPercent, formatScore, NOT_ENOUGH_DATA } from '../../ui/format';
import { IssueLink } from '../../ui/issue-link';
import { formatMood, scoreText } from '../../ui/score-text';
import { Muted } from '../../ui/section';
import { requestTypeLabel } from './request-type-name';
import { WATERMELON_OPERATIONS_MIN } from './scorecard-words';

const BASIS = { csat: 'satisfaction', sentiment: 'comment tone' } as const;

/** Why a row is, or is not, a watermelon (SCORING.md §3), in a few words and in full. */
export function watermelonVerdict(row: WatermelonRow): { short: string; full: string } {
  const ops = row.operations;
  const rule = `A watermelon is operations ≥ ${WATERMELON_OPERATIONS_MIN} while even the optimistic end of the experience interval is poor.`;
  if (row.flagged && ops !== null && row.upper !== null && row.threshold !== null && row.basis !== null)
    return {
      short: 'Watermelon',
      full: `Operations score ${formatScore(ops)} (≥ ${WATERMELON_OPERATIONS_MIN}) looks green, yet ${BASIS[row.basis]} is at best ${formatPercent(row.upper)}, under ${formatPercent(row.threshold)}. ${rule}`,
    };
  if (ops === null)
    return { short: 'Not flagged: no operational data', full: `No operational data for these tickets. ${rule}` };
  if (ops < WATERMELON_OPERATIONS_MIN)
    return {
      short: `Not flagged: operations ${formatScore(ops)} < ${WATERMELON_OPERATIONS_MIN}`,
      full: `Operations score ${formatScore(ops)} is below ${WATERMELON_OPERATIONS_MIN}: SLAs and the other operational indicators do not look green, so a poor XLA here is not hidden. ${rule}`,
    };
  if (row.basis === null || row.upper === null || row.threshold === null)
    return {
      short: 'Not flagged: no experience data',
      full: `No survey answers or scored comments to compare with. ${rule}`,
    };
  return {
    short: `Not flagged: ${BASIS[row.basis]} may reach ${formatPercent(row.upper)}`,
    full: `Operations ${formatScore(ops)} look green and ${BASIS[row.basis]} could be as high as ${formatPercent(row.upper)} (not under ${formatPercent(row.threshold)}): too few poor answers to call it hidden. ${rule}`,
  };
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

  if (rows.length === 0) return <Muted>No request types with tickets in this window.</Muted>;
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
          label="XLA"
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
          label={`SLA met against XLA score for ${plotted.length} request types; ${plotted.filter((p) => p.flagged).length} flagged`}
        />
      ) : null}
      <div className="sentio-table-scroll">
        <table className="sentio-table">
          <caption className="sentio-visually-hidden">SLA met versus XLA score per request type</caption>
          <thead>
            <tr>
              <th scope="col">Request type</th>
              <th scope="col">SLA met</th>
              <th scope="col">XLA score</th>
              <th scope="col">Tickets</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Fragment key={rowKey(row)}>
                <tr>
                  <th scope="row" style={{ fontWeight: 400 }}>
                    {requestTypeLabel(m, row.requestTypeId, row.requestTypeName)}
                  </th>
                  <td>{row.slaMetRate !== null ? formatPercent(row.slaMetRate) : 'No SLA'}</td>
                  <td>{row.xlaScore !== null ? row.xlaScore.toFixed(0) : NOT_ENOUGH_DATA}</td>
                  <td>{row.tickets.toFixed(0)}</td>
                  <td>
                    <span style={{ display: 'inline-flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' }}>
                      <Explain text={watermelonVerdict(row).full}>
                        {row.flagged ? (
                          <Lozenge appearance="removed" isBold>
                            Watermelon
                          </Lozenge>
                        ) : (
                          <span>{watermelonVerdict(row).short}</span>
                        )}
                      </Explain>
                      {row.flagged ? (
                        <Button
                          appearance="subtle"
                          aria-expanded={open?.key === rowKey(row)}
                          isLoading={drill.pending && open?.key !== rowKey(row)}
                          onClick={() => void toggle(row)}
                        >
                          {open?.key === rowKey(row) ? 'Hide tickets' : 'Show tickets'}
                        </Button>
                      ) : null}
                    </span>
                  </td>
                </tr>
                {open?.key === rowKey(row) ? (
                  <tr>
                    <td colSpan={5}>
                      <p style={{ margin: 0 }}>
                        {open.tickets.length} {open.tickets.length === 1 ? 'ticket' : 'tickets'} met the SLA while the
                        requester answered poorly (the lowest scores of the scale) or their mood fell to −0.5 or lower,
                        of {row.tickets} with experience data in this window.
                      </p>
                      {open.tickets.length === 0 ? (
                        <Muted>No single ticket stands out.</Muted>
                      ) : (
                        <ul
                          style={{ margin: 0 }}
                          aria-label={`Tickets behind the flag on ${requestTypeLabel(m, row.requestTypeId, row.requestTypeName)}`}
                        >
                          {open.tickets.map((t) => (
                            <li key={t.issueKey}>
                              <IssueLink issueKey={t.issueKey} /> — SLA met
                              {t.lastScore !== null
                                ? `, answered ${scoreText(t.lastScore.kind, t.lastScore.score)}`
                                : ''}
                              {t.mood !== null ? `, comment mood ${formatMood(t.mood)}` : ''}
                            </li>
                          ))}
                        </ul>
                      )}
                      {!open.complete ? (
                        <Muted>Only the most recently active tickets were searched; older ones may also qualify.</Muted>
                      ) : null}
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
