import { screeningDecide, screeningRetract } from './handlers/screening-decide.js';
import { screeningImportDecisions } from './handlers/screening-import-decisions.js';
import { screeningResolve } from './handlers/screening-resolve.js';
import { screeningSetUp, stageCreate } from './handlers/stage-create.js';
import { stageSetCriteria, stageSetReasons, stageUpdate } from './handlers/stage-edit.js';
import {
  stageClose,
  stageReopen,
  stageStartStoppingSample,
  stageStop,
  stageUnblind,
} from './handlers/stage-lifecycle.js';

/** Handlers of the screening commands (stages, decisions, conflicts). */
export const SCREENING_HANDLERS = {
  'screening.set-up': screeningSetUp,
  'stage.create': stageCreate,
  'stage.update': stageUpdate,
  'stage.set-criteria': stageSetCriteria,
  'stage.set-reasons': stageSetReasons,
  'stage.start-stopping-sample': stageStartStoppingSample,
  'stage.stop': stageStop,
  'stage.unblind': stageUnblind,
  'stage.close': stageClose,
  'stage.reopen': stageReopen,
  'screening.decide': screeningDecide,
  'screening.retract': screeningRetract,
  'screening.resolve': screeningResolve,
  'screening.import-decisions': screeningImportDecisions,
};
