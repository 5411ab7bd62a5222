/** Counts of a REFI-QDA file's elements (`weft qdpx inspect --json` prints exactly these keys). */
export interface QdpxCounts {
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

export interface QdpxNotImported {
  what: string;
  count: number;
  why: string;
}

/** What an import brought in, what it adapted and what it left out (shown after import). */
export interface QdpxImportReport {
  fileName: string;
  /** The application that wrote the file (its `origin`), when it says. */
  origin: string;
  /** The project file inside the archive (project.qde, or a name chosen by the application). */
  qdeName: string;
  /** As counted in the file. */
  read: QdpxCounts;
  imported: {
    codes: number;
    documents: number;
    sourceFiles: number;
    codings: number;
    orphanCodings: number;
    mediaSelections: number;
    sets: number;
    notes: number;
    cases: number;
    variables: number;
    /** REFI users whose codings are attributed to the importing account (names kept). */
    usersMapped: number;
  };
  positions: {
    convention: 'utf16' | 'crlf-as-one' | 'code-points';
    decidedBy: string;
    /** Named selections quoting their text at their positions, per convention. */
    quoted: Record<string, number>;
    /** Selections starting and ending on a word boundary, per convention. */
    wordAligned: Record<string, number>;
    textSelections: number;
  };
  adapted: string[];
  notImported: QdpxNotImported[];
  /** Selections that could not be placed (kept as orphan codings), at most 100 listed. */
  orphans: { selectionGuid: string; source: string; reason: string }[];
}
