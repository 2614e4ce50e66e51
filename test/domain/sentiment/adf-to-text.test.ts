import { describe, expect, it } from 'vitest';
import { adfToText } from '../../../src/domain/sentiment/index.js';

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, marks?: unknown[]) => (marks ? { type: 'text', text, marks } : { type: 'text', text });

describe('adfToText', () => {
  it('joins paragraphs and hard breaks into lines', () => {
    expect(adfToText(doc(p(t('Still down.')), p(t('Any update?'), { type: 'hardBreak' }, t('Thanks'))))).toBe(
      'Still down.\nAny update?\nThanks',
    );
  });

  it('drops quotes, code blocks, inline code, links and mentions', () => {
    const adf = doc(
      { type: 'blockquote', content: [p(t('Great, resolved!'))] },
      { type: 'codeBlock', content: [t('happy()')] },
      p({ type: 'mention', attrs: { id: 'x', text: '@Joy' } }, t(' it fails '), t('love', [{ type: 'code' }]), {
        type: 'inlineCard',
        attrs: { url: 'https://x' },
      }),
    );
    expect(adfToText(adf)).toBe('it fails');
  });

  it('keeps list items and emoji characters', () => {
    const adf = doc({
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p(t('one'))] },
        { type: 'listItem', content: [p(t('two'), { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } })] },
      ],
    });
    expect(adfToText(adf)).toBe('one\ntwo😄');
  });

  it('returns plain-text bodies as they are', () => {
    expect(adfToText('plain wiki text')).toBe('plain wiki text');
  });

  it('returns an empty string for malformed or hostile input instead of throwing', () => {
    expect(adfToText(null)).toBe('');
    expect(adfToText(42)).toBe('');
    expect(adfToText({ type: 'doc', content: 'nope' })).toBe('');
    expect(adfToText({ type: 'doc', content: [{ text: 'no type' }, p(t('ok'))] })).toBe('ok');
    let deep: unknown = t('deep');
    for (let i = 0; i < 500; i += 1) deep = { type: 'paragraph', content: [deep] };
    expect(() => adfToText(deep)).not.toThrow();
  });
});
