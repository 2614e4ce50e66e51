/**
 * Post-commit delivery: the property write and the owed comments go out side by side, so neither
 * adds its round trip to the other's, and a failure of one loses nothing of the other.
 * Oracle: the order of effects on hand-written fakes (a property write held open by the test).
 */
import { describe, expect, it } from 'vitest';
import { deliverTicketChange } from '../../../src/app/delivery/deliver-ticket-change';
import type { AppPorts } from '../../../src/app/ports';
import { aWorldOwingASurveyComment } from '../builders';

describe('delivering a committed ticket change', () => {
  it('sends the owed comment while the property write is still on its way, then rethrows its failure', async () => {
    const { w, ask, config } = aWorldOwingASurveyComment();
    let fail: (e: Error) => void = () => undefined;
    const held = new Promise<void>((_, reject) => {
      fail = reject;
    });
    const ports: AppPorts = { ...w.ports, jira: { ...w.ports.jira, setExperienceProperty: () => held } };
    const delivered = deliverTicketChange(ports, {
      config,
      ticketId: '10001',
      property: { pendingAsk: 'yes' },
      owed: [ask.id],
      resolved: false,
    });
    // The comment does not wait for the property: it is sent and confirmed before the write answers.
    await expect.poll(() => w.tickets.get('10001')?.value.undelivered).toEqual([]);
    expect(w.comments.map((c) => c.issueKey)).toEqual(['IT-1']);
    fail(new Error('Jira 503 on the property'));
    await expect(delivered).rejects.toThrow('Jira 503 on the property');
    expect(w.comments).toHaveLength(1);
  });

  it('writes the property when the comment fails, and rethrows the comment’s failure', async () => {
    const { w, ask, config } = aWorldOwingASurveyComment();
    const written: string[] = [];
    const ports: AppPorts = {
      ...w.ports,
      jira: {
        ...w.ports.jira,
        setExperienceProperty: async (id) => {
          written.push(id);
        },
      },
    };
    w.failComments = 1;
    await expect(
      deliverTicketChange(ports, {
        config,
        ticketId: '10001',
        property: { pendingAsk: 'yes' },
        owed: [ask.id],
        resolved: false,
      }),
    ).rejects.toThrow('Jira 500');
    expect(written).toEqual(['10001']);
    expect(w.tickets.get('10001')?.value.undelivered).toEqual([ask.id]);
  });
});
