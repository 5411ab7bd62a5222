import { getDocumentVersion, readUpload, saveUpload } from '@weft/storage';
import type { FollowUpRunner } from '../commands/follow-up.js';
import { DEMO_CODES, DEMO_CODINGS, DEMO_INTERVIEW, DEMO_INTERVIEW_FILE_NAME } from './demo-interview.js';

/**
 * The demo's coding material: the fictional interview as a document, a starting codebook and a
 * few codings, each through the command a user would run (so the feed, history and undo show them).
 */
export async function addDemoInterview(run: FollowUpRunner, projectId: string): Promise<void> {
  const uploadId = run.derivedId('interview-upload');
  if (!(await readUpload(run.store.db, projectId, uploadId))) {
    await saveUpload(run.store.db, {
      id: uploadId,
      projectId,
      fileName: DEMO_INTERVIEW_FILE_NAME,
      bytes: new TextEncoder().encode(DEMO_INTERVIEW),
      uploadedBy: run.actor.id,
      at: new Date(),
    });
  }
  const { documentId, versionId } = await run.command(
    'interview-document',
    'document.add',
    { uploadId, name: 'Interview: discharge coordinator', folder: 'Interviews' },
    projectId,
  );
  const codeIds = new Map<string, string>();
  for (const code of DEMO_CODES) {
    const { codeId } = await run.command(
      `code-${code.key}`,
      'code.create',
      { name: code.name, description: code.description, colour: code.colour },
      projectId,
    );
    codeIds.set(code.key, codeId);
  }
  // Offsets are positions in the canonical text extraction produced, so look the quotes up there.
  const version = await getDocumentVersion(run.store.db, documentId);
  if (!version || version.id !== versionId)
    throw new Error('The demo interview was stored without its text.');
  for (const [i, coding] of DEMO_CODINGS.entries()) {
    const start = version.text.indexOf(coding.quote);
    const codeId = codeIds.get(coding.code);
    if (start < 0 || !codeId) throw new Error(`The demo quote ${i + 1} is not in the interview.`);
    await run.command(
      `coding-${i}`,
      'coding.add',
      { documentId, versionId, codeId, start, end: start + coding.quote.length },
      projectId,
    );
  }
}
