import { WeftError } from '@weft/core';
import { listAllProjects, type Store } from '@weft/storage';

/** A project named on the command line, by id or by name. */
export async function findProjectId(store: Store, given: string): Promise<string> {
  const found = (await listAllProjects(store.db)).find((p) => p.id === given || p.name === given);
  if (!found) throw new WeftError('not-found', `No project "${given}" (see \`weft project list\`).`);
  return found.id;
}
