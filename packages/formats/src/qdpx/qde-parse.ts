import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FormatError } from '../format-error.js';
import type {
  QdeCase,
  QdeCode,
  QdeCoding,
  QdeCounts,
  QdeLink,
  QdeNote,
  QdeProject,
  QdeSelection,
  QdeSet,
  QdeSource,
  QdeTextPart,
  QdeUser,
  QdeVariable,
  QdeVariableType,
  QdeVariableValue,
} from './qde-model.js';
import { flattenCodes } from './qde-model.js';

type El = Record<string, unknown>;

/** Elements that may repeat: always arrays, so one and many read alike. */
const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'TextSource',
  'PDFSource',
  'PictureSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'PDFSelection',
  'PictureSelection',
  'AudioSelection',
  'VideoSelection',
  'TranscriptSelection',
  'Transcript',
  'SyncPoint',
  'Coding',
  'CodeRef',
  'NoteRef',
  'SourceRef',
  'SelectionRef',
  'VariableValue',
  'Note',
  'Link',
  'Set',
  'MemberCode',
  'MemberSource',
  'MemberNote',
  'Graph',
  'Vertex',
  'Edge',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
});

/** Turns positions in the XML into line numbers, lazily (most files never need one). */
class LineFinder {
  #starts: number[] | undefined;
  constructor(private readonly xml: string) {}
  lineOfGuid(guid: string | undefined): number | undefined {
    if (!guid) return undefined;
    const at = this.xml.indexOf(`"${guid}"`);
    return at < 0 ? undefined : this.lineAt(at);
  }
  lineAt(offset: number): number {
    if (!this.#starts) {
      this.#starts = [0];
      for (let i = 0; i < this.xml.length; i++) if (this.xml.charCodeAt(i) === 10) this.#starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

const VARIABLE_TYPES: readonly QdeVariableType[] = [
  'Text',
  'Boolean',
  'Integer',
  'Float',
  'Date',
  'DateTime',
];

interface ParsedQde {
  project: QdeProject;
  counts: QdeCounts;
  /** A .qdc holds only a codebook (root CodeBook). */
  codebookOnly: boolean;
}

/**
 * Parses a .qde (or a .qdc codebook, whose root is CodeBook) into the model. `fileName` names the
 * file inside its archive in every error. Throws FormatError on invalid XML, a wrong root, a
 * missing required attribute, or a coding of a code the codebook lacks.
 */
export function parseQde(xml: string, fileName: string): ParsedQde {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new FormatError(fileName, `invalid XML: ${valid.err.msg}`, { line: valid.err.line });
  }
  const doc = parser.parse(text) as El;
  const lines = new LineFinder(text);
  const reader = new QdeReader(fileName, lines);
  const root = (doc.Project ?? doc.CodeBook) as El | undefined;
  if (!root || typeof root !== 'object') {
    const found = Object.keys(doc).find((k) => !k.startsWith('?'));
    throw new FormatError(
      fileName,
      `not a REFI-QDA file: the root element is <${found ?? 'nothing'}>, expected <Project> or <CodeBook>`,
    );
  }
  const isCodebook = doc.Project === undefined;
  const project = isCodebook ? reader.codebookOnly(root) : reader.project(root);
  reader.checkCodeRefs(project);
  return {
    project,
    counts: countElements(root, isCodebook ? 'CodeBook' : 'Project'),
    codebookOnly: isCodebook,
  };
}

/**
 * Counts elements by local name anywhere in the tree, the way ../shared/tools/qde-counts.py does,
 * so `weft qdpx inspect` and that reference counter agree on every file.
 */
function countElements(root: El, rootName: string): QdeCounts {
  const tally = new Map<string, number>([[rootName, 1]]);
  const walk = (value: unknown, name: string): void => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item, name);
      return;
    }
    if (name) tally.set(name, (tally.get(name) ?? 0) + 1);
    if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key.startsWith('@_') || key === '#text') continue;
        walk(child, key);
      }
    }
  };
  for (const [key, child] of Object.entries(root)) {
    if (!key.startsWith('@_') && key !== '#text') walk(child, key);
  }
  const n = (k: string) => tally.get(k) ?? 0;
  const sum = (...ks: string[]) => ks.reduce((s, k) => s + n(k), 0);
  return {
    users: n('User'),
    codes: n('Code'),
    sources: sum('TextSource', 'PDFSource', 'PictureSource', 'AudioSource', 'VideoSource'),
    selections: sum(
      'PlainTextSelection',
      'PDFSelection',
      'PictureSelection',
      'AudioSelection',
      'VideoSelection',
      'TranscriptSelection',
    ),
    codings: n('Coding'),
    notes: n('Note'),
    cases: n('Case'),
    variables: n('Variable'),
    sets: n('Set'),
  };
}

function arr(value: unknown): El[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'object' && v ? v : {}) as El);
}

function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && '#text' in (value as El)) return String((value as El)['#text']);
  if (typeof value === 'object') return '';
  return String(value);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

class QdeReader {
  constructor(
    private readonly fileName: string,
    private readonly lines: LineFinder,
  ) {}

  fail(reason: string, guid?: string): never {
    throw new FormatError(this.fileName, reason, { line: this.lines.lineOfGuid(guid) });
  }

  attr(el: El, name: string): string | undefined {
    const v = el[`@_${name}`];
    return v === undefined ? undefined : String(v);
  }

  required(el: El, name: string, what: string): string {
    const v = this.attr(el, name);
    if (v === undefined || v === '') {
      const guid = this.attr(el, 'guid');
      this.fail(`<${what}${guid ? ` guid="${guid}"` : ''}> has no ${name} attribute`, guid);
    }
    return v;
  }

  int(el: El, name: string, what: string): number {
    const raw = this.required(el, name, what);
    const n = Number(raw);
    if (!Number.isInteger(n))
      this.fail(`<${what}> ${name}="${raw}" is not an integer`, this.attr(el, 'guid'));
    return n;
  }

  stamp(el: El): { creatingUser?: string; creationDateTime?: string } {
    const creatingUser = this.attr(el, 'creatingUser');
    const creationDateTime = this.attr(el, 'creationDateTime');
    return {
      ...(creatingUser ? { creatingUser } : {}),
      ...(creationDateTime ? { creationDateTime } : {}),
    };
  }

  refs(value: unknown): string[] {
    return arr(value).flatMap((r) => {
      const t = this.attr(r, 'targetGUID');
      return t ? [t] : [];
    });
  }

  project(root: El): QdeProject {
    const sources = root.Sources as El | undefined;
    return {
      name: this.attr(root, 'name') ?? '',
      ...optional('origin', this.attr(root, 'origin')),
      ...optional('creatingUserGuid', this.attr(root, 'creatingUserGUID')),
      ...optional('creationDateTime', this.attr(root, 'creationDateTime')),
      ...optional('description', nonEmpty(textOf(root.Description))),
      users: arr((root.Users as El | undefined)?.User).map((u) => this.user(u)),
      codes: arr(((root.CodeBook as El | undefined)?.Codes as El | undefined)?.Code).map((c) => this.code(c)),
      variables: arr((root.Variables as El | undefined)?.Variable).map((v) => this.variable(v)),
      cases: arr((root.Cases as El | undefined)?.Case).map((c) => this.case(c)),
      sources: sources ? this.sources(sources) : [],
      notes: arr((root.Notes as El | undefined)?.Note).map((n) => this.note(n)),
      links: arr((root.Links as El | undefined)?.Link).map((l) => this.link(l)),
      sets: arr((root.Sets as El | undefined)?.Set).map((s) => this.set(s)),
      projectNoteRefs: this.refs(root.NoteRef),
    };
  }

  codebookOnly(root: El): QdeProject {
    return {
      name: '',
      users: [],
      codes: arr((root.Codes as El | undefined)?.Code).map((c) => this.code(c)),
      variables: [],
      cases: [],
      sources: [],
      notes: [],
      links: [],
      sets: arr((root.Sets as El | undefined)?.Set).map((s) => this.set(s)),
      projectNoteRefs: [],
    };
  }

  user(el: El): QdeUser {
    return {
      guid: this.required(el, 'guid', 'User'),
      ...optional('name', this.attr(el, 'name')),
      ...optional('id', this.attr(el, 'id')),
    };
  }

  code(el: El): QdeCode {
    const guid = this.required(el, 'guid', 'Code');
    return {
      guid,
      name: this.attr(el, 'name') ?? '',
      isCodable: this.attr(el, 'isCodable') !== 'false',
      ...optional('color', this.attr(el, 'color')),
      ...optional('description', nonEmpty(textOf(el.Description))),
      noteRefs: this.refs(el.NoteRef),
      children: arr(el.Code).map((c) => this.code(c)),
    };
  }

  variable(el: El): QdeVariable {
    const guid = this.required(el, 'guid', 'Variable');
    const type = this.attr(el, 'typeOfVariable') as QdeVariableType | undefined;
    if (!type || !VARIABLE_TYPES.includes(type))
      this.fail(`<Variable guid="${guid}"> has typeOfVariable "${type ?? ''}"`, guid);
    return {
      guid,
      name: this.attr(el, 'name') ?? '',
      type,
      ...optional('description', nonEmpty(textOf(el.Description))),
    };
  }

  variableValues(value: unknown): QdeVariableValue[] {
    return arr(value).map((el) => {
      const variableGuid = this.refs(el.VariableRef)[0] ?? this.fail('<VariableValue> has no <VariableRef>');
      const found = (
        [
          ['TextValue', 'Text'],
          ['BooleanValue', 'Boolean'],
          ['IntegerValue', 'Integer'],
          ['FloatValue', 'Float'],
          ['DateValue', 'Date'],
          ['DateTimeValue', 'DateTime'],
        ] as const
      ).find(([tag]) => el[tag] !== undefined);
      if (!found) return { variableGuid, type: undefined, value: null };
      const [tag, type] = found;
      const raw = textOf(el[tag]) ?? '';
      const value =
        type === 'Boolean'
          ? raw === 'true' || raw === '1'
          : (type === 'Integer' || type === 'Float') && raw !== ''
            ? Number(raw)
            : raw;
      return { variableGuid, type, value };
    });
  }

  case(el: El): QdeCase {
    return {
      guid: this.required(el, 'guid', 'Case'),
      ...optional('name', this.attr(el, 'name')),
      ...optional('description', nonEmpty(textOf(el.Description))),
      codeRefs: this.refs(el.CodeRef),
      sourceRefs: this.refs(el.SourceRef),
      selectionRefs: this.refs(el.SelectionRef),
      variableValues: this.variableValues(el.VariableValue),
    };
  }

  coding(el: El): QdeCoding {
    const guid = this.required(el, 'guid', 'Coding');
    const codeGuid = this.refs(el.CodeRef)[0] ?? this.fail(`<Coding guid="${guid}"> has no <CodeRef>`, guid);
    return { guid, codeGuid, noteRefs: this.refs(el.NoteRef), ...this.stamp(el) };
  }

  selectionBase(el: El, what: string) {
    const guid = this.required(el, 'guid', what);
    return {
      guid,
      ...optional('name', this.attr(el, 'name')),
      ...optional('description', nonEmpty(textOf(el.Description))),
      codings: arr(el.Coding).map((c) => this.coding(c)),
      noteRefs: this.refs(el.NoteRef),
      ...optional('line', this.lines.lineOfGuid(guid)),
      ...this.stamp(el),
    };
  }

  textSelections(el: El): QdeSelection[] {
    return arr(el.PlainTextSelection).map((s) => ({
      kind: 'text' as const,
      ...this.selectionBase(s, 'PlainTextSelection'),
      start: this.int(s, 'startPosition', 'PlainTextSelection'),
      end: this.int(s, 'endPosition', 'PlainTextSelection'),
    }));
  }

  textPart(el: El, what: string): QdeTextPart {
    return {
      guid: this.required(el, 'guid', what),
      ...optional('name', this.attr(el, 'name')),
      ...optional('description', nonEmpty(textOf(el.Description))),
      ...optional('plainTextPath', nonEmpty(this.attr(el, 'plainTextPath'))),
      ...optional('richTextPath', nonEmpty(this.attr(el, 'richTextPath'))),
      ...optional('plainTextContent', textOf(el.PlainTextContent)),
      selections: [
        ...this.textSelections(el),
        ...arr(el.TranscriptSelection).map((s) => ({
          kind: 'transcript' as const,
          ...this.selectionBase(s, 'TranscriptSelection'),
          ...optional('fromSyncPoint', this.attr(s, 'fromSyncPoint')),
          ...optional('toSyncPoint', this.attr(s, 'toSyncPoint')),
        })),
      ],
      ...this.stamp(el),
    };
  }

  rect(el: El, what: string) {
    return {
      firstX: this.int(el, 'firstX', what),
      firstY: this.int(el, 'firstY', what),
      secondX: this.int(el, 'secondX', what),
      secondY: this.int(el, 'secondY', what),
    };
  }

  sources(el: El): QdeSource[] {
    const out: QdeSource[] = [];
    const base = (s: El, kind: QdeSource['kind'], what: string) => {
      const guid = this.required(s, 'guid', what);
      return {
        guid,
        kind,
        name: this.attr(s, 'name') ?? guid,
        ...optional('description', nonEmpty(textOf(s.Description))),
        ...optional('path', nonEmpty(this.attr(s, 'path'))),
        noteRefs: this.refs(s.NoteRef),
        variableValues: this.variableValues(s.VariableValue),
        transcripts: arr(s.Transcript).map((t) => this.textPart(t, 'Transcript')),
        ...optional('line', this.lines.lineOfGuid(guid)),
        ...this.stamp(s),
      };
    };
    for (const s of arr(el.TextSource)) {
      out.push({ ...base(s, 'text', 'TextSource'), text: this.textPart(s, 'TextSource'), selections: [] });
    }
    for (const s of arr(el.PDFSource)) {
      const representation = arr(s.Representation)[0];
      out.push({
        ...base(s, 'pdf', 'PDFSource'),
        ...(representation ? { representation: this.textPart(representation, 'Representation') } : {}),
        selections: arr(s.PDFSelection).map((p) => {
          const own = arr(p.Representation)[0];
          const text = own ? textOf(own.PlainTextContent) : undefined;
          return {
            kind: 'pdf' as const,
            ...this.selectionBase(p, 'PDFSelection'),
            page: this.int(p, 'page', 'PDFSelection'),
            ...this.rect(p, 'PDFSelection'),
            ...optional('text', text),
          };
        }),
      });
    }
    for (const s of arr(el.PictureSource)) {
      const description = arr(s.TextDescription)[0];
      out.push({
        ...base(s, 'picture', 'PictureSource'),
        ...(description ? { representation: this.textPart(description, 'TextDescription') } : {}),
        selections: arr(s.PictureSelection).map((p) => ({
          kind: 'picture' as const,
          ...this.selectionBase(p, 'PictureSelection'),
          ...this.rect(p, 'PictureSelection'),
        })),
      });
    }
    for (const [tag, kind, selTag] of [
      ['AudioSource', 'audio', 'AudioSelection'],
      ['VideoSource', 'video', 'VideoSelection'],
    ] as const) {
      for (const s of arr(el[tag])) {
        out.push({
          ...base(s, kind, tag),
          selections: arr(s[selTag]).map((p) => ({
            kind,
            ...this.selectionBase(p, selTag),
            begin: this.int(p, 'begin', selTag),
            end: this.int(p, 'end', selTag),
          })),
        });
      }
    }
    return out;
  }

  note(el: El): QdeNote {
    return {
      guid: this.required(el, 'guid', 'Note'),
      ...optional('name', this.attr(el, 'name')),
      ...optional('description', nonEmpty(textOf(el.Description))),
      text: textOf(el.PlainTextContent) ?? '',
      ...optional('plainTextPath', nonEmpty(this.attr(el, 'plainTextPath'))),
      ...this.stamp(el),
    };
  }

  link(el: El): QdeLink {
    return {
      guid: this.required(el, 'guid', 'Link'),
      ...optional('name', this.attr(el, 'name')),
      ...optional('direction', this.attr(el, 'direction')),
      ...optional('originGuid', this.attr(el, 'originGUID')),
      ...optional('targetGuid', this.attr(el, 'targetGUID')),
    };
  }

  set(el: El): QdeSet {
    return {
      guid: this.required(el, 'guid', 'Set'),
      name: this.attr(el, 'name') ?? '',
      ...optional('description', nonEmpty(textOf(el.Description))),
      memberCodes: this.refs(el.MemberCode),
      memberSources: this.refs(el.MemberSource),
      memberNotes: this.refs(el.MemberNote),
    };
  }

  /** A coding of a code the codebook does not hold cannot be imported faithfully: refuse the file. */
  checkCodeRefs(project: QdeProject): void {
    const known = new Set(flattenCodes(project.codes).map((c) => c.code.guid.toLowerCase()));
    for (const source of project.sources) {
      const selections = [
        ...source.selections,
        ...(source.text?.selections ?? []),
        ...(source.representation?.selections ?? []),
        ...source.transcripts.flatMap((t) => t.selections),
      ];
      for (const selection of selections) {
        for (const coding of selection.codings) {
          if (!known.has(coding.codeGuid.toLowerCase())) {
            throw new FormatError(
              this.fileName,
              `coding ${coding.guid} (selection ${selection.guid} in source "${source.name}") refers to code ${coding.codeGuid}, which is not in the codebook`,
              { line: this.lines.lineOfGuid(coding.guid) },
            );
          }
        }
      }
    }
  }
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
