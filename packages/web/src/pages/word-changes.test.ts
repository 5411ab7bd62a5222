import { describe, expect, it } from 'vitest';
import { wordChanges } from './word-changes';

const shown = (coded: string, placed: string) =>
  wordChanges(coded, placed)
    .map((p) => (p.kind === 'same' ? p.text : p.kind === 'removed' ? `[-${p.text}]` : `[+${p.text}]`))
    .join('');

describe('wordChanges', () => {
  it('shows a word changed inside as the whole word removed and added', () => {
    expect(shown('felt normal rather than', 'felt natural rather than')).toBe(
      'felt [-normal][+natural] rather than',
    );
  });

  it('shows a letter added as the word it changed', () => {
    expect(shown('Money was always short', 'Money was allways short')).toBe(
      'Money was [-always][+allways] short',
    );
  });

  it('keeps words added or removed between others as they are', () => {
    expect(shown('The nurse came on Wednesday', 'The nurse only came on Wednesday')).toBe(
      'The nurse [+only ]came on Wednesday',
    );
    expect(shown('Mr Jones, the head teacher, backed us', 'The head teacher backed us')).toMatch(/^\[-/);
  });

  it('does not take in the next word when a word is added before it', () => {
    expect(shown('a b', 'a new b')).toBe('a [+new ]b');
  });

  it('joins two changes in one word', () => {
    expect(shown('colour', 'kolor')).toBe('[-colour][+kolor]');
  });

  it('is all the same words when nothing changed', () => {
    expect(wordChanges('as it was', 'as it was')).toEqual([{ key: 's0', text: 'as it was', kind: 'same' }]);
  });
});
