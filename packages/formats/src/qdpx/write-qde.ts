import { zipSync } from 'fflate';
import type {
  QdeCase,
  QdeCode,
  QdeCoding,
  QdeProject,
  QdeSelection,
  QdeSet,
  QdeSource,
  QdeTextPart,
  QdeUser,
  QdeVariable,
  QdeVariableValue,
} from './qde-model.js';

/*
 * Writes the model as REFI-QDA XML in the element order Project.xsd prescribes (a sequence, so
 * order matters to a validating reader). Characters XML 1.0 cannot carry are dropped; line breaks
 * inside attributes are written as character references so they survive attribute normalisation.
 */

const PROJECT_NS = 'urn:QDA-XML:project:1.0';
const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters XML 1.0 forbids
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters need escaping or dropping
const NEEDS_ESCAPE = /[&<>"\u0000-\u001f\ufffe\uffff]/;

function escText(s: string): string {
  // Most names and numbers need nothing: skip the replace chain (100,000 selections allocate less).
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

function escAttr(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return escText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

type Attrs = Record<string, string | number | boolean | undefined>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out += ` ${k}="${escAttr(String(v))}"`;
  return out;
}

const INDENT = Array.from({ length: 12 }, (_, i) => '  '.repeat(i));
const pad = (depth: number) => INDENT[depth] ?? '  '.repeat(depth);

class XmlOut {
  readonly parts: string[] = [];
  open(name: string, a: Attrs = {}, depth = 0): void {
    this.parts.push(`${pad(depth)}<${name}${attrs(a)}>\n`);
  }
  close(name: string, depth = 0): void {
    this.parts.push(`${pad(depth)}</${name}>\n`);
  }
  empty(name: string, a: Attrs = {}, depth = 0): void {
    this.parts.push(`${pad(depth)}<${name}${attrs(a)}/>\n`);
  }
  text(name: string, value: string | undefined, depth = 0): void {
    if (value === undefined || value === '') return;
    this.parts.push(`${pad(depth)}<${name}>${escText(value)}</${name}>\n`);
  }
  toString(): string {
    return this.parts.join('');
  }
}

function writeCode(out: XmlOut, code: QdeCode, depth: number): void {
  const a = { guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color };
  if (!code.description && code.noteRefs.length === 0 && code.children.length === 0) {
    out.empty('Code', a, depth);
    return;
  }
  out.open('Code', a, depth);
  out.text('Description', code.description, depth + 1);
  for (const ref of code.noteRefs) out.empty('NoteRef', { targetGUID: ref }, depth + 1);
  for (const child of code.children) writeCode(out, child, depth + 1);
  out.close('Code', depth);
}

function writeCodes(out: XmlOut, codes: readonly QdeCode[], depth: number): void {
  out.open('Codes', {}, depth);
  for (const code of codes) writeCode(out, code, depth + 1);
  out.close('Codes', depth);
}

function writeSets(out: XmlOut, sets: readonly QdeSet[], depth: number): void {
  if (sets.length === 0) return;
  out.open('Sets', {}, depth);
  for (const set of sets) {
    out.open('Set', { guid: set.guid, name: set.name }, depth + 1);
    out.text('Description', set.description, depth + 2);
    for (const g of set.memberCodes) out.empty('MemberCode', { targetGUID: g }, depth + 2);
    for (const g of set.memberSources) out.empty('MemberSource', { targetGUID: g }, depth + 2);
    for (const g of set.memberNotes) out.empty('MemberNote', { targetGUID: g }, depth + 2);
    out.close('Set', depth + 1);
  }
  out.close('Sets', depth);
}

function writeCodings(out: XmlOut, codings: readonly QdeCoding[], depth: number): void {
  for (const c of codings) {
    out.open(
      'Coding',
      { guid: c.guid, creatingUser: c.creatingUser, creationDateTime: c.creationDateTime },
      depth,
    );
    out.empty('CodeRef', { targetGUID: c.codeGuid }, depth + 1);
    for (const ref of c.noteRefs) out.empty('NoteRef', { targetGUID: ref }, depth + 1);
    out.close('Coding', depth);
  }
}

const SELECTION_TAG: Record<QdeSelection['kind'], string> = {
  text: 'PlainTextSelection',
  pdf: 'PDFSelection',
  picture: 'PictureSelection',
  audio: 'AudioSelection',
  video: 'VideoSelection',
  transcript: 'TranscriptSelection',
};

function selectionAttrs(s: QdeSelection): Attrs {
  const base = { guid: s.guid, name: s.name };
  const stamp = { creatingUser: s.creatingUser, creationDateTime: s.creationDateTime };
  switch (s.kind) {
    case 'text':
      return { ...base, startPosition: s.start, endPosition: s.end, ...stamp };
    case 'pdf':
      return {
        ...base,
        page: s.page,
        firstX: s.firstX,
        firstY: s.firstY,
        secondX: s.secondX,
        secondY: s.secondY,
        ...stamp,
      };
    case 'picture':
      return {
        ...base,
        firstX: s.firstX,
        firstY: s.firstY,
        secondX: s.secondX,
        secondY: s.secondY,
        ...stamp,
      };
    case 'audio':
    case 'video':
      return { ...base, begin: s.begin, end: s.end, ...stamp };
    case 'transcript':
      return { ...base, fromSyncPoint: s.fromSyncPoint, toSyncPoint: s.toSyncPoint, ...stamp };
  }
}

function writeSelection(out: XmlOut, s: QdeSelection, depth: number): void {
  const tag = SELECTION_TAG[s.kind];
  out.open(tag, selectionAttrs(s), depth);
  out.text('Description', s.description, depth + 1);
  if (s.kind === 'pdf' && s.text !== undefined) {
    // The XSD requires a guid on the selection's own Representation; derive it from the selection's.
    out.open('Representation', { guid: s.guid }, depth + 1);
    out.text('PlainTextContent', s.text, depth + 2);
    out.close('Representation', depth + 1);
  }
  writeCodings(out, s.codings, depth + 1);
  for (const ref of s.noteRefs) out.empty('NoteRef', { targetGUID: ref }, depth + 1);
  out.close(tag, depth);
}

const VALUE_TAG = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
} as const;

function writeVariableValues(out: XmlOut, values: readonly QdeVariableValue[], depth: number): void {
  for (const v of values) {
    if (v.value === null || v.type === undefined) continue;
    out.open('VariableValue', {}, depth);
    out.empty('VariableRef', { targetGUID: v.variableGuid }, depth + 1);
    out.parts.push(
      `${pad(depth + 1)}<${VALUE_TAG[v.type]}>${escText(String(v.value))}</${VALUE_TAG[v.type]}>\n`,
    );
    out.close('VariableValue', depth);
  }
}

function writeVariables(out: XmlOut, variables: readonly QdeVariable[], depth: number): void {
  if (variables.length === 0) return;
  out.open('Variables', {}, depth);
  for (const v of variables) {
    if (!v.description)
      out.empty('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.type }, depth + 1);
    else {
      out.open('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.type }, depth + 1);
      out.text('Description', v.description, depth + 2);
      out.close('Variable', depth + 1);
    }
  }
  out.close('Variables', depth);
}

function writeCases(out: XmlOut, cases: readonly QdeCase[], depth: number): void {
  if (cases.length === 0) return;
  out.open('Cases', {}, depth);
  for (const c of cases) {
    out.open('Case', { guid: c.guid, name: c.name }, depth + 1);
    out.text('Description', c.description, depth + 2);
    for (const g of c.codeRefs) out.empty('CodeRef', { targetGUID: g }, depth + 2);
    writeVariableValues(out, c.variableValues, depth + 2);
    for (const g of c.sourceRefs) out.empty('SourceRef', { targetGUID: g }, depth + 2);
    for (const g of c.selectionRefs) out.empty('SelectionRef', { targetGUID: g }, depth + 2);
    out.close('Case', depth + 1);
  }
  out.close('Cases', depth);
}

/** A text source, a PDF's Representation or a note: all TextSourceType. */
function writeTextPart(
  out: XmlOut,
  tag: string,
  part: QdeTextPart,
  depth: number,
  noteRefs: readonly string[] = [],
  variableValues: readonly QdeVariableValue[] = [],
): void {
  out.open(
    tag,
    {
      guid: part.guid,
      name: part.name,
      richTextPath: part.richTextPath,
      plainTextPath: part.plainTextPath,
      creatingUser: part.creatingUser,
      creationDateTime: part.creationDateTime,
    },
    depth,
  );
  out.text('Description', part.description, depth + 1);
  if (part.plainTextPath === undefined && part.plainTextContent !== undefined)
    out.parts.push(
      `${pad(depth + 1)}<PlainTextContent>${escText(part.plainTextContent)}</PlainTextContent>\n`,
    );
  for (const s of part.selections) writeSelection(out, s, depth + 1);
  for (const ref of noteRefs) out.empty('NoteRef', { targetGUID: ref }, depth + 1);
  writeVariableValues(out, variableValues, depth + 1);
  out.close(tag, depth);
}

function writeSource(out: XmlOut, source: QdeSource, depth: number): void {
  if (source.kind === 'text' && source.text) {
    writeTextPart(
      out,
      'TextSource',
      { ...source.text, name: source.name },
      depth,
      source.noteRefs,
      source.variableValues,
    );
    return;
  }
  const tag = {
    text: 'TextSource',
    pdf: 'PDFSource',
    picture: 'PictureSource',
    audio: 'AudioSource',
    video: 'VideoSource',
  }[source.kind];
  out.open(
    tag,
    {
      guid: source.guid,
      name: source.name,
      path: source.path,
      creatingUser: source.creatingUser,
      creationDateTime: source.creationDateTime,
    },
    depth,
  );
  out.text('Description', source.description, depth + 1);
  if (source.kind === 'picture' && source.representation)
    writeTextPart(out, 'TextDescription', source.representation, depth + 1);
  for (const s of source.selections) writeSelection(out, s, depth + 1);
  if (source.kind === 'pdf' && source.representation)
    writeTextPart(out, 'Representation', source.representation, depth + 1);
  for (const ref of source.noteRefs) out.empty('NoteRef', { targetGUID: ref }, depth + 1);
  writeVariableValues(out, source.variableValues, depth + 1);
  out.close(tag, depth);
}

function writeUsers(out: XmlOut, users: readonly QdeUser[], depth: number): void {
  if (users.length === 0) return;
  out.open('Users', {}, depth);
  for (const u of users) out.empty('User', { guid: u.guid, name: u.name, id: u.id }, depth + 1);
  out.close('Users', depth);
}

/** A project as a `project.qde` document. */
export function writeQde(project: QdeProject): string {
  const out = new XmlOut();
  out.parts.push('<?xml version="1.0" encoding="utf-8"?>\n');
  out.open('Project', {
    xmlns: PROJECT_NS,
    name: project.name,
    origin: project.origin,
    creatingUserGUID: project.creatingUserGuid,
    creationDateTime: project.creationDateTime,
  });
  writeUsers(out, project.users, 1);
  if (project.codes.length > 0) {
    out.open('CodeBook', {}, 1);
    writeCodes(out, project.codes, 2);
    out.close('CodeBook', 1);
  }
  writeVariables(out, project.variables, 1);
  writeCases(out, project.cases, 1);
  if (project.sources.length > 0) {
    out.open('Sources', {}, 1);
    for (const source of project.sources) writeSource(out, source, 2);
    out.close('Sources', 1);
  }
  if (project.notes.length > 0) {
    out.open('Notes', {}, 1);
    for (const note of project.notes)
      writeTextPart(out, 'Note', { ...note, plainTextContent: note.text, selections: [] }, 2);
    out.close('Notes', 1);
  }
  writeSets(out, project.sets, 1);
  out.text('Description', project.description, 1);
  for (const ref of project.projectNoteRefs) out.empty('NoteRef', { targetGUID: ref }, 1);
  out.close('Project');
  return out.toString();
}

/** A codebook as a `.qdc` document (REFI-QDA Codebook 1.0). */
export function writeQdc(codes: readonly QdeCode[], sets: readonly QdeSet[]): string {
  const out = new XmlOut();
  out.parts.push('<?xml version="1.0" encoding="utf-8"?>\n');
  out.open('CodeBook', { xmlns: CODEBOOK_NS });
  writeCodes(out, codes, 1);
  writeSets(out, sets, 1);
  out.close('CodeBook');
  return out.toString();
}

const encoder = new TextEncoder();

/** The .qdpx archive: `project.qde` and the source files under `sources/`. */
export function writeQdpx(qde: string, files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Record<string, Uint8Array> = { 'project.qde': encoder.encode(qde) };
  for (const f of files) entries[`sources/${f.name}`] = f.bytes;
  // Level 1: at level 6 deflate was the largest single cost of a 100,000-coding export (profiled).
  return zipSync(entries, { level: 1 });
}
