import { describe, expect, it } from 'vitest';
import { isRequesterPublicComment, type TicketPeople } from '../../../src/domain/sentiment/index.js';

const people: TicketPeople = {
  reporterAccountId: 'req',
  participantAccountIds: ['colleague', 'agent-too'],
  agentAccountIds: ['agent', 'agent-too'],
  appAccountId: 'sentio',
};

describe('isRequesterPublicComment', () => {
  it("counts the reporter's and participants' public comments", () => {
    expect(isRequesterPublicComment({ authorAccountId: 'req' }, people)).toBe(true);
    expect(isRequesterPublicComment({ authorAccountId: 'colleague', jsdPublic: true }, people)).toBe(true);
  });

  it('never counts internal notes, agents, automation or the app itself', () => {
    expect(isRequesterPublicComment({ authorAccountId: 'req', jsdPublic: false }, people)).toBe(false);
    expect(isRequesterPublicComment({ authorAccountId: 'agent' }, people)).toBe(false);
    expect(isRequesterPublicComment({ authorAccountId: 'agent-too' }, people)).toBe(false);
    expect(isRequesterPublicComment({ authorAccountId: 'automation', authorAccountType: 'app' }, people)).toBe(false);
    expect(isRequesterPublicComment({ authorAccountId: 'sentio' }, people)).toBe(false);
    expect(isRequesterPublicComment({ authorAccountId: 'stranger' }, people)).toBe(false);
  });
});
