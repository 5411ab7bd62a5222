import { randomUUID } from 'node:crypto';
import {
  ANNOTATION_MAX,
  type Code,
  MEMO_TITLE_MAX,
  type MemoLink,
  makeAnchor,
  memoTitle,
  richDocFromText,
  splitsSurrogatePair,
} from '@weft/core';
import {
  type ArchiveFile,
  flattenCodes,
  type Placement,
  type QdeCoding,
  type QdeSelection,
  type QdpxArchive,
  resolveArchivePath,
} from '@weft/formats';
import type { QdpxImportReport } from '@weft/protocol';
import type { Database, NewAnnotation, NewMemo } from '@weft/storage';
import type { Insertable } from 'kysely';
import { planQdpxCases, type QdpxCasesPlan } from './qdpx-import-cases.js';

/** Rows of a new project built from a REFI-QDA file, and the report of what came in. */
export interface QdpxImportPlan {
  codes: Insertable<Database['codes']>[];
  documents: {
    id: string;
    versionId: string;
    name: string;
    folder: string;
    text: string;
    structure: { kind: 'paragraph'; start: number; end: number }[];
    meta: Record<string, unknown>;
  }[];
  codings: Insertable<Database['codings']>[];
  origins: Omit<Insertable<Database['qdpx_origins']>, 'project_id'>[];
  sourceFiles: Omit<Insertable<Database['qdpx_source_files']>, 'project_id'>[];
  mediaSelections: Omit<Insertable<Database['qdpx_media_selections']>, 'project_id'>[];
  sets: Omit<Insertable<Database['qdpx_sets']>, 'project_id'>[];
  /** REFI notes as memos (on what their first NoteRef names, else the project), with links. */
  memos: { memo: NewMemo; links: MemoLink[] }[];
  /** Descriptions of coded selections (ATLAS.ti quotation comments) as annotations of their codings. */
  annotations: NewAnnotation[];
  /** Cases with their documents, variables as attributes and their values. */
  cases: QdpxCasesPlan;
  /** The codebook as core codes, for the `code.created` events of the import. */
  eventCodes: Code[];
  report: QdpxImportReport;
}

/** Paragraphs as the plain-text extractor finds them: runs of non-blank lines, trimmed. */
function paragraphs(text: string): { kind: 'paragraph'; start: number; end: number }[] {
  const out: { kind: 'paragraph'; start: number; end: number }[] = [];
  for (const match of text.matchAll(/[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*/g)) {
    const leading = match[0].length - match[0].trimStart().length;
    out.push({
      kind: 'paragraph',
      start: match.index + leading,
      end: match.index + match[0].trimEnd().length,
    });
  }
  return out;
}

/** #RGB → #rrggbb (Weft stores six digits); anything else is dropped. */
function colourOf(color: string | undefined): string | null {
  if (!color) return null;
  if (/^#[0-9a-f]{6}$/i.test(color)) return color.toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase() : null;
}

function dateOr(value: string | undefined, fallback: Date): Date {
  if (!value) return fallback;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? fallback : d;
}

export function planQdpxImport(
  archive: QdpxArchive,
  placement: Placement,
  projectId: string,
  actorId: string,
  at: Date,
): QdpxImportPlan {
  const { project } = archive;
  const userName = new Map(project.users.map((u) => [u.guid.toLowerCase(), u.name ?? u.id ?? u.guid]));
  const creator = (guid: string | undefined) => ({
    creator_guid: guid ?? null,
    creator_name: guid ? (userName.get(guid.toLowerCase()) ?? null) : null,
  });
  const adapted: string[] = [];
  const notImported: QdpxImportReport['notImported'] = [];
  const orphans: QdpxImportReport['orphans'] = [];
  const origins: QdpxImportPlan['origins'] = [];

  // Codes, with their hierarchy; REFI guids map to fresh ids (the same file may be imported twice).
  const codeId = new Map<string, string>();
  const codes: QdpxImportPlan['codes'] = [];
  const eventCodes: Code[] = [];
  const siblingIndex = new Map<string | null, number>();
  let notCodable = 0;
  for (const { code, parentGuid } of flattenCodes(project.codes)) {
    const id = randomUUID();
    codeId.set(code.guid.toLowerCase(), id);
    const parentId = parentGuid ? (codeId.get(parentGuid.toLowerCase()) ?? null) : null;
    const position = siblingIndex.get(parentId) ?? 0;
    siblingIndex.set(parentId, position + 1);
    if (!code.isCodable) notCodable++;
    const colour = colourOf(code.color);
    codes.push({
      id,
      project_id: projectId,
      parent_id: parentId,
      name: code.name.trim() || '(unnamed code)',
      description: code.description ?? '',
      inclusion: '',
      exclusion: '',
      example: '',
      colour,
      position,
      status: 'active',
      created_at: at,
      created_by: actorId,
    });
    eventCodes.push({
      type: 'code',
      id,
      parentId,
      name: code.name.trim() || '(unnamed code)',
      position,
      status: 'active',
      deletedWith: null,
      merge: null,
      description: code.description ?? '',
      inclusion: '',
      exclusion: '',
      example: '',
      colour,
      shortcut: null,
    });
    origins.push({ entity: 'code', entity_id: id, guid: code.guid, creator_guid: null, creator_name: null });
  }
  if (notCodable > 0)
    adapted.push(`${notCodable} codes marked not codable in the file (folders) came in as ordinary codes`);
  const codeOf = (coding: QdeCoding) => codeId.get(coding.codeGuid.toLowerCase()) ?? '';

  // Text sources and PDF text representations become text documents.
  const documents: QdpxImportPlan['documents'] = [];
  const codings: QdpxImportPlan['codings'] = [];
  const documentOfSource = new Map<string, string>();
  /** Weft coding ids per REFI selection guid, for note references, links and annotations. */
  const codingsOfSelection = new Map<string, string[]>();
  const annotations: NewAnnotation[] = [];
  /** The first thing that refers to each note: where its memo is attached. */
  const noteTarget = new Map<string, { kind: NewMemo['targetKind']; id: string | null }>();
  const refer = (refs: readonly string[], kind: NewMemo['targetKind'], id: string | null) => {
    for (const ref of refs)
      if (!noteTarget.has(ref.toLowerCase())) noteTarget.set(ref.toLowerCase(), { kind, id });
  };
  refer(project.projectNoteRefs, 'project', null);
  let bomStripped = 0;
  let uncodedSelections = 0;
  let missingTexts = 0;
  for (const placed of placement.texts) {
    const id = randomUUID();
    const versionId = randomUUID();
    const text = placed.text ?? '';
    if (placed.bom) bomStripped++;
    if (placed.text === null) missingTexts++;
    documentOfSource.set(placed.source.guid.toLowerCase(), id);
    documents.push({
      id,
      versionId,
      name: placed.role === 'representation' ? `${placed.source.name} (text)` : placed.source.name,
      folder: '',
      text,
      structure: paragraphs(text),
      meta: {
        format: 'txt',
        qdpx: {
          sourceGuid: placed.source.guid,
          textGuid: placed.part.guid,
          role: placed.role,
          plainTextPath: placed.part.plainTextPath ?? null,
          from: placed.from ?? null,
          bom: placed.bom,
          lineEndings: placed.crlf ? 'crlf' : 'lf',
          ...(placed.missing ? { missing: placed.missing } : {}),
        },
      },
    });
    origins.push({
      entity: 'document',
      entity_id: id,
      guid: placed.source.guid,
      ...creator(placed.source.creatingUser),
    });
    refer(placed.source.noteRefs, 'document', id);
    for (const p of placed.selections) {
      if (p.selection.codings.length === 0) uncodedSelections++;
      const selectionCodings: string[] = [];
      codingsOfSelection.set(p.selection.guid.toLowerCase(), selectionCodings);
      const empty = p.placed && p.start >= p.end;
      const reason = !p.placed ? p.reason : empty ? 'the selection is empty' : undefined;
      if (reason && p.selection.codings.length > 0 && orphans.length < 100)
        orphans.push({ selectionGuid: p.selection.guid, source: placed.source.name, reason });
      for (const coding of p.selection.codings) {
        const id2 = randomUUID();
        selectionCodings.push(id2);
        refer(coding.noteRefs, 'coding', id2);
        if (p.selection.description)
          annotations.push({
            id: randomUUID(),
            projectId,
            codingId: id2,
            text: p.selection.description.trim().slice(0, ANNOTATION_MAX),
            authorId: actorId,
          });
        // A position inside a surrogate pair (a tool counting code points, say) takes the whole
        // character: half of one cannot be stored.
        const start = splitsSurrogatePair(text, p.start) ? p.start - 1 : p.start;
        const end = splitsSurrogatePair(text, p.end) ? p.end + 1 : p.end;
        const anchored = p.placed && !empty ? makeAnchor(text, start, end) : undefined;
        codings.push({
          id: id2,
          project_id: projectId,
          code_id: codeOf(coding),
          document_id: id,
          version_id: versionId,
          start_offset: anchored ? start : Math.min(p.start, text.length),
          end_offset: anchored ? end : Math.min(p.start, text.length),
          exact: anchored ? anchored.quote.exact : (p.selection.name ?? ''),
          prefix: anchored ? anchored.quote.prefix : '',
          suffix: anchored ? anchored.quote.suffix : '',
          coder_id: actorId,
          created_at: dateOr(coding.creationDateTime, at),
          status: 'active',
          anchor_status: anchored ? 'kept' : 'orphan',
          score: anchored ? 1 : 0,
        });
        origins.push({
          entity: 'coding',
          entity_id: id2,
          guid: coding.guid,
          ...creator(coding.creatingUser ?? p.selection.creatingUser),
        });
      }
    }
  }
  for (const placed of placement.texts)
    for (const p of placed.selections) {
      const first = codingsOfSelection.get(p.selection.guid.toLowerCase())?.[0];
      if (first) refer(p.selection.noteRefs, 'coding', first);
      else
        refer(
          p.selection.noteRefs,
          'document',
          documentOfSource.get(placed.source.guid.toLowerCase()) ?? null,
        );
    }
  for (const { code } of flattenCodes(project.codes))
    refer(code.noteRefs, 'code', codeId.get(code.guid.toLowerCase()) ?? null);
  if (bomStripped > 0)
    adapted.push(`byte order mark removed from ${bomStripped} plain texts (positions exclude it)`);
  const crlfTexts = placement.texts.filter((t) => t.crlf).length;
  if (placement.convention === 'crlf-as-one' && crlfTexts > 0)
    adapted.push(
      `positions counted CRLF as one character (${project.origin ?? 'the file'}); converted for ${crlfTexts} texts with Windows line breaks`,
    );
  if (placement.convention === 'code-points')
    adapted.push('positions counted Unicode characters (code points); converted to UTF-16 units');
  if (archive.sourcesFolder && archive.sourcesFolder !== 'sources')
    adapted.push(`sources folder named "${archive.sourcesFolder}/" (the standard says "sources/")`);
  if (archive.kind === 'qdpx' && archive.qdeName.toLowerCase() !== 'project.qde')
    adapted.push(`project file named "${archive.qdeName}" (the standard says project.qde)`);
  else if (archive.kind === 'qdpx' && archive.qdeName !== 'project.qde')
    adapted.push(`project file named "${archive.qdeName}" (letter case differs from project.qde)`);
  if (missingTexts > 0)
    notImported.push({
      what: 'plain texts',
      count: missingTexts,
      why: 'the file names them but the archive does not hold them; their documents are empty and their codings orphans',
    });
  if (uncodedSelections > 0)
    notImported.push({
      what: 'plain-text selections without a code',
      count: uncodedSelections,
      why: 'Weft keeps codings, not bare selections (quotations); their descriptions are not imported',
    });

  // Media sources: their files and the selections Weft cannot code yet.
  const sourceFiles: QdpxImportPlan['sourceFiles'] = [];
  const mediaSelections: QdpxImportPlan['mediaSelections'] = [];
  const sourceFileOf = new Map<string, string>();
  let missingFiles = 0;
  let mediaCodings = 0;
  for (const source of project.sources) {
    if (source.kind === 'text') continue;
    const file: ArchiveFile | undefined = source.path ? resolveArchivePath(archive, source.path) : undefined;
    if (!file) missingFiles++;
    const id = randomUUID();
    sourceFileOf.set(source.guid.toLowerCase(), id);
    sourceFiles.push({
      id,
      guid: source.guid,
      kind: source.kind,
      name: source.name,
      path: source.path ?? '',
      document_id: source.kind === 'pdf' ? (documentOfSource.get(source.guid.toLowerCase()) ?? null) : null,
      byte_size: file?.bytes.byteLength ?? 0,
      bytes: file ? Buffer.from(file.bytes) : null,
      created_at: dateOr(source.creationDateTime, at),
    });
    origins.push({
      entity: 'source-file',
      entity_id: id,
      guid: source.guid,
      ...creator(source.creatingUser),
    });
    const media: QdeSelection[] = [...source.selections, ...source.transcripts.flatMap((t) => t.selections)];
    for (const s of media) {
      mediaCodings += s.codings.length;
      mediaSelections.push({
        id: randomUUID(),
        source_file_id: id,
        guid: s.guid,
        kind: s.kind === 'text' ? 'transcript' : s.kind,
        name: s.name ?? '',
        geometry: JSON.stringify(geometryOf(s)),
        text: s.kind === 'pdf' ? (s.text ?? null) : null,
        codings: JSON.stringify(
          s.codings.map((c) => ({
            codeId: codeOf(c),
            guid: c.guid,
            creatorName: c.creatingUser ? (userName.get(c.creatingUser.toLowerCase()) ?? null) : null,
            createdAt: c.creationDateTime ?? null,
          })),
        ),
        created_at: dateOr(s.creationDateTime, at),
      });
    }
  }
  if (missingFiles > 0)
    notImported.push({
      what: 'media files (PDF, picture, audio, video)',
      count: missingFiles,
      why: 'the archive does not hold them (or they were linked outside it); their selections are kept without the file',
    });
  if (mediaSelections.length > 0)
    adapted.push(
      `${mediaSelections.length} PDF/picture/audio/video/transcript selections (${mediaCodings} codings) kept as they are: Weft cannot code those media yet`,
    );

  // Sets of codes and sources.
  const sets: QdpxImportPlan['sets'] = project.sets.map((set) => {
    const id = randomUUID();
    origins.push({ entity: 'set', entity_id: id, guid: set.guid, creator_guid: null, creator_name: null });
    const map = (guids: string[], ids: Map<string, string>) =>
      guids.flatMap((g) => {
        const found = ids.get(g.toLowerCase());
        return found ? [found] : [];
      });
    return {
      id,
      guid: set.guid,
      name: set.name,
      description: set.description ?? '',
      members: JSON.stringify({
        codeIds: map(set.memberCodes, codeId),
        documentIds: map(set.memberSources, documentOfSource),
        sourceFileIds: map(set.memberSources, sourceFileOf),
        noteGuids: set.memberNotes,
      }),
    };
  });

  const textSelections = placement.texts.reduce((n, t) => n + t.selections.length, 0);
  const orphanCodings = codings.filter((c) => c.anchor_status === 'orphan').length;
  if (project.users.length > 0)
    adapted.push(
      `codings by ${project.users.length} REFI users attributed to the importing account; each coding keeps its original creator's name`,
    );
  const memos: QdpxImportPlan['memos'] = project.notes.map((note) => {
    const text = [note.description, loadNoteText(archive, note)].filter(Boolean).join('\n\n');
    const target = noteTarget.get(note.guid.toLowerCase()) ?? { kind: 'project' as const, id: null };
    // ATLAS.ti links a memo to a quotation with a Link rather than a NoteRef.
    const links: MemoLink[] = project.links
      .filter((l) => l.originGuid?.toLowerCase() === note.guid.toLowerCase() && l.targetGuid)
      .flatMap((l) =>
        (codingsOfSelection.get(l.targetGuid?.toLowerCase() ?? '') ?? []).map((id) => ({
          kind: 'coding' as const,
          targetId: id,
        })),
      );
    return {
      memo: {
        id: randomUUID(),
        projectId,
        title: memoTitle((note.name ?? '').slice(0, MEMO_TITLE_MAX), text),
        content: richDocFromText(text),
        plainText: text,
        targetKind: target.kind,
        targetId: target.id,
        authorId: actorId,
      },
      links,
    };
  });
  if (annotations.length > 0)
    adapted.push(
      `${annotations.length} descriptions of coded selections came in as annotations of their codings`,
    );
  const cases = planQdpxCases(project, documentOfSource, projectId);
  adapted.push(...cases.adapted);
  notImported.push(...cases.notImported);
  const noteGuids = new Set(project.notes.map((n) => n.guid.toLowerCase()));
  const otherLinks = project.links.filter((l) => !noteGuids.has(l.originGuid?.toLowerCase() ?? '')).length;
  if (otherLinks > 0)
    notImported.push({
      what: 'links',
      count: otherLinks,
      why: 'Weft links memos to things, not codes or sources to each other',
    });

  return {
    codes,
    documents,
    codings,
    origins,
    sourceFiles,
    mediaSelections,
    sets,
    memos,
    annotations,
    cases,
    eventCodes,
    report: {
      fileName: archive.fileName,
      origin: project.origin ?? '',
      qdeName: archive.qdeName,
      read: archive.counts,
      imported: {
        codes: codes.length,
        documents: documents.length,
        sourceFiles: sourceFiles.length,
        codings: codings.length,
        orphanCodings,
        mediaSelections: mediaSelections.length,
        sets: sets.length,
        notes: memos.length,
        cases: cases.cases.length,
        variables: cases.variables,
        usersMapped: project.users.length,
      },
      positions: {
        convention: placement.convention,
        decidedBy: placement.decidedBy,
        quoted: placement.evidence,
        wordAligned: placement.boundaries,
        textSelections,
      },
      adapted,
      notImported,
      orphans,
    },
  };
}

const utf8 = new TextDecoder();

/** A note's text: inline, or from its plain-text file in the archive. */
function loadNoteText(archive: QdpxArchive, note: { text: string; plainTextPath?: string }): string {
  if (note.text || !note.plainTextPath) return note.text;
  const file = resolveArchivePath(archive, note.plainTextPath);
  return file ? utf8.decode(file.bytes) : '';
}

function geometryOf(s: QdeSelection): Record<string, unknown> {
  switch (s.kind) {
    case 'pdf':
      return { page: s.page, firstX: s.firstX, firstY: s.firstY, secondX: s.secondX, secondY: s.secondY };
    case 'picture':
      return { firstX: s.firstX, firstY: s.firstY, secondX: s.secondX, secondY: s.secondY };
    case 'audio':
    case 'video':
      return { begin: s.begin, end: s.end };
    case 'transcript':
      return { fromSyncPoint: s.fromSyncPoint ?? null, toSyncPoint: s.toSyncPoint ?? null };
    case 'text':
      return { start: s.start, end: s.end };
  }
}
