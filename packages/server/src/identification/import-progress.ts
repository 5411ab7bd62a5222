import { AsyncLocalStorage } from 'node:async_hooks';

export type ImportProgress = (phase: 'parsing' | 'storing', done: number, total: number) => void;

/**
 * Lets the CLI show progress of an import that runs through the ordinary command path, without
 * widening the handler interface for one caller: `importProgress.run(report, () => executeCommand(…))`.
 */
export const importProgress = new AsyncLocalStorage<ImportProgress>();
