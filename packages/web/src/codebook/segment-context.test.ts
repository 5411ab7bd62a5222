import { describe, expect, it } from 'vitest';
import { segmentContext } from './segment-context';

describe('segment context', () => {
  const before = 'First paragraph ends here.\n\nThe garden began. Then we said ';
  const after = ' and it grew. Next sentence “quoted.” More.\n\nAnother paragraph.';

  it('shows nothing around the passage for none', () => {
    expect(segmentContext(before, after, 'none')).toMatchObject({ before: '', after: '' });
  });

  it('keeps the passage’s sentence', () => {
    expect(segmentContext(before, after, 'sentence')).toMatchObject({
      before: 'Then we said ',
      after: ' and it grew.',
    });
  });

  it('keeps the passage’s paragraph', () => {
    expect(segmentContext(before, after, 'paragraph')).toMatchObject({
      before: 'The garden began. Then we said ',
      after: ' and it grew. Next sentence “quoted.” More.',
    });
  });

  it('marks a context cut short by the server’s window', () => {
    const long = 'x'.repeat(200);
    expect(segmentContext(long, long, 'sentence')).toMatchObject({ cutBefore: true, cutAfter: true });
    expect(segmentContext('Done. a', 'b. c', 'sentence')).toMatchObject({
      before: 'a',
      after: 'b.',
      cutBefore: false,
      cutAfter: false,
    });
  });
});
