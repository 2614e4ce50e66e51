import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
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
import { ChoiceInput } from '../../ui/choice-input';
import { useNotify } from '../../ui/flags';
import { formatPercent, NOT_ENOUGH_DATA } from '../../ui/format';
import { IssueLink } from '../../ui/issue-link';
import { scoreText } from '../../ui/score-text';
import { Muted } from '../../ui/section';
import { requestTypeLabel } from './request-type-name';

const rowKey = (row: WatermelonRow) => `${row.xlaId}:${row.requestTypeId ?? ''}`;

/** SLA met % beside the XLA per request type; a flagged row ("green outside, red inside") drills down. */
export function WatermelonTable({
  data,
  window,
  projectId,
}: {
  data: ResponseOf<typeof getWatermelon>;
  window: DashboardWindow;
  projectId?: string | undefined;
}) {
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
      <table className="sentio-table">
        <caption className="sentio-visually-hidden">SLA met versus XLA score per request type</caption>
        <thead>
          <tr>
            <th scope="col">Request type</th>
            <th scope="col">SLA met</th>
            <th scope="col">XLA score</th>
            <th scope="col">Tickets</th>
            <th scope="col">Watermelon</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Fragment key={rowKey(row)}>
              <tr>
                <th scope="row" style={{ fontWeight: 400 }}>
                  {requestTypeLabel(row.requestTypeId, row.requestTypeName)}
                </th>
                <td>{row.slaMetRate !== null ? formatPercent(row.slaMetRate) : 'No SLA'}</td>
                <td>{row.xlaScore !== null ? row.xlaScore.toFixed(0) : NOT_ENOUGH_DATA}</td>
                <td>{row.tickets.toFixed(0)}</td>
                <td>
                  {row.flagged ? (
                    <Button
                      appearance="subtle"
                      aria-expanded={open?.key === rowKey(row)}
                      isLoading={drill.pending && open?.key !== rowKey(row)}
                      onClick={() => void toggle(row)}
                    >
                      🍉 Flagged: show tickets
                    </Button>
                  ) : (
                    <Lozenge appearance="success">OK</Lozenge>
                  )}
                </td>
              </tr>
              {open?.key === rowKey(row) ? (
                <tr>
                  <td colSpan={5}>
                    {open.tickets.length === 0 ? (
                      <Muted>No single ticket stands out.</Muted>
                    ) : (
                      <ul
                        style={{ margin: 0 }}
                        aria-label={`Tickets behind the flag on ${requestTypeLabel(row.requestTypeId, row.requestTypeName)}`}
                      >
                        {open.tickets.map((t) => (
                          <li key={t.issueKey}>
                            <IssueLink issueKey={t.issueKey} /> — SLA met
                            {t.lastScore !== null ? `, answered ${scoreText(t.lastScore.kind, t.lastScore.score)}` : ''}
                            {t.mood !== null ? `, mood ${t.mood.toFixed(2)}` : ''}
                          </li>
                        ))}
                      </ul>
                    )}
                    {!open.complete ? <Muted>Only the most recently active tickets were searched.</Muted> : null}
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}
