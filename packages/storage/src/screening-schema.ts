/**
 * Tables of the screening stages (stages, criteria, reasons, assignments, decisions, conflicts).
 * Kept apart from schema.ts so each capability owns its table types; `Database` extends this.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the screening migration
export interface ScreeningTables {}

/** Screening tables in foreign-key order, for backup and restore. */
export const SCREENING_TABLES = [] as const;
