import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import { Fragment, useState } from 'react';
import type { XlaWindow } from '../../../../src/domain/xla';
import { getWatermelonTickets, type WatermelonRow, type WatermelonTicket } from '../../api/project-contract';
import { useAction } from '../../api/client-context';
import { useNotify } from '../../ui/flags';
import { formatPercent, NOT_ENOUGH_DATA } from '../../ui/format';
import { IssueLink } from '../../ui/issue-link';
import { scoreText } from '../../ui/score-text';
import { Muted } from '../../ui/section';

/** SLA met % beside the XLA per request type; a flagged row ("green outside, red inside") drills down. */
export function WatermelonTable({ rows, window, projectId }: { rows: readonly WatermelonRow[]; window: XlaWindow; projectId?: string | undefined }) {
  const [open, setOpen] = useState<{ id: string; tickets: WatermelonTicket[] } | null>(null);
  const drill = useAction(getWatermelonTickets);
  const notify = useNotify();

  async function toggle(row: WatermelonRow) {
    if (open?.id === row.requestTypeId) return setOpen(null);
    const result = await drill.run({ requestTypeId: row.requestTypeId, window, ...(projectId !== undefined ? { projectId } : {}) });
    if (result === null) return;
    if (!result.ok) return notify.failed(result.error);
    setOpen({ id: row.requestTypeId, tickets: result.data.tickets });
  }

  if (rows.length === 0) return <Muted>No request types with tickets in this window.</Muted>;
  return (
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
          <Fragment key={row.requestTypeId}>
            <tr>
              <th scope="row" style={{ fontWeight: 400 }}>
                {row.requestTypeName}
              </th>
              <td>{row.slaMetRate !== null ? formatPercent(row.slaMetRate) : 'No SLA'}</td>
              <td>{row.xlaScore !== null ? row.xlaScore.toFixed(0) : NOT_ENOUGH_DATA}</td>
              <td>{row.sampleSize.toFixed(0)}</td>
              <td>
                {row.flagged ? (
                  <Button
                    appearance="subtle"
                    aria-expanded={open?.id === row.requestTypeId}
                    isLoading={drill.pending && open?.id !== row.requestTypeId}
                    onClick={() => void toggle(row)}
                  >
                    🍉 Flagged: show tickets
                  </Button>
                ) : (
                  <Lozenge appearance="success">OK</Lozenge>
                )}
              </td>
            </tr>
            {open?.id === row.requestTypeId ? (
              <tr>
                <td colSpan={5}>
                  {open.tickets.length === 0 ? (
                    <Muted>No single ticket stands out.</Muted>
                  ) : (
                    <ul style={{ margin: 0 }} aria-label={`Tickets behind the flag on ${row.requestTypeName}`}>
                      {open.tickets.map((t) => (
                        <li key={t.issueKey}>
                          <IssueLink issueKey={t.issueKey} /> {t.summary} — SLA {t.slaMet ? 'met' : 'breached'}
                          {t.lastScore !== null ? `, answered ${scoreText(t.lastScore.kind, t.lastScore.score)}` : ''}
                          {t.mood !== null ? `, mood ${t.mood.toFixed(2)}` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ) : null}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
