import { describe, expect, it } from 'vitest';
import { prepareComment } from '../../../src/domain/sentiment/index.js';

describe('prepareComment', () => {
  it('strips a quoted e-mail reply after "On … wrote:"', () => {
    const text =
      'Still broken for me.\n\nOn Mon, 3 Mar 2025 at 10:02, Service Desk <help@example.com> wrote:\n> We fixed it, great news!\n> Regards';
    expect(prepareComment(text)).toBe('Still broken for me.');
  });

  it('strips "> " quoted lines and Outlook original-message blocks', () => {
    expect(prepareComment('> Thanks, all good\nNot for me, it fails.')).toBe('Not for me, it fails.');
    expect(prepareComment('It fails again.\n-----Original Message-----\nFrom: Agent\nGreat, resolved!')).toBe(
      'It fails again.',
    );
    expect(prepareComment('It fails again.\nFrom: Agent <a@example.com>\nSent: Monday\nSubject: resolved')).toBe(
      'It fails again.',
    );
  });

  it('strips signatures and sign-offs', () => {
    expect(
      prepareComment('The VPN drops every hour.\n\nKind regards,\nJane Doe\nHappy Customer Inc.\n+1 555 0100'),
    ).toBe('The VPN drops every hour.');
    expect(prepareComment('Works now.\n-- \nJane | Awesome Corp')).toBe('Works now.');
    expect(prepareComment('Sure.\nSent from my iPhone')).toBe('Sure.');
  });

  it('keeps a comment that is only a thank-you', () => {
    expect(prepareComment('Thanks!')).toBe('Thanks!');
  });

  it('strips code blocks, inline code and URLs', () => {
    const text =
      'Error again:\n```\nFATAL: great success\n```\nSee https://status.example.com/great and {code}love(){code} `nice`';
    expect(prepareComment(text)).toBe('Error again:\n\nSee and');
  });

  it('strips mentions and e-mail addresses', () => {
    expect(prepareComment('[~accountid:5b10a2844c20165700ede21g] @jane mail joy@happy.com please')).toBe('mail please');
  });
});
