import { randomUUID } from 'node:crypto';
import { qdpxFixtures } from '@weft/formats';
import type { CommandType } from '@weft/protocol';
import { type Store, saveQdpxUpload } from '@weft/storage';

type Actor = 'owner' | 'lead' | 'reviewer' | 'viewer' | 'outsider' | 'anonymous';

/** Importing a REFI-QDA file creates a new project: any account may, like project.create. */
export const QDPX_COMMAND_MATRIX = {
  'project.import-qdpx': { owner: 200, lead: 200, reviewer: 200, viewer: 200, outsider: 200, anonymous: 401 },
} satisfies Partial<Record<CommandType, Record<Actor, number>>>;

/** A payload for a REFI-QDA command (a file staged by the actor), or undefined for any other type. */
export async function qdpxPayloadFor(
  type: CommandType,
  store: Store,
  userId: string | undefined,
): Promise<unknown> {
  if (type !== 'project.import-qdpx') return undefined;
  const uploadId = randomUUID();
  if (userId)
    await saveQdpxUpload(
      store.db,
      { id: uploadId, fileName: 'atlas.qdpx', bytes: qdpxFixtures.atlasStyleQdpx(), uploadedBy: userId },
      new Date(),
    );
  return { uploadId };
}
