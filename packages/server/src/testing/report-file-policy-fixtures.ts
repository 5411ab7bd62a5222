import type { CommandType } from '@weft/protocol';
import type { TestClient } from './test-client.js';
import { makeTestPdf } from './test-pdf.js';

type Actor = 'owner' | 'lead' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous';

/** The policy matrix's rows for the full-text commands: any reviewer uploads full texts (as in Covidence). */
const REVIEWER_UP = { owner: 200, lead: 200, reviewer: 200, viewer: 403, outsider: 403, anonymous: 401 };

export const REPORT_FILE_COMMAND_MATRIX = {
  'report.attach-file': REVIEWER_UP,
  'report.attach-files': REVIEWER_UP,
  'report.detach-file': REVIEWER_UP,
} satisfies Partial<Record<CommandType, Record<Actor, number>>>;

/** Project read routes of full texts (paths after /api/projects/:id/). */
export const REPORT_FILE_READ_ROUTES = ['report-files'];

const POLICY_PDF = makeTestPdf({ pages: [['A full text', 'doi:10.5555/policy.1']] });

/**
 * A payload for a full-text command in a fresh project (the owner uploads the PDF and, for a
 * detach, attaches it first), or undefined for any other command type.
 */
export async function reportFilePayloadFor(
  type: CommandType,
  projectId: string,
  owner: TestClient,
  records: (projectId: string) => Promise<string[]>,
): Promise<unknown> {
  if (!(type in REPORT_FILE_COMMAND_MATRIX)) return undefined;
  const [recordId] = await records(projectId);
  const upload = await owner.upload<{ uploadId: string }>(
    projectId,
    'full-text.pdf',
    POLICY_PDF,
    'reports/uploads',
  );
  const uploadId = upload.body.uploadId;
  if (type === 'report.attach-file') return { recordId, uploadId };
  if (type === 'report.attach-files') return { uploadIds: [uploadId] };
  const attached = await owner.command<{ fileId: string }>(
    'report.attach-file',
    { recordId, uploadId },
    projectId,
  );
  if (attached.status !== 200) throw new Error(`report.attach-file: ${JSON.stringify(attached.body)}`);
  return { fileId: attached.body.result.fileId };
}
