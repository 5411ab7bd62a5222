import { useParams } from 'react-router';
import { CodingScreen } from '../coding/coding-screen';
import { ProjectGate } from '../project/project-gate';

/** /projects/:projectId/documents/:documentId — code one document. */
export function DocumentCodingPage() {
  const { projectId = '', documentId = '' } = useParams();
  return (
    <ProjectGate>
      {(_, role) => (
        <CodingScreen key={documentId} projectId={projectId} documentId={documentId} role={role} />
      )}
    </ProjectGate>
  );
}
