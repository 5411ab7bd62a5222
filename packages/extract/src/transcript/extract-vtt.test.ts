import { describe, expect, it } from 'vitest';
import { documentProblems } from '../document-problems.js';
import { extractDocument } from '../extract-document.js';
import { ExtractError } from '../extract-error.js';
import { blocksWithText, fixture } from '../testing/fixtures.js';

const INTERVIEW = [
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
    text: 'Ward Manager: It saves phone calls & time.',
  },
  { kind: 'utterance', speaker: 'P3', startMs: 10_000, endMs: 12_000, text: 'P3: I agree with that.' },
  { kind: 'utterance', startMs: 3_600_000, endMs: 3_602_000, text: 'No speaker here.' },
];

const encode = (text: string) => new TextEncoder().encode(text);

describe('WebVTT', () => {
  it('makes one "Speaker: text" utterance per cue from voice tags and prefixes, with cue times', async () => {
    const document = await extractDocument({ fileName: 'interview.vtt', bytes: fixture('interview.vtt') });
    expect(document.kind).toBe('transcript');
    expect(blocksWithText(document)).toEqual(INTERVIEW);
    expect(document.text).toBe(INTERVIEW.map((u) => u.text).join('\n\n'));
    expect(document.meta).toEqual({
      format: 'vtt',
      title: 'Interview 7',
      encoding: 'utf-8',
      bom: false,
      lineEndings: 'lf',
      speakers: ['Interviewer', 'Ward Manager', 'P3'],
    });
    expect(document.warnings).toEqual([]);
    expect(documentProblems(document)).toEqual([]);
  });

  it('reads the CRLF copy with a BOM to the same text and offsets', async () => {
    const plain = await extractDocument({ fileName: 'interview.vtt', bytes: fixture('interview.vtt') });
    const crlf = await extractDocument({ fileName: 'i.vtt', bytes: fixture('interview-crlf-bom.vtt') });
    expect(crlf.text).toBe(plain.text);
    expect(crlf.structure).toEqual(plain.structure);
    expect(crlf.meta).toMatchObject({ bom: true, lineEndings: 'crlf' });
  });

  it('is recognised by its WEBVTT header when the name has no extension', async () => {
    const document = await extractDocument({ fileName: 'captions', bytes: fixture('interview.vtt') });
    expect(document.meta.format).toBe('vtt');
  });

  it('names the line of a malformed timing and refuses a file without the header', async () => {
    const bad = encode('WEBVTT\n\n00:01.000 --> 00:04.000\nfine\n\n00:05 --> 00:06.000\nbad\n');
    await expect(extractDocument({ fileName: 'bad.vtt', bytes: bad })).rejects.toThrow(
      new ExtractError(
        'bad.vtt',
        'syntax',
        "expected a cue timing like '00:00:01.000 --> 00:00:04.000', found '00:05 --> 00:06.000'",
        {
          line: 6,
        },
      ),
    );
    await expect(
      extractDocument({ fileName: 'nohead.vtt', bytes: encode('00:01.000 --> 00:04.000\nhello\n') }),
    ).rejects.toMatchObject({
      message: "nohead.vtt, line 1: a WebVTT file must start with 'WEBVTT'",
      line: 1,
    });
    await expect(
      extractDocument({ fileName: 'back.vtt', bytes: encode('WEBVTT\n\n00:05.000 --> 00:04.000\nhello\n') }),
    ).rejects.toMatchObject({ message: 'back.vtt, line 3: the cue ends before it starts' });
  });
});
