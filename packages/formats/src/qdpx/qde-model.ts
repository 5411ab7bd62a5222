/**
 * The REFI-QDA project (urn:QDA-XML:project:1.0) as plain data: what a .qde holds, read without
 * interpretation. Positions are kept as the file gives them; converting them to Weft's unit is
 * position-convention.ts's job.
 */

export interface QdeStamp {
  creatingUser?: string;
  creationDateTime?: string;
}

export interface QdeUser {
  guid: string;
  name?: string;
  id?: string;
}

export interface QdeCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color?: string;
  description?: string;
  noteRefs: string[];
  children: QdeCode[];
}

export interface QdeCoding extends QdeStamp {
  guid: string;
  codeGuid: string;
  noteRefs: string[];
}

interface QdeSelectionBase extends QdeStamp {
  guid: string;
  name?: string;
  description?: string;
  codings: QdeCoding[];
  noteRefs: string[];
  /** 1-based line of the element in the .qde, for error messages. */
  line?: number;
}

export interface QdePlainTextSelection extends QdeSelectionBase {
  kind: 'text';
  start: number;
  end: number;
}
export interface QdePdfSelection extends QdeSelectionBase {
  kind: 'pdf';
  page: number;
  firstX: number;
  firstY: number;
  secondX: number;
  secondY: number;
  /** The selection's own text, when the producing application wrote one. */
  text?: string;
}
export interface QdePictureSelection extends QdeSelectionBase {
  kind: 'picture';
  firstX: number;
  firstY: number;
  secondX: number;
  secondY: number;
}
export interface QdeTimeSelection extends QdeSelectionBase {
  kind: 'audio' | 'video';
  /** Milliseconds. */
  begin: number;
  end: number;
}
export interface QdeTranscriptSelection extends QdeSelectionBase {
  kind: 'transcript';
  fromSyncPoint?: string;
  toSyncPoint?: string;
}
export type QdeSelection =
  | QdePlainTextSelection
  | QdePdfSelection
  | QdePictureSelection
  | QdeTimeSelection
  | QdeTranscriptSelection;

export type QdeVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface QdeVariable {
  guid: string;
  name: string;
  type: QdeVariableType;
  description?: string;
}

export interface QdeVariableValue {
  variableGuid: string;
  type: QdeVariableType | undefined;
  /** As written in the file (a date stays "2019-03-18"); null when the value element is empty. */
  value: string | number | boolean | null;
}

/** A text held by the project: a text source, a PDF's representation, a transcript, a note. */
export interface QdeTextPart extends QdeStamp {
  guid: string;
  name?: string;
  description?: string;
  plainTextPath?: string;
  richTextPath?: string;
  plainTextContent?: string;
  selections: QdeSelection[];
}

export type QdeSourceKind = 'text' | 'pdf' | 'picture' | 'audio' | 'video';

export interface QdeSource extends QdeStamp {
  guid: string;
  kind: QdeSourceKind;
  name: string;
  description?: string;
  /** Text sources: their plain text (path or inline content) and selections. */
  text?: QdeTextPart;
  /** Picture/PDF/audio/video: the media file. */
  path?: string;
  /** PDF: the text representation; picture: its text description. */
  representation?: QdeTextPart;
  transcripts: QdeTextPart[];
  /** Selections on the media itself (PDF/picture rectangles, audio/video time ranges). */
  selections: QdeSelection[];
  noteRefs: string[];
  variableValues: QdeVariableValue[];
  line?: number;
}

export interface QdeNote extends QdeStamp {
  guid: string;
  name?: string;
  description?: string;
  text: string;
  plainTextPath?: string;
}

export interface QdeCase {
  guid: string;
  name?: string;
  description?: string;
  codeRefs: string[];
  sourceRefs: string[];
  selectionRefs: string[];
  variableValues: QdeVariableValue[];
}

export interface QdeSet {
  guid: string;
  name: string;
  description?: string;
  memberCodes: string[];
  memberSources: string[];
  memberNotes: string[];
}

export interface QdeLink {
  guid: string;
  name?: string;
  direction?: string;
  originGuid?: string;
  targetGuid?: string;
}

export interface QdeProject {
  name: string;
  origin?: string;
  creatingUserGuid?: string;
  creationDateTime?: string;
  description?: string;
  users: QdeUser[];
  /** Top-level codes; children nest. */
  codes: QdeCode[];
  variables: QdeVariable[];
  cases: QdeCase[];
  sources: QdeSource[];
  notes: QdeNote[];
  links: QdeLink[];
  sets: QdeSet[];
  projectNoteRefs: string[];
}

/** Counts of a file's elements, named like `weft qdpx inspect --json` prints them. */
export interface QdeCounts {
  users: number;
  codes: number;
  sources: number;
  selections: number;
  codings: number;
  notes: number;
  cases: number;
  variables: number;
  sets: number;
}

/** Every code, depth first, with its parent's guid. */
export function flattenCodes(
  codes: readonly QdeCode[],
  parentGuid: string | null = null,
): { code: QdeCode; parentGuid: string | null }[] {
  return codes.flatMap((code) => [{ code, parentGuid }, ...flattenCodes(code.children, code.guid)]);
}

/** Every text part of a source that can carry plain-text selections. */
export function textPartsOf(source: QdeSource): QdeTextPart[] {
  return [
    ...(source.text ? [source.text] : []),
    ...(source.representation ? [source.representation] : []),
    ...source.transcripts,
  ];
}
