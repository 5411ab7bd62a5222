import { describe, expect, it } from 'vitest';
import { documentProblems } from '../document-problems.js';
import { extractDocument } from '../extract-document.js';
import { blocksWithText, fixture } from '../testing/fixtures.js';
import { looksLikeSpeakerTranscript, parseSpeakerHeading, parseSpeakerLine } from './speaker-line.js';

const encode = (text: string) => new TextEncoder().encode(text);

describe('speaker-line transcripts', () => {
  it('detects a .txt of "Speaker: text" lines; header kept, timestamps read, continuation lines joined', async () => {
    const document = await extractDocument({
      fileName: 'interview-speakers.txt',
      bytes: fixture('interview-speakers.txt'),
    });
    expect(document.kind).toBe('transcript');
    expect(blocksWithText(document)).toEqual([
      { kind: 'paragraph', text: 'Interview 12 — community nurse\nRecorded 3 May 2024' },
      {
        kind: 'utterance',
        speaker: 'Interviewer',
        startMs: 5000,
        text: 'Interviewer: Tell me about the shared records.',
      },
      {
        kind: 'utterance',
        speaker: 'P12',
        startMs: 9000,
        text: 'P12: We started in 2022. We had no training at first.\nIt got better after a year.',
      },
      { kind: 'utterance', speaker: 'Interviewer', startMs: 90_000, text: 'Interviewer: What changed?' },
      { kind: 'utterance', speaker: 'P12', startMs: 92_000, text: 'P12: The IT team came to the ward.' },
    ]);
    expect(document.meta).toMatchObject({ format: 'speaker-lines', speakers: ['Interviewer', 'P12'] });
    expect(documentProblems(document)).toEqual([]);
  });

  it('reads CRLF and a BOM the same way', async () => {
    const source = '\ufeffJane Smith: Hello there.\r\nBob: Hi Jane.\r\nJane Smith: Shall we start?\r\n';
    const document = await extractDocument({ fileName: 'chat.txt', bytes: encode(source) });
    expect(document.text).toBe('Jane Smith: Hello there.\n\nBob: Hi Jane.\n\nJane Smith: Shall we start?');
    expect(document.meta).toMatchObject({ bom: true, lineEndings: 'crlf', speakers: ['Jane Smith', 'Bob'] });
  });

  it('reads speakers on a line of their own, as Otter exports them ("Name  m:ss", words below)', async () => {
    const source =
      'Jane Smith  0:03\nThanks for joining.\nShall we start?\n\nSpeaker 2  1:02:07\nYes.\n\nJane Smith:\nGood.\n';
    const document = await extractDocument({ fileName: 'otter.txt', bytes: encode(source) });
    expect(document.kind).toBe('transcript');
    expect(blocksWithText(document)).toEqual([
      {
        kind: 'utterance',
        speaker: 'Jane Smith',
        startMs: 3000,
        text: 'Jane Smith: Thanks for joining. Shall we start?',
      },
      { kind: 'utterance', speaker: 'Speaker 2', startMs: 3_727_000, text: 'Speaker 2: Yes.' },
      { kind: 'utterance', speaker: 'Jane Smith', text: 'Jane Smith: Good.' },
    ]);
    expect(parseSpeakerHeading('P3 (01:02)')).toEqual({ speaker: 'P3', startMs: 62_000 });
    expect(parseSpeakerHeading('Introduction')).toBeUndefined();
  });

  it('leaves prose with the odd colon as plain text, unless a transcript is asked for', async () => {
    const prose =
      'Notes on the visit.\n\nNote: the ward was busy.\nWe stayed two hours and spoke to four nurses.\nThe manager was away.\n';
    expect((await extractDocument({ fileName: 'n.txt', bytes: encode(prose) })).kind).toBe('text');
    const forced = await extractDocument({ fileName: 'n.txt', bytes: encode(prose), kind: 'transcript' });
    expect(blocksWithText(forced).map((block) => block.kind)).toEqual(['paragraph', 'utterance']);
    const transcript = 'A: one\nB: two\n';
    expect((await extractDocument({ fileName: 't.txt', bytes: encode(transcript), kind: 'text' })).kind).toBe(
      'text',
    );
  });

  it('parses the speaker-line shapes transcription services write', () => {
    expect(parseSpeakerLine('Interviewer: Hello')).toEqual({
      speaker: 'Interviewer',
      body: 'Hello',
      startMs: undefined,
    });
    expect(parseSpeakerLine('[01:02:03] Dr. Jane Smith: Hi')).toEqual({
      speaker: 'Dr. Jane Smith',
      body: 'Hi',
      startMs: 3_723_000,
    });
    expect(parseSpeakerLine('Jane (02:03): Hi')).toEqual({ speaker: 'Jane', body: 'Hi', startMs: 123_000 });
    expect(parseSpeakerLine('00:12 P4: yes')).toEqual({ speaker: 'P4', body: 'yes', startMs: 12_000 });
    expect(parseSpeakerLine('This sentence has four words: no')).toBeUndefined();
    expect(parseSpeakerLine('http://example.org')).toBeUndefined();
    expect(looksLikeSpeakerTranscript('A: one\nB: two\nA: three')).toBe(true);
    expect(looksLikeSpeakerTranscript('Only one: line\nand prose after it\nand more prose')).toBe(false);
  });
});
