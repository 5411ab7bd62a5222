import { createHash } from 'node:crypto';
import { WeftError } from '@weft/core';
import {
  type QdeCode,
  type QdeProject,
  type QdeSelection,
  type QdeSet,
  type QdeSource,
  type QdeVariable,
  type QdeVariableType,
  type QdeVariableValue,
  writeQdc,
  writeQde,
  writeQdpx,
} from '@weft/formats';
import { type Database, type QdpxExportData, readQdpxExportData } from '@weft/storage';
import type { Kysely } from 'kysely';

/** RFC 4122 §4.3 name-based UUID (SHA-1, version 5): the same name gives the same guid in every export. */
const WEFT_NAMESPACE = Buffer.from('6f0c4b1e2a5d4f5e9b7a1c3d5e7f9a0b', 'hex');
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(WEFT_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const h = hash.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const EXTENSIONS: Record<string, string> = { pdf: 'pdf', picture: 'jpg', audio: 'm4a', video: 'mp4' };

function extensionOf(path: string, kind: string): string {
  const m = /\.([A-Za-z0-9]{1,5})$/.exec(path);
  return (m?.[1] ?? EXTENSIONS[kind] ?? 'bin').toLowerCase();
}

export interface QdpxExportCounts {
  codes: number;
  sources: number;
  codings: number;
  /** Active codings not exported (no trustworthy position). */
  leftOut: number;
}

/** Memo ids by what they are written on ("code:<id>", "document:<id>", …). */
function notesByTarget(data: QdpxExportData): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const m of data.memos) {
    const key = `${m.targetKind}:${m.targetId ?? ''}`;
    const list = out.get(key);
    if (list) list.push(m.id);
    else out.set(key, [m.id]);
  }
  return out;
}

function codeTree(data: QdpxExportData, notes: Map<string, string[]> = new Map()): QdeCode[] {
  const byParent = new Map<string | null, typeof data.codes>();
  const ids = new Set(data.codes.map((c) => c.id));
  for (const c of data.codes) {
    const parent = c.parent_id && ids.has(c.parent_id) ? c.parent_id : null;
    const siblings = byParent.get(parent);
    if (siblings) siblings.push(c);
    else byParent.set(parent, [c]);
  }
  const build = (parent: string | null): QdeCode[] =>
    (byParent.get(parent) ?? []).map((c) => {
      const extra = [
        c.inclusion && `Inclusion: ${c.inclusion}`,
        c.exclusion && `Exclusion: ${c.exclusion}`,
        c.example && `Example: ${c.example}`,
      ].filter(Boolean);
      const description = [c.description, ...extra].filter(Boolean).join('\n\n');
      return {
        guid: c.id,
        name: c.name,
        isCodable: true,
        ...(c.colour ? { color: c.colour } : {}),
        ...(description ? { description } : {}),
        noteRefs: notes.get(`code:${c.id}`) ?? [],
        children: build(c.id),
      };
    });
  return build(null);
}

function setsOf(data: QdpxExportData, codesOnly: boolean): QdeSet[] {
  const codeIds = new Set(data.codes.map((c) => c.id));
  const docIds = new Set(data.documents.map((d) => d.id));
  return data.sets.map((s) => {
    const m = s.members as { codeIds?: string[]; documentIds?: string[]; sourceFileIds?: string[] };
    return {
      guid: s.id,
      name: s.name,
      ...(s.description ? { description: s.description } : {}),
      memberCodes: (m.codeIds ?? []).filter((id) => codeIds.has(id)),
      memberSources: codesOnly
        ? []
        : [...(m.documentIds ?? []).filter((id) => docIds.has(id)), ...(m.sourceFileIds ?? [])],
      memberNotes: [],
    };
  });
}

const VARIABLE_TYPE: Record<string, QdeVariableType> = {
  text: 'Text',
  number: 'Float',
  date: 'Date',
  boolean: 'Boolean',
  choice: 'Text',
};

/** Attributes as variables (numbers that are all whole as Integer), values keyed by their target. */
function variablesOf(data: QdpxExportData): {
  variables: QdeVariable[];
  valuesOf: Map<string, QdeVariableValue[]>;
} {
  const valuesOf = new Map<string, QdeVariableValue[]>();
  const whole = new Set(data.attributes.filter((a) => a.type === 'number').map((a) => a.id));
  for (const v of data.attributeValues) if (!/^-?\d+$/.test(v.value)) whole.delete(v.attributeId);
  const variables = data.attributes.map((a) => ({
    guid: a.id,
    name: a.name,
    type: whole.has(a.id) ? ('Integer' as const) : (VARIABLE_TYPE[a.type] ?? 'Text'),
  }));
  const typeOf = new Map(variables.map((v) => [v.guid, v.type]));
  for (const v of data.attributeValues) {
    const type = typeOf.get(v.attributeId);
    if (!type) continue;
    const list = valuesOf.get(v.targetId) ?? [];
    list.push({ variableGuid: v.attributeId, type, value: v.value });
    valuesOf.set(v.targetId, list);
  }
  return { variables, valuesOf };
}

const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The project as REFI-QDA: a .qdpx (project.qde + sources/) or a .qdc codebook. */
export async function encodeQdpxExport(
  db: Kysely<Database>,
  projectId: string,
  kind: 'qdpx' | 'qdc',
): Promise<{ bytes: Uint8Array; counts: QdpxExportCounts }> {
  const data = await readQdpxExportData(db, projectId, kind === 'qdpx').catch((error) => {
    if ((error as Error).name === 'NoResultError') throw new WeftError('not-found', 'No such project.');
    throw error;
  });
  const notes = notesByTarget(data);
  const codes = codeTree(data, kind === 'qdpx' ? notes : new Map());
  if (kind === 'qdc') {
    if (codes.length === 0)
      throw new WeftError('conflict', 'This project has no codes: a codebook needs at least one.');
    return {
      bytes: new TextEncoder().encode(writeQdc(codes, setsOf(data, true))),
      counts: { codes: data.codes.length, sources: 0, codings: 0, leftOut: 0 },
    };
  }

  const codingsOf = new Map<string, typeof data.codings>();
  for (const c of data.codings) {
    const list = codingsOf.get(c.documentId);
    if (list) list.push(c);
    else codingsOf.set(c.documentId, [c]);
  }
  const representationOf = new Map(
    data.sourceFiles.filter((f) => f.document_id).map((f) => [f.document_id as string, f]),
  );
  const files: { name: string; bytes: Uint8Array }[] = [];
  const textPart = (doc: QdpxExportData['documents'][number]) => {
    files.push({ name: `${doc.id}.txt`, bytes: new TextEncoder().encode(doc.text) });
    return {
      guid: doc.id,
      name: doc.name,
      plainTextPath: `internal://${doc.id}.txt`,
      creatingUser: doc.createdBy,
      creationDateTime: iso(doc.createdAt),
      // One selection per coding: Weft codes spans, not shared quotations.
      selections: (codingsOf.get(doc.id) ?? []).map(
        (c): QdeSelection => ({
          kind: 'text',
          guid: uuidV5(`selection:${c.id}`),
          // A short quote, "…" when cut, as ATLAS.ti names quotations (readers can check positions by it).
          name:
            doc.text
              .slice(c.start, Math.min(c.end, c.start + 40))
              .replace(/\s+/g, ' ')
              .trim() + (c.end - c.start > 40 ? '…' : ''),
          start: c.start,
          end: c.end,
          creatingUser: c.coderId,
          creationDateTime: iso(c.createdAt),
          codings: [
            {
              guid: c.id,
              codeGuid: c.codeId,
              creatingUser: c.coderId,
              creationDateTime: iso(c.createdAt),
              noteRefs: notes.get(`coding:${c.id}`) ?? [],
            },
          ],
          noteRefs: [],
        }),
      ),
    };
  };

  const { variables, valuesOf } = variablesOf(data);
  const sources: QdeSource[] = [];
  for (const doc of data.documents) {
    if (representationOf.has(doc.id)) continue;
    sources.push({
      guid: doc.id,
      kind: 'text',
      name: doc.name,
      text: textPart(doc),
      transcripts: [],
      selections: [],
      noteRefs: notes.get(`document:${doc.id}`) ?? [],
      variableValues: valuesOf.get(doc.id) ?? [],
    });
  }
  const activeCodes = new Set(data.codes.map((c) => c.id));
  const docById = new Map(data.documents.map((d) => [d.id, d]));
  for (const f of data.sourceFiles) {
    const ext = extensionOf(f.path || f.name, f.kind);
    if (f.bytes) files.push({ name: `${f.id}.${ext}`, bytes: new Uint8Array(f.bytes) });
    const rep = f.document_id ? docById.get(f.document_id) : undefined;
    const selections = data.mediaSelections
      .filter((s) => s.source_file_id === f.id && s.kind !== 'transcript')
      .map((s): QdeSelection => {
        const g = s.geometry as Record<string, number>;
        const codings = (s.codings as { codeId: string; guid: string; createdAt: string | null }[])
          .filter((c) => activeCodes.has(c.codeId))
          .map((c) => ({
            guid: uuidV5(`media-coding:${s.id}:${c.guid}`),
            codeGuid: c.codeId,
            ...(c.createdAt ? { creationDateTime: c.createdAt } : {}),
            noteRefs: [],
          }));
        const base = { guid: s.id, name: s.name, codings, noteRefs: [] };
        if (s.kind === 'pdf')
          return {
            kind: 'pdf',
            ...base,
            page: g.page ?? 0,
            firstX: g.firstX ?? 0,
            firstY: g.firstY ?? 0,
            secondX: g.secondX ?? 0,
            secondY: g.secondY ?? 0,
            ...(s.text ? { text: s.text } : {}),
          };
        if (s.kind === 'picture')
          return {
            kind: 'picture',
            ...base,
            firstX: g.firstX ?? 0,
            firstY: g.firstY ?? 0,
            secondX: g.secondX ?? 0,
            secondY: g.secondY ?? 0,
          };
        return {
          kind: s.kind === 'audio' ? 'audio' : 'video',
          ...base,
          begin: g.begin ?? 0,
          end: g.end ?? 0,
        };
      })
      .filter((s) => s.kind === f.kind);
    sources.push({
      guid: f.id,
      kind: f.kind,
      name: f.name,
      ...(f.bytes ? { path: `internal://${f.id}.${ext}` } : {}),
      ...(rep && f.kind === 'pdf' ? { representation: textPart(rep) } : {}),
      transcripts: [],
      selections,
      noteRefs: [],
      variableValues: [],
      creationDateTime: iso(f.created_at),
    });
  }

  const leftOut = [
    'Exported from Weft. Left out because the REFI-QDA project schema cannot hold them: ' +
      'search results, deduplication, screening decisions, appraisals and extractions, the event log' +
      (data.orphanCodings > 0
        ? `, and ${data.orphanCodings} codings whose text could not be placed (orphans)`
        : '') +
      '.',
  ];
  // A PDF's text representation is exported inside its PDF source: a case names that source.
  const sourceGuidOf = new Map(
    data.sourceFiles.filter((f) => f.document_id).map((f) => [f.document_id as string, f.id]),
  );
  const knownUsers = new Set(data.users.map((u) => u.id));
  const project: QdeProject = {
    name: data.project.name,
    origin: 'Weft',
    creatingUserGuid: data.project.createdBy,
    creationDateTime: iso(data.project.createdAt),
    description: [data.project.description, ...leftOut].filter(Boolean).join('\n\n'),
    users: data.users.map((u) => ({ guid: u.id, name: u.displayName })),
    codes,
    variables,
    cases: data.cases.map((c) => ({
      guid: c.id,
      name: c.name,
      ...(c.description ? { description: c.description } : {}),
      codeRefs: [],
      sourceRefs: [...data.documentCases]
        .filter(([, caseId]) => caseId === c.id)
        .map(([documentId]) => sourceGuidOf.get(documentId) ?? documentId),
      selectionRefs: [],
      variableValues: valuesOf.get(c.id) ?? [],
    })),
    sources,
    notes: data.memos.map((m) => ({
      guid: m.id,
      name: m.title,
      text: m.plainText,
      ...(knownUsers.has(m.authorId) ? { creatingUser: m.authorId } : {}),
      creationDateTime: iso(m.createdAt),
    })),
    links: [],
    sets: setsOf(data, false),
    projectNoteRefs: notes.get('project:') ?? [],
  };
  return {
    bytes: writeQdpx(writeQde(project), files),
    counts: {
      codes: data.codes.length,
      sources: sources.length,
      codings: data.codings.length,
      leftOut: data.orphanCodings,
    },
  };
}
