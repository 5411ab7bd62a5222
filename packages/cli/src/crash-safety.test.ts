import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openStore } from '@weft/storage';
import { availableBackends, createTestStoreLocation } from '@weft/storage/testing';
import { describe, expect, it } from 'vitest';

const WRITER = fileURLToPath(new URL('./testing/command-stream.ts', import.meta.url));
const KILL_AFTER_ACKS = 40;

interface Ack {
  commandId: string;
  projectId: string;
  seq: number;
}

describe.each(availableBackends())('crash safety on %s', (backend) => {
  it('keeps every acknowledged command after the writer is SIGKILLed mid-stream', async () => {
    const place = await createTestStoreLocation(backend);
    try {
      const { dataDir, databaseUrl } = place.options;
      const child = spawn(
        process.execPath,
        ['--conditions=weft-source', '--import', 'tsx', WRITER, ...(dataDir ? [dataDir] : [])],
        { env: { ...process.env, DATABASE_URL: databaseUrl ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, signal) => resolve(signal)),
      );
      const acks: Ack[] = [];
      for await (const line of createInterface({ input: child.stdout })) {
        acks.push(JSON.parse(line) as Ack);
        // Killed while it is still writing: the next command is already on its way.
        if (acks.length === KILL_AFTER_ACKS) child.kill('SIGKILL');
      }
      expect(await exited, stderr).toBe('SIGKILL');
      expect(acks.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

      // Reopening takes over the dead writer's lock file (embedded) and recovers the store.
      const store = await openStore(place.options);
      try {
        const commands = await store.db.selectFrom('commands').select(['id', 'project_id']).execute();
        const events = await store.db
          .selectFrom('events')
          .select(['project_id', 'seq', 'command_id'])
          .orderBy('project_id')
          .orderBy('seq')
          .execute();
        const ledger = new Set(commands.map((c) => c.id));
        const eventByCommand = new Map(events.map((e) => [e.command_id, e]));
        for (const ack of acks) {
          expect(ledger.has(ack.commandId), `command ${ack.commandId} in the ledger`).toBe(true);
          expect(eventByCommand.get(ack.commandId)).toMatchObject({
            project_id: ack.projectId,
            seq: ack.seq,
          });
        }
        // Gap-free: each project's seqs are 1…last_seq, and every event has its ledger entry.
        const projects = await store.db.selectFrom('projects').select(['id', 'last_seq']).execute();
        for (const project of projects) {
          const seqs = events.filter((e) => e.project_id === project.id).map((e) => e.seq);
          expect(seqs).toEqual(Array.from({ length: project.last_seq }, (_, i) => i + 1));
        }
        for (const event of events) expect(ledger.has(event.command_id)).toBe(true);
        expect(commands.filter((c) => c.project_id !== null)).toHaveLength(events.length);
      } finally {
        await store.close();
      }
    } finally {
      await place.dispose();
    }
  });
});
