import type { Role } from './role.js';

/** The least role for each screening action (part of the one policy table, PROJECT_ACTIONS). */
export const SCREENING_ACTIONS = {
  // Reading is shaped per person (blinding), so every member may ask.
  'screening.read': 'viewer',
  'screening.set-up': 'lead',
  'stage.create': 'lead',
  'stage.update': 'lead',
  'stage.set-criteria': 'lead',
  'stage.set-reasons': 'lead',
  'stage.start-stopping-sample': 'lead',
  'stage.stop': 'lead',
  'stage.unblind': 'lead',
  'stage.close': 'lead',
  'stage.reopen': 'lead',
  'screening.decide': 'reviewer',
  'screening.retract': 'reviewer',
  // A third reviewer resolves as a reviewer; a consensus is recorded by the lead (the handler checks).
  'screening.resolve': 'reviewer',
  'screening.import-decisions': 'lead',
  /** Seeing every reviewer's decisions and the decision history while a stage is blinded. */
  'screening.read-all-decisions': 'lead',
} as const satisfies Record<string, Role>;
