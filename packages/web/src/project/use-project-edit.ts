import type { Project } from '@weft/core';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage, isApiError } from '../api/problem';

type EditCommand = 'project.rename' | 'project.describe';

export interface ProjectEdit {
  busy: boolean;
  error: string | null;
  /** Set after a 409: the project as it is now on the server. */
  conflict: Project | null;
  /** Save `value` against `version`; resolves true when saved. */
  save: (value: string, version: number) => Promise<boolean>;
  reset: () => void;
}

/** Save a project field with optimistic concurrency, turning a 409 into a conflict to resolve. */
export function useProjectEdit(projectId: string, command: EditCommand, onSaved: () => void): ProjectEdit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Project | null>(null);

  const save = async (value: string, version: number) => {
    setBusy(true);
    setError(null);
    try {
      if (command === 'project.rename')
        await sendCommand('project.rename', { name: value, expectedVersion: version }, projectId);
      else await sendCommand('project.describe', { description: value, expectedVersion: version }, projectId);
      setConflict(null);
      onSaved();
      return true;
    } catch (err) {
      if (isApiError(err) && err.status === 409 && err.problem.current) {
        setConflict(err.problem.current as Project);
        onSaved();
      } else setError(errorMessage(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    setError(null);
    setConflict(null);
  };

  return { busy, error, conflict, save, reset };
}
