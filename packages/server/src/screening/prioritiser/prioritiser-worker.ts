import { parentPort } from 'node:worker_threads';
import { StageModels, type TrainRequest } from './stage-model.js';

/** Messages the prioritiser sends its worker thread. */
export type WorkerRequest =
  | { id: number; type: 'train'; request: TrainRequest }
  | { id: number; type: 'forget'; stageId: string };

const models = new StageModels();

parentPort?.on('message', (message: WorkerRequest) => {
  try {
    if (message.type === 'forget') {
      models.forget(message.stageId);
      parentPort?.postMessage({ id: message.id, outcome: { kind: 'forgotten' } });
      return;
    }
    const outcome = models.train(message.request);
    // The scores' buffer is moved, not copied: 100,000 doubles cross the thread for free.
    const transfer = outcome.kind === 'trained' ? [outcome.scores.buffer as ArrayBuffer] : [];
    parentPort?.postMessage({ id: message.id, outcome }, transfer);
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
