import { unzipSync } from 'fflate';
import { FormatError } from '../format-error.js';
import type { QdeCounts, QdeProject } from './qde-model.js';
import { parseQde } from './qde-parse.js';

export interface ArchiveFile {
  /** The path inside the archive, as stored. */
  path: string;
  bytes: Uint8Array;
}

export interface QdpxArchive {
  fileName: string;
  kind: 'qdpx' | 'qde' | 'qdc';
  /** The project file's path inside the archive (the file name itself for a bare .qde/.qdc). */
  qdeName: string;
  /** The project file's XML as read. */
  qdeText: string;
  project: QdeProject;
  counts: QdeCounts;
  /** Every file of the archive except the .qde, by lower-cased path with forward slashes. */
  files: ReadonlyMap<string, ArchiveFile>;
  /** The sources folder as the archive names it (`Sources` or `sources`), when it has one. */
  sourcesFolder: string | undefined;
}

const ZIP_MAGIC = [0x50, 0x4b];

function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)
  )
    i++;
  return bytes[i] === 0x3c;
}

const utf8 = new TextDecoder('utf-8');

/**
 * Reads a .qdpx (zip), a bare .qde or a .qdc. The .qde may be `project.qde` or named after the
 * project (ATLAS.ti), in any letter case; the sources folder may be `Sources/` or `sources/`.
 */
export function readQdpx(bytes: Uint8Array, fileName: string): QdpxArchive {
  const isZip = bytes[0] === ZIP_MAGIC[0] && bytes[1] === ZIP_MAGIC[1];
  if (!isZip) {
    if (!looksLikeXml(bytes)) {
      throw new FormatError(
        fileName,
        'not a REFI-QDA file: neither a zip archive (.qdpx) nor XML (.qde, .qdc)',
      );
    }
    const qdeText = utf8.decode(bytes);
    const { project, counts, codebookOnly } = parseQde(qdeText, fileName);
    const kind = codebookOnly ? 'qdc' : 'qde';
    return {
      fileName,
      kind,
      qdeName: fileName,
      qdeText,
      project,
      counts,
      files: new Map(),
      sourcesFolder: undefined,
    };
  }
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    throw new FormatError(fileName, `not a readable zip archive (${(error as Error).message})`);
  }
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const qdeNames = names.filter((n) => /\.qde$/i.test(n));
  if (qdeNames.length === 0) {
    const listed = names.slice(0, 5).join(', ') || 'nothing';
    throw new FormatError(fileName, `no .qde project file in the archive (it holds: ${listed})`);
  }
  // The standard's name first, then the shallowest (ATLAS.ti writes "<project name>.qde" at the root).
  const qdeName =
    qdeNames.find((n) => n.toLowerCase() === 'project.qde') ??
    [...qdeNames].sort((a, b) => a.split('/').length - b.split('/').length)[0] ??
    '';
  const qdeText = utf8.decode(entries[qdeName] ?? new Uint8Array());
  const { project, counts } = parseQde(qdeText, `${fileName}: ${qdeName}`);
  const files = new Map<string, ArchiveFile>();
  for (const name of names) {
    if (name === qdeName) continue;
    files.set(name.replace(/\\/g, '/').toLowerCase(), {
      path: name,
      bytes: entries[name] ?? new Uint8Array(),
    });
  }
  const folder = Object.keys(entries)
    .map((n) => n.split('/')[0] ?? '')
    .find((top) => top.toLowerCase() === 'sources');
  return { fileName, kind: 'qdpx', qdeName, qdeText, project, counts, files, sourcesFolder: folder };
}

/**
 * The archive file a source path points at: `internal://x` lives in the sources folder,
 * `relative://x` (and a bare relative path) beside the .qde or in the sources folder. Absolute
 * paths point outside the archive; their file name is still looked for in the sources folder.
 */
export function resolveArchivePath(archive: QdpxArchive, path: string): ArchiveFile | undefined {
  const rest = path
    .replace(/^(internal|relative|absolute|file):\/\//i, '')
    .replace(/\\/g, '/')
    .replace(/^\/+/, '');
  const base = rest.split('/').pop() ?? rest;
  for (const candidate of [rest, `sources/${rest}`, `sources/${base}`]) {
    const hit = archive.files.get(candidate.toLowerCase());
    if (hit) return hit;
  }
  return undefined;
}

export interface DecodedSourceText {
  text: string;
  bom: boolean;
}

/** A plain-text representation as Weft keeps it: byte for byte, minus the byte order mark. */
export function decodeSourceText(bytes: Uint8Array): DecodedSourceText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), bom: true };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // TextDecoder drops a leading BOM itself (ignoreBOM is false by default).
  return { text: utf8.decode(bytes), bom };
}
