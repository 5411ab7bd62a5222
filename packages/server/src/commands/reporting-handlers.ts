import {
  prismaConfigure,
  reportLinkStudy,
  reportSetRetrieval,
  reportUnlinkStudy,
} from './handlers/reports.js';

/** Handlers of the reporting commands (report retrieval, study links, the PRISMA diagram's settings). */
export const REPORTING_HANDLERS = {
  'report.set-retrieval': reportSetRetrieval,
  'report.link-study': reportLinkStudy,
  'report.unlink-study': reportUnlinkStudy,
  'prisma.configure': prismaConfigure,
};
