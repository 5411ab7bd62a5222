/** Full texts (PDF files) of reports, as the HTTP API and the attach commands show them. */

/** How a file found its record: chosen by a person, or matched in a bulk upload. */
export type ReportFileMatchedBy = 'manual' | 'doi' | 'title' | 'file-name';

export interface ReportFileView {
  id: string;
  recordId: string;
  fileName: string;
  byteSize: number;
  pageCount: number;
  /** The DOI found in the file's first pages or metadata, if any. */
  doi: string | null;
  matchedBy: ReportFileMatchedBy;
  attachedBy: string;
  attachedByName: string;
  attachedAt: string;
  /** Where the PDF's bytes are served (same origin, session cookie). */
  url: string;
  /** The record's title, in project-wide lists (searching inside full texts). */
  recordTitle?: string;
}

export interface ReportFilesResponse {
  files: ReportFileView[];
  /** For one record's files: the study its report belongs to (several reports can describe one study). */
  study?: { studyId: string; reports: Array<{ recordId: string; title: string; year: number | null }> };
}

export interface AttachedReportFile {
  fileId: string;
  recordId: string;
  uploadId: string;
  fileName: string;
  pageCount: number;
  matchedBy: ReportFileMatchedBy;
}

/** A record a file might belong to, for someone to choose. */
export interface ReportFileCandidate {
  recordId: string;
  title: string;
  year: number | null;
}

/** What a bulk upload did with each file: only sure matches attach, the rest wait for a person. */
export interface AttachFilesResult {
  attached: Array<AttachedReportFile & { recordTitle: string }>;
  /** Several records fit equally well. */
  ambiguous: Array<{
    uploadId: string;
    fileName: string;
    by: Exclude<ReportFileMatchedBy, 'manual'>;
    candidates: ReportFileCandidate[];
  }>;
  /** Nothing in the file or its name pointed at a record. */
  unmatched: Array<{ uploadId: string; fileName: string }>;
  /** The same bytes are already attached to this record. */
  duplicates: Array<{ uploadId: string; fileName: string; recordId: string }>;
}
