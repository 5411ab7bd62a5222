import { projectImportQdpx } from './handlers/qdpx-import.js';

/** Handlers of REFI-QDA interchange commands. */
export const QDPX_HANDLERS = {
  'project.import-qdpx': projectImportQdpx,
};
