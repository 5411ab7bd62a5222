export * from './decision-row.js';
export { parseDecisionFile } from './parse-decision-file.js';
export { parseRayyanNotes, type RayyanNotes } from './read-rayyan-csv.js';
export { type DecisionExportRow, formatDecisionFile } from './write-decision-file.js';
