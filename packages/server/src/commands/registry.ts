import type { CommandType } from '@weft/protocol';
import { CASES_HANDLERS } from './cases-handlers.js';
import { CODING_HANDLERS } from './coding-handlers.js';
import type { CommandHandler } from './command-handler.js';
import { demoCreate } from './handlers/demo-create.js';
import { memberAdd, memberChangeRole, memberRemove } from './handlers/members.js';
import { projectCreate } from './handlers/project-create.js';
import { projectArchive, projectDescribe, projectRename, projectUnarchive } from './handlers/project-edit.js';
import { REPORT_FILE_HANDLERS } from './handlers/report-files.js';
import { userCreate } from './handlers/user-create.js';
import { IDENTIFICATION_HANDLERS } from './identification-handlers.js';
import { MEMO_HANDLERS } from './memo-handlers.js';
import { QDPX_HANDLERS } from './qdpx-handlers.js';
import { REPORTING_HANDLERS } from './reporting-handlers.js';
import { SCREENING_HANDLERS } from './screening-handlers.js';

/** Every command type has exactly one handler; the `satisfies` makes a missing one a type error. */
export const HANDLERS = {
  'user.create': userCreate,
  'project.create': projectCreate,
  'project.rename': projectRename,
  'project.describe': projectDescribe,
  'project.archive': projectArchive,
  'project.unarchive': projectUnarchive,
  'member.add': memberAdd,
  'member.change-role': memberChangeRole,
  'member.remove': memberRemove,
  'demo.create': demoCreate,
  ...IDENTIFICATION_HANDLERS,
  ...SCREENING_HANDLERS,
  ...REPORTING_HANDLERS,
  ...REPORT_FILE_HANDLERS,
  ...CODING_HANDLERS,
  ...CASES_HANDLERS,
  ...MEMO_HANDLERS,
  ...QDPX_HANDLERS,
  // biome-ignore lint/suspicious/noExplicitAny: each entry is checked against its own type below
} satisfies { [T in CommandType]: CommandHandler<T, any> };

// biome-ignore lint/suspicious/noExplicitAny: the registry is heterogenous by design
export function handlerFor(type: CommandType): CommandHandler<CommandType, any> {
  // biome-ignore lint/suspicious/noExplicitAny: see above
  return HANDLERS[type] as CommandHandler<CommandType, any>;
}
