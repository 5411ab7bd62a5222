import { existsSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentProblems } from './document-problems.js';
import { extractDocument } from './extract-document.js';

/** Public documents kept outside the repository (see ../shared/data/README.md); read by path, never copied. */
const SHARED = new URL('../../../../shared/', import.meta.url);
const QDPX = new URL('data/qdpx/nvivo-win-oltas0517.qdpx', SHARED);
const ARTICLE = new URL('seeds/alderwick-2021-full.txt', SHARED);

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe.skipIf(!existsSync(QDPX))(
  'NVivo 12 project sources (shared/data/qdpx/nvivo-win-oltas0517.qdpx)',
  () => {
    // The archive holds each interview source twice: the .docx and NVivo's own plain-text rendering.
    const archive = existsSync(QDPX) ? unzipSync(new Uint8Array(readFileSync(QDPX))) : {};
    const ids = Object.keys(archive)
      .filter((name) => name.endsWith('.docx'))
      .map((name) => name.slice(0, -'.docx'.length));

    it('holds two sources', () => {
      expect(ids).toHaveLength(2);
    });

    it.each(ids)('%s.docx reads to the same words, in the same order, as NVivo’s text of it', async (id) => {
      const docx = await extractDocument({
        fileName: `${id}.docx`,
        bytes: archive[`${id}.docx`] ?? new Uint8Array(),
      });
      const txt = await extractDocument({
        fileName: `${id}.txt`,
        bytes: archive[`${id}.txt`] ?? new Uint8Array(),
      });
      expect(docx.kind).toBe('docx');
      expect(txt.kind).toBe('text');
      expect(txt.meta).toMatchObject({ encoding: 'utf-8', bom: true, lineEndings: 'crlf' });
      expect(words(docx.text)).toEqual(words(txt.text));
      // A table of YouTube comments: one header row and one row per comment.
      expect(docx.structure.length).toBeGreaterThan(1000);
      expect(documentProblems(docx)).toEqual([]);
      expect(documentProblems(txt)).toEqual([]);
    });
  },
);

describe.skipIf(!existsSync(ARTICLE))(
  'a journal article in Markdown (shared/seeds/alderwick-2021-full.txt)',
  () => {
    it('reads as Markdown when asked: headings at their levels, no markup left', async () => {
      const bytes = new Uint8Array(readFileSync(ARTICLE));
      const document = await extractDocument({
        fileName: 'alderwick-2021-full.txt',
        bytes,
        kind: 'markdown',
      });
      const source = new TextDecoder().decode(bytes);
      const headings = document.structure.filter((block) => block.kind === 'heading');
      expect(headings).toHaveLength(source.match(/^#{1,6} /gm)?.length ?? -1);
      expect(headings.map((h) => h.level)).toEqual(
        [...source.matchAll(/^(#{1,6}) /gm)].map((m) => m[1]?.length),
      );
      const headingTexts = headings.map((h) => document.text.slice(h.start, h.end));
      expect(headingTexts).toContain('Abstract');
      expect(document.meta.title).toBe(headingTexts[0]);
      expect(document.text).not.toMatch(/\*\*|^#+ |<sup>/m);
      expect(documentProblems(document)).toEqual([]);
    });
  },
);
