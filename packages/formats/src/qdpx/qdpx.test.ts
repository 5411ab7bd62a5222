import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FormatError } from '../format-error.js';
import { placeSelections } from './place-selections.js';
import { flattenCodes } from './qde-model.js';
import { atlasStyleQdpx, CRLF_TEXT, MALFORMED, nvivoStyleQdpx } from './qdpx-fixtures.js';
import { readQdpx } from './read-qdpx.js';
import { writeQdc, writeQde } from './write-qde.js';

const DATA = join(import.meta.dirname, '../../../../../shared/data/qdpx');
const XSD = join(DATA, 'Project.xsd');
const COUNTER = join(import.meta.dirname, '../../../../../shared/tools/qde-counts.py');

/*
 * Counts printed by ../shared/tools/qde-counts.py (the reference counter) on each shared file,
 * run 2026-11-23; the test also re-runs the counter when python3 is present.
 */
const EXPECTED_COUNTS: Record<string, Record<string, number>> = {
  'atlasti-TestProject.qdpx': {
    users: 3,
    codes: 14,
    sources: 12,
    selections: 15,
    codings: 16,
    notes: 2,
    cases: 0,
    variables: 0,
    sets: 16,
  },
  'atlasti-Project.qde': {
    users: 3,
    codes: 14,
    sources: 12,
    selections: 15,
    codings: 16,
    notes: 2,
    cases: 0,
    variables: 0,
    sets: 16,
  },
  'nvivo-win-oltas0517.qdpx': {
    users: 2,
    codes: 152,
    sources: 2,
    selections: 303,
    codings: 303,
    notes: 0,
    cases: 0,
    variables: 0,
    sets: 0,
  },
};

function python3(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function xmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Validates XML against Project.xsd with xmllint; returns its complaints ('' when valid). */
function validateAgainstXsd(xml: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'weft-xsd-'));
  try {
    const file = join(dir, 'project.qde');
    writeFileSync(file, xml);
    try {
      execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
      return '';
    } catch (error) {
      return String((error as { stderr?: Buffer }).stderr ?? error);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const read = (name: string) => readQdpx(new Uint8Array(readFileSync(join(DATA, name))), name);

describe.skipIf(!existsSync(DATA))('REFI-QDA shared files', () => {
  for (const [name, expected] of Object.entries(EXPECTED_COUNTS)) {
    it(`counts ${name} as the reference counter does`, () => {
      expect(read(name).counts).toEqual(expected);
      if (python3()) {
        const out = execFileSync('python3', [COUNTER, join(DATA, name)], { encoding: 'utf8' });
        expect(read(name).counts).toEqual(JSON.parse(out));
      }
    });
  }

  it('reads the ATLAS.ti archive: Project.qde and Sources/, hierarchy by name, every selection kind', () => {
    const archive = read('atlasti-TestProject.qdpx');
    expect(archive.qdeName).toBe('Project.qde');
    expect(archive.sourcesFolder).toBe('Sources');
    const { project } = archive;
    expect(project.origin).toMatch(/^ATLAS\.ti 8/);
    expect(flattenCodes(project.codes).find((c) => c.code.name === 'cornflakes')?.code.color).toBe('#DC0000');
    const kinds = project.sources.flatMap((s) => [
      ...s.selections.map((x) => x.kind),
      ...(s.text?.selections ?? []).map((x) => x.kind),
      ...(s.representation?.selections ?? []).map((x) => x.kind),
    ]);
    expect(new Set(kinds)).toEqual(new Set(['text', 'pdf', 'picture', 'video']));
    const video = project.sources.find((s) => s.kind === 'video' && s.selections.length > 0);
    expect(video?.selections[0]).toMatchObject({ kind: 'video', begin: 16176, end: 45358 });
    expect(project.notes.map((n) => n.name)).toEqual(['Research Plan', 'My favorite Coke ad']);
    // The archive holds no source files (its Sources/ folder is empty): every text selection is unplaced.
    const placement = placeSelections(archive);
    expect(placement.texts.every((t) => t.text === null)).toBe(true);
    expect(placement.texts.flatMap((t) => t.selections).filter((s) => s.placed)).toHaveLength(0);
  });

  it('places NVivo positions as UTF-16 indices with CRLF as two (300 of 303 spans word-aligned)', () => {
    const placement = placeSelections(read('nvivo-win-oltas0517.qdpx'));
    expect(placement.convention).toBe('utf16');
    expect(placement.decidedBy).toBe('word-boundaries');
    // Counting CRLF as one would cut words in all but 22 spans; the 3 misaligned utf16 spans begin or end
    // mid-word in the coder's own selection ("J|avitsatok", "A|KI IGEN", "hiede|lem"), not an offset error.
    expect(placement.boundaries).toEqual({ utf16: 300, 'crlf-as-one': 22, 'code-points': 49 });
    const placed = placement.texts.flatMap((t) => t.selections);
    expect(placed).toHaveLength(303);
    expect(placed.every((s) => s.placed && s.end > s.start)).toBe(true);
    expect(placement.texts.every((t) => t.bom && t.crlf)).toBe(true);
  });
});

describe('REFI-QDA own fixtures', () => {
  it('ATLAS.ti style: named .qde, lower-case sources/, BOM stripped, CRLF counted as one', () => {
    const archive = readQdpx(atlasStyleQdpx(), 'atlas.qdpx');
    expect(archive.qdeName).toBe('My Study.qde');
    expect(archive.sourcesFolder).toBe('sources');
    const placement = placeSelections(archive);
    expect(placement.convention).toBe('crlf-as-one');
    expect(placement.decidedBy).toBe('selection-text');
    const [text] = placement.texts;
    expect(text?.text).toBe(CRLF_TEXT);
    expect(text?.bom).toBe(true);
    expect(text?.selections.map((s) => CRLF_TEXT.slice(s.start, s.end))).toEqual([
      'second line',
      'third line',
    ]);
  });

  it('NVivo style: Sources/, unnamed selections, CRLF counted as two (by origin)', () => {
    const placement = placeSelections(readQdpx(nvivoStyleQdpx(), 'nvivo.qdpx'));
    expect(placement.convention).toBe('utf16');
    expect(placement.texts[0]?.selections.map((s) => CRLF_TEXT.slice(s.start, s.end))).toEqual([
      'second line',
      'third line',
    ]);
  });

  it.each([
    ['not a zip', MALFORMED.notZip, /bad\.qdpx: not a REFI-QDA file: neither a zip archive/],
    [
      'zip without a .qde',
      MALFORMED.zipWithoutQde,
      /bad\.qdpx: no \.qde project file in the archive \(it holds: /,
    ],
    ['invalid XML', MALFORMED.invalidXml, /bad\.qdpx: project\.qde, line 5: invalid XML: /],
    [
      'unknown code GUID',
      MALFORMED.unknownCode,
      /line 1\d: coding .* refers to code 99999999-.*not in the codebook/,
    ],
  ])('refuses %s with the file, line and problem', (_what, make, message) => {
    expect(() => placeSelections(readQdpx(make(), 'bad.qdpx'))).toThrow(message);
    expect(() => placeSelections(readQdpx(make(), 'bad.qdpx'))).toThrow(FormatError);
  });

  it('refuses a selection beyond the end of its source', () => {
    expect(() => placeSelections(readQdpx(MALFORMED.selectionBeyondEnd(), 'bad.qdpx'))).toThrow(
      /bad\.qdpx: project\.qde, line \d+: selection 55555555-5555-4555-8555-555555555550 ends at position 500, beyond the end of source "Interview 1" \(42 characters\)/,
    );
  });
});

describe.skipIf(!xmllint() && !process.env.CI)('REFI-QDA writer against Project.xsd', () => {
  it('writes a project the schema accepts, and reads it back the same', () => {
    const { project } = readQdpx(atlasStyleQdpx(), 'atlas.qdpx');
    const xml = writeQde({ ...project, description: 'Line one\nline two & <three>' });
    expect(validateAgainstXsd(xml)).toBe('');
    const again = readQdpx(new TextEncoder().encode(xml), 'again.qde');
    expect(again.project.codes).toEqual(project.codes);
    expect(again.project.sources[0]?.text?.selections).toEqual(
      project.sources[0]?.text?.selections.map((s) => ({ ...s, line: expect.any(Number) })),
    );
    expect(again.project.description).toBe('Line one\nline two & <three>');
  });

  it('writes a codebook (.qdc) whose codes and sets the schema accepts', () => {
    const { project } = readQdpx(atlasStyleQdpx(), 'atlas.qdpx');
    const qdc = writeQdc(project.codes, project.sets);
    expect(validateAgainstXsd(qdcAsProject(qdc))).toBe('');
    expect(readQdpx(new TextEncoder().encode(qdc), 'x.qdc').project.codes).toEqual(project.codes);
  });
});

/**
 * The shared data has no Codebook.xsd; the codebook schema's CodeBook, Codes and Sets are the
 * Project schema's types in another namespace, so a .qdc is checked as the CodeBook and Sets of a
 * project.
 */
function qdcAsProject(qdc: string): string {
  const open = '<CodeBook xmlns="urn:QDA-XML:codebook:1.0">';
  const endCodes = qdc.indexOf('</Codes>') + '</Codes>'.length;
  const end = qdc.lastIndexOf('</CodeBook>');
  return `${qdc.slice(0, qdc.indexOf(open))}<Project xmlns="urn:QDA-XML:project:1.0" name="codebook"><CodeBook>${qdc.slice(qdc.indexOf(open) + open.length, endCodes)}</CodeBook>${qdc.slice(endCodes, end)}</Project>\n`;
}
