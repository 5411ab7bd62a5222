// A writer for the crash-safety test: runs project.create / project.rename commands forever and
// prints one JSON line per acknowledged (committed) command, until it is killed.
//   node --conditions=weft-source --import tsx command-stream.ts [DATA_DIR]   (else DATABASE_URL)
import { randomUUID } from 'node:crypto';
import { createFirstOwner, executeCommand, needsSetup } from '@weft/server';
import { openStore, storeOptionsFromEnv } from '@weft/storage';
import { cliActor } from '../cli-actor.js';

const store = await openStore(storeOptionsFromEnv({ dataDir: process.argv[2] }));
if (await needsSetup(store)) {
  await createFirstOwner(store, {
    username: 'writer',
    displayName: 'Writer',
    password: 'long-enough-password',
  });
}
const actor = await cliActor(store);

function ack(commandId: string, projectId: string, seq: number | undefined): void {
  process.stdout.write(`${JSON.stringify({ commandId, projectId, seq })}\n`);
}

for (let n = 1; ; n++) {
  const createId = randomUUID();
  const created = await executeCommand(store, actor, {
    id: createId,
    type: 'project.create',
    payload: { name: `Project ${n}` },
  });
  const projectId = (created.result as { projectId: string }).projectId;
  ack(createId, projectId, created.seq);
  for (let version = 1; version <= 4; version++) {
    const renameId = randomUUID();
    const renamed = await executeCommand(store, actor, {
      id: renameId,
      type: 'project.rename',
      projectId,
      payload: { name: `Project ${n} v${version + 1}`, expectedVersion: version },
    });
    ack(renameId, projectId, renamed.seq);
  }
}
