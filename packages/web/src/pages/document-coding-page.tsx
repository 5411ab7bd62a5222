import { useParams } from 'react-router';
import { CodingScreen } from '../coding/coding-screen';
import { useProject } from '../project/project-context';

/**
 * /projects/:projectId/documents/:documentId — code one document. The document is read at once,
 * alongside the project (no wait for the project gate: a megabyte transcript should not queue
 * behind another round trip); until the role is known the screen is read-only, and a refusal
 * or a missing document shows as the document's load error.
 */
export function DocumentCodingPage() {
  const { projectId = '', documentId = '' } = useParams();
  const { role } = useProject();
  return <CodingScreen key={documentId} projectId={projectId} documentId={documentId} role={role} />;
}
