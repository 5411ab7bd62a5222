import { Worker } from 'node:worker_threads';
import type { WorkerRequest } from './prioritiser-worker.js';
import type { TrainOutcome, TrainRequest } from './stage-model.js';

type Pending = { resolve: (value: TrainOutcome) => void; reject: (error: Error) => void };

/**
 * The prioritiser's worker thread: vectorising, training and scoring run there so a
 * retrain on a large project never holds up the server's request handling.
 *
 * From the built package the worker is the compiled .js beside this file. When running from
 * TypeScript sources (tests, `tsx`), it is started through tsx's loader with the `weft-source`
 * condition so it runs the same sources.
 */
export class ModelWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  train(request: TrainRequest): Promise<TrainOutcome> {
    return this.send({ id: 0, type: 'train', request }, []);
  }

  async forget(stageId: string): Promise<void> {
    await this.send({ id: 0, type: 'forget', stageId }, []);
  }

  async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('the model worker was stopped'));
    this.pending.clear();
    if (worker) await worker.terminate();
  }

  private send(message: WorkerRequest, transfer: ArrayBuffer[]): Promise<TrainOutcome> {
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<TrainOutcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // Held open only while it has work: an idle worker never keeps the process alive.
      worker.ref();
      worker.postMessage({ ...message, id }, transfer);
    });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = spawnWorker();
    worker.unref();
    worker.on('message', (message: { id: number; outcome?: TrainOutcome; error?: string }) => {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) worker.unref();
      if (message.error !== undefined) pending.reject(new Error(message.error));
      else pending.resolve(message.outcome as TrainOutcome);
    });
    const fail = (error: Error) => {
      // A crashed worker loses its cache; the next request starts a fresh one.
      if (this.worker === worker) this.worker = undefined;
      for (const p of this.pending.values()) p.reject(error);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`the model worker exited with code ${code}`));
      else if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }
}

function spawnWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./prioritiser-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry);
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, execArgv: ['--conditions', 'weft-source'] });
}
