import { describe, expect, it } from 'vitest';
import { documentProblems } from '../document-problems.js';
import { extractDocument } from '../extract-document.js';
import { blocksWithText, fixture } from '../testing/fixtures.js';

describe('SRT', () => {
  it('makes one utterance per subtitle; speaker from a "Name:" prefix, tags and {\\an8} codes dropped', async () => {
    const document = await extractDocument({ fileName: 'interview.srt', bytes: fixture('interview.srt') });
    expect(document.kind).toBe('transcript');
    expect(blocksWithText(document)).toEqual([
      {
        kind: 'utterance',
        speaker: 'Interviewer',
        startMs: 1000,
        endMs: 4500,
        text: 'Interviewer: How did the shared plan change your work?',
      },
      {
        kind: 'utterance',
        speaker: 'Ward Manager',
        startMs: 5000,
        endMs: 9250,
        text: 'Ward Manager: It saves phone calls.',
      },
      { kind: 'utterance', startMs: 10_000, endMs: 12_000, text: 'Music plays' },
    ]);
    expect(document.meta).toMatchObject({ format: 'srt', speakers: ['Interviewer', 'Ward Manager'] });
    expect(documentProblems(document)).toEqual([]);
  });

  it('reads the CRLF copy to the same text and offsets', async () => {
    const plain = await extractDocument({ fileName: 'interview.srt', bytes: fixture('interview.srt') });
    const crlf = await extractDocument({ fileName: 'interview.srt', bytes: fixture('interview-crlf.srt') });
    expect(crlf.text).toBe(plain.text);
    expect(crlf.structure).toEqual(plain.structure);
    expect(crlf.meta.lineEndings).toBe('crlf');
  });

  it('names the line where a timing line was expected', async () => {
    const bytes = new TextEncoder().encode(
      '1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\nnot a timing\nHello\n',
    );
    await expect(extractDocument({ fileName: 'subs.srt', bytes })).rejects.toMatchObject({
      problem: 'syntax',
      line: 6,
      message:
        "subs.srt, line 6: expected a subtitle timing like '00:00:01,000 --> 00:00:04,000', found 'not a timing'",
    });
  });
});
