export { buildApp } from './app.js';
export { createFirstOwner, needsSetup } from './auth/first-owner.js';
export { hashPassword, verifyPassword } from './auth/password.js';
export { executeCommand } from './commands/execute-command.js';
export { HANDLERS } from './commands/registry.js';
export { type ImportProgress, importProgress } from './identification/import-progress.js';
export {
  encodeRecordsExport,
  RECORD_EXPORT_FILES,
  RECORD_EXPORT_FORMATS,
  type RecordExportFormat,
} from './identification/records-export-encoding.js';
export { EventHub } from './live/event-hub.js';
export { INSTANCE_ACTIONS } from './policies/instance-policy.js';
export { PROJECT_ACTIONS } from './policies/project-policy.js';
export { encodeQdpxExport, type QdpxExportCounts, uuidV5 } from './qdpx/qdpx-export.js';
export { gatherMethodsRecord } from './reporting/methods-record-data.js';
export { methodsRecordDocx } from './reporting/methods-record-docx.js';
export { prismaPdf, prismaPdfWarnings, prismaPng } from './reporting/prisma-images.js';
export { loadPrismaReport, type PrismaReport, prismaCsv } from './reporting/prisma-report.js';
export { type CodebookExportFormat, encodeCodebookExport } from './routes/codebook-exchange.js';
export { decisionExportRows } from './screening/decision-export-rows.js';
export { askerOf } from './screening/stage-views.js';
export { defaultWebRoot, type RunningServer, type StartOptions, startServer } from './start-server.js';
