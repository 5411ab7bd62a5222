/** Handlers of the screening commands (stages, decisions, conflicts). */
export const SCREENING_HANDLERS = {};
