import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { User } from '@weft/core';
import { qdpxFixtures, readQdpx } from '@weft/formats';
import type { CommandResults } from '@weft/protocol';
import { saveQdpxUpload } from '@weft/storage';
import { availableBackends, createTestStore, type TestStore } from '@weft/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstOwner } from '../../auth/first-owner.js';
import { encodeQdpxExport } from '../../qdpx/qdpx-export.js';
import { qdcAsProject, validateAgainstXsd, xmllintAvailable } from '../../qdpx/xsd-validate.js';
import { executeCommand } from '../execute-command.js';

const DATA = join(import.meta.dirname, '../../../../../../shared/data/qdpx');
const NVIVO = 'nvivo-win-oltas0517.qdpx';

type ImportResult = CommandResults['project.import-qdpx'];

const COUNTED_TABLES = [
  'projects',
  'members',
  'events',
  'commands',
  'documents',
  'document_versions',
  'codes',
  'codings',
  'qdpx_imports',
  'qdpx_origins',
  'qdpx_source_files',
  'qdpx_media_selections',
  'qdpx_sets',
  'memos',
  'memo_links',
  'annotations',
  'cases',
  'attribute_definitions',
  'attribute_values',
] as const;

describe.each(availableBackends())('project.import-qdpx on %s', (backend) => {
  let store: TestStore;
  let actor: User;

  beforeAll(async () => {
    store = await createTestStore(backend);
    actor = await createFirstOwner(store, {
      username: 'importer',
      displayName: 'Ida Importer',
      password: 'long-enough-password',
    });
  });
  afterAll(async () => store?.destroy());

  async function importBytes(bytes: Uint8Array, fileName: string): Promise<ImportResult> {
    const uploadId = randomUUID();
    await saveQdpxUpload(store.db, { id: uploadId, fileName, bytes, uploadedBy: actor.id }, new Date());
    const response = await executeCommand(store, actor, {
      id: randomUUID(),
      type: 'project.import-qdpx',
      payload: { uploadId },
    });
    return response.result as ImportResult;
  }

  async function rowCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const row = await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  /** Every text coding of the project with its document's text at its positions. */
  async function codingTexts(projectId: string) {
    return store.db
      .selectFrom('codings')
      .innerJoin('document_versions', 'document_versions.id', 'codings.version_id')
      .innerJoin('documents', 'documents.id', 'codings.document_id')
      .innerJoin('codes', 'codes.id', 'codings.code_id')
      .select([
        'codings.start_offset',
        'codings.end_offset',
        'codings.exact',
        'codings.anchor_status',
        'document_versions.text',
        'documents.name as document',
        'codes.name as code',
      ])
      .where('codings.project_id', '=', projectId)
      .execute();
  }

  it.skipIf(!existsSync(DATA))(
    'imports the NVivo file: every coding lands on its text; export → import gives the same project',
    async () => {
      const bytes = new Uint8Array(readFileSync(join(DATA, NVIVO)));
      const first = await importBytes(bytes, NVIVO);
      expect(first.report.imported).toMatchObject({
        codes: 152,
        documents: 2,
        codings: 303,
        orphanCodings: 0,
      });
      expect(first.report.positions.convention).toBe('utf16');
      expect(first.report.adapted.join('\n')).toMatch(/byte order mark removed from 2 plain texts/);
      const project = await store.db
        .selectFrom('projects')
        .selectAll()
        .where('id', '=', first.projectId)
        .executeTakeFirstOrThrow();
      // NVivo names never-named projects "Untitled": the file name is the better name.
      expect(project.name).toBe('nvivo-win-oltas0517');

      const rows = await codingTexts(first.projectId);
      expect(rows).toHaveLength(303);
      // Imported codes and codings are ordinary coding events too (the codebook fold and history read them).
      const events = await store.db
        .selectFrom('events')
        .select(['type', (eb) => eb.fn.countAll<string>().as('n')])
        .where('project_id', '=', first.projectId)
        .groupBy('type')
        .orderBy('type')
        .execute();
      expect(events.map((e) => `${e.type}:${e.n}`)).toEqual([
        'code.created:152',
        'coding.added:303',
        'project.qdpx-imported:1',
      ]);
      // Share of codings whose stored text equals the source at the converted positions: 303/303.
      const matching = rows.filter((r) => r.text.slice(r.start_offset, r.end_offset) === r.exact);
      expect(matching.length / rows.length).toBe(1);
      expect(rows.every((r) => r.anchor_status === 'kept' && r.end_offset > r.start_offset)).toBe(true);
      // Texts are kept byte for byte apart from the BOM (Windows line breaks stay).
      const source = readQdpx(bytes, NVIVO).files.get('sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt');
      const text = new TextDecoder().decode(source?.bytes);
      expect(rows.some((r) => r.text === text)).toBe(true);

      const exported = await encodeQdpxExport(store.db, first.projectId, 'qdpx');
      expect(exported.counts).toEqual({ codes: 152, sources: 2, codings: 303, leftOut: 0 });
      const again = await importBytes(exported.bytes, 'round-trip.qdpx');
      expect(again.report.imported).toMatchObject({
        codes: 152,
        documents: 2,
        codings: 303,
        orphanCodings: 0,
      });
      const key = (r: {
        document: string;
        code: string;
        start_offset: number;
        end_offset: number;
        exact: string;
      }) => `${r.document}|${r.code}|${r.start_offset}|${r.end_offset}|${r.exact}`;
      const back = await codingTexts(again.projectId);
      expect(back.map(key).sort()).toEqual(rows.map(key).sort());
      const codeNames = async (projectId: string) =>
        (
          await store.db
            .selectFrom('codes')
            .select(['name', 'colour', 'description'])
            .where('project_id', '=', projectId)
            .execute()
        )
          .map((c) => JSON.stringify(c))
          .sort();
      expect(await codeNames(again.projectId)).toEqual(await codeNames(first.projectId));

      // A second export of the same project is byte-identical apart from zip timestamps: same guids.
      const qde = (b: Uint8Array) => readQdpx(b, 'x.qdpx').project;
      const second = await encodeQdpxExport(store.db, first.projectId, 'qdpx');
      expect(qde(second.bytes)).toEqual(qde(exported.bytes));
    },
  );

  it.skipIf(!existsSync(DATA))(
    'imports the ATLAS.ti archive: missing texts give orphans, media selections kept',
    async () => {
      const name = 'atlasti-TestProject.qdpx';
      const result = await importBytes(new Uint8Array(readFileSync(join(DATA, name))), name);
      expect(result.report.read).toMatchObject({ codes: 14, sources: 12, selections: 15, codings: 16 });
      expect(result.report.imported).toMatchObject({
        codes: 14,
        // 6 text sources + 2 PDF representations; their plain texts are not in the archive.
        documents: 8,
        sourceFiles: 6,
        // Text codings: 1 + 3 + 3 on text sources, 2 on a PDF representation (the 7 PDF, picture
        // and video codings stay with their media selections).
        codings: 9,
        orphanCodings: 9,
        // 4 PDF, 1 picture, 2 video selections.
        mediaSelections: 7,
        sets: 16,
        notes: 2,
      });
      expect(result.report.orphans).toHaveLength(7);
      expect(result.report.notImported.map((n) => n.what)).toEqual(
        expect.arrayContaining(['plain texts', 'media files (PDF, picture, audio, video)']),
      );
      expect(result.report.adapted.join('\n')).toMatch(/project file named "Project\.qde"/);
      const memos = await store.db
        .selectFrom('memos')
        .select(['title', 'plain_text', 'target_kind'])
        .where('project_id', '=', result.projectId)
        .orderBy('title')
        .execute();
      expect(memos).toEqual([
        {
          title: 'My favorite Coke ad',
          plain_text: 'This version is much better than the new Director’s cut',
          target_kind: 'project',
        },
        {
          title: 'Research Plan',
          plain_text:
            'day to day log about this amazing project\n\nThis is a great project by a dynamic team of researcher-developers.',
          target_kind: 'project',
        },
      ]);
      // The one coded quotation with a comment (Simon.docx, "why does Simon feel the need to do this?").
      const annotations = await store.db
        .selectFrom('annotations')
        .select('text')
        .where('project_id', '=', result.projectId)
        .execute();
      expect(annotations).toEqual([{ text: 'why does Simon feel the need to do this?' }]);

      // Exported again: memos as notes on the project, media selections kept, valid against the XSD.
      const exported = await encodeQdpxExport(store.db, result.projectId, 'qdpx');
      const archive = readQdpx(exported.bytes, 'again.qdpx');
      expect(archive.project.notes.map((n) => n.name).sort()).toEqual([
        'My favorite Coke ad',
        'Research Plan',
      ]);
      expect(archive.project.projectNoteRefs).toHaveLength(2);
      expect(archive.counts).toMatchObject({ codes: 14, sets: 16, notes: 2 });
      if (xmllintAvailable()) expect(validateAgainstXsd(archive.qdeText)).toBe('');
    },
  );

  it('imports an ATLAS.ti-style archive counting CRLF as one onto the right words', async () => {
    const result = await importBytes(qdpxFixtures.atlasStyleQdpx(), 'atlas.qdpx');
    expect(result.report.positions).toMatchObject({ convention: 'crlf-as-one', decidedBy: 'selection-text' });
    const rows = await codingTexts(result.projectId);
    expect(rows.map((r) => r.text.slice(r.start_offset, r.end_offset)).sort()).toEqual([
      'second line',
      'third line',
    ]);
    expect(result.report.adapted.join('\n')).toMatch(/CRLF as one character/);
  });

  it('imports cases with their documents, variables as typed attributes, and a note on a code', async () => {
    const result = await importBytes(qdpxFixtures.casesQdpx(), 'cases.qdpx');
    expect(result.report.imported).toMatchObject({ cases: 2, variables: 4, notes: 1, codings: 1 });
    expect(result.report.notImported).toEqual(
      expect.arrayContaining([expect.objectContaining({ what: 'variable values', count: 1 })]),
    );
    expect(result.report.adapted.join('\n')).toMatch(/date-time variables became text attributes/);
    const cases = await store.db
      .selectFrom('cases')
      .select(['id', 'name', 'classification', 'description'])
      .where('project_id', '=', result.projectId)
      .orderBy('name')
      .execute();
    expect(cases.map((c) => [c.name, c.classification, c.description])).toEqual([
      ['Ada', 'case', 'First participant'],
      ['Bo', 'case', ''],
    ]);
    const document = await store.db
      .selectFrom('documents')
      .select('case_id')
      .where('project_id', '=', result.projectId)
      .executeTakeFirstOrThrow();
    expect(document.case_id).toBe(cases[0]?.id);
    const values = await store.db
      .selectFrom('attribute_values')
      .innerJoin('attribute_definitions', 'attribute_definitions.id', 'attribute_values.attribute_id')
      .select([
        'attribute_definitions.name',
        'attribute_definitions.classification',
        'attribute_definitions.type',
        'attribute_values.value',
      ])
      .where('attribute_values.project_id', '=', result.projectId)
      .orderBy('attribute_definitions.name')
      .orderBy('attribute_values.value')
      .execute();
    expect(values.map((v) => `${v.classification}/${v.name}:${v.type}=${v.value}`)).toEqual([
      'case/Age:number=34',
      'document/Consent:boolean=true',
      'case/Gender:text=female',
      'case/Gender:text=male',
      'case/Interviewed:text=2024-01-02T10:00:00Z',
    ]);
    const memo = await store.db
      .selectFrom('memos')
      .select(['title', 'target_kind'])
      .where('project_id', '=', result.projectId)
      .executeTakeFirstOrThrow();
    expect(memo).toEqual({ title: 'About lines', target_kind: 'code' });

    // Round trip: cases, variables and values come back the same, and the export validates.
    const exported = await encodeQdpxExport(store.db, result.projectId, 'qdpx');
    const archive = readQdpx(exported.bytes, 'cases-again.qdpx');
    if (xmllintAvailable()) expect(validateAgainstXsd(archive.qdeText)).toBe('');
    const again = await importBytes(exported.bytes, 'cases-again.qdpx');
    expect(again.report.imported).toMatchObject({ cases: 2, variables: 4, notes: 1, codings: 1 });
    const valuesAgain = await store.db
      .selectFrom('attribute_values')
      .innerJoin('attribute_definitions', 'attribute_definitions.id', 'attribute_values.attribute_id')
      .select([
        'attribute_definitions.name',
        'attribute_definitions.classification',
        'attribute_values.value',
      ])
      .where('attribute_values.project_id', '=', again.projectId)
      .orderBy('attribute_definitions.name')
      .orderBy('attribute_values.value')
      .execute();
    expect(valuesAgain.map((v) => `${v.classification}/${v.name}=${v.value}`)).toEqual(
      values.map((v) => `${v.classification}/${v.name}=${v.value}`),
    );
  });

  it.each([
    ['not a zip', qdpxFixtures.MALFORMED.notZip, /not a REFI-QDA file/],
    ['zip without a .qde', qdpxFixtures.MALFORMED.zipWithoutQde, /no \.qde project file/],
    ['invalid XML', qdpxFixtures.MALFORMED.invalidXml, /line 5: invalid XML/],
    [
      'selection beyond the end',
      qdpxFixtures.MALFORMED.selectionBeyondEnd,
      /beyond the end of source "Interview 1"/,
    ],
    ['unknown code GUID', qdpxFixtures.MALFORMED.unknownCode, /not in the codebook/],
  ])('refuses %s and leaves the store unchanged', async (_what, make, message) => {
    const before = await rowCounts();
    await expect(importBytes(make(), 'bad.qdpx')).rejects.toThrow(message);
    expect(await rowCounts()).toEqual(before);
  });

  it.skipIf(!xmllintAvailable() && !process.env.CI)(
    'exports a .qdpx and a .qdc that Project.xsd accepts',
    async () => {
      const result = await importBytes(qdpxFixtures.atlasStyleQdpx(), 'atlas.qdpx');
      const exported = await encodeQdpxExport(store.db, result.projectId, 'qdpx');
      const archive = readQdpx(exported.bytes, 'x.qdpx');
      expect(archive.qdeName).toBe('project.qde');
      expect([...archive.files.keys()].every((k) => k.startsWith('sources/') && k.endsWith('.txt'))).toBe(
        true,
      );
      expect(validateAgainstXsd(archive.qdeText)).toBe('');
      const qdc = new TextDecoder().decode((await encodeQdpxExport(store.db, result.projectId, 'qdc')).bytes);
      expect(validateAgainstXsd(qdcAsProject(qdc))).toBe('');
    },
  );
});

describe('xmllint', () => {
  it.runIf(process.env.CI)('is installed in CI (the XSD tests must not be skipped there)', () => {
    expect(() => execFileSync('xmllint', ['--version'], { stdio: 'ignore' })).not.toThrow();
  });
});
