import type { CommandType } from '@weft/protocol';
import type { CommandHandler } from './command-handler.js';
import { dedupMarkNotDuplicate, dedupMerge, dedupUnmerge } from './handlers/dedup-answers.js';
import { dedupRun } from './handlers/dedup-run.js';
import { demoCreate } from './handlers/demo-create.js';
import { importRecords } from './handlers/import-records.js';
import { memberAdd, memberChangeRole, memberRemove } from './handlers/members.js';
import { projectCreate } from './handlers/project-create.js';
import { projectArchive, projectDescribe, projectRename, projectUnarchive } from './handlers/project-edit.js';
import { searchCreate, searchUpdate } from './handlers/search.js';
import { userCreate } from './handlers/user-create.js';

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
  'search.create': searchCreate,
  'search.update': searchUpdate,
  'import.records': importRecords,
  'dedup.run': dedupRun,
  'dedup.merge': dedupMerge,
  'dedup.unmerge': dedupUnmerge,
  'dedup.mark-not-duplicate': dedupMarkNotDuplicate,
  // biome-ignore lint/suspicious/noExplicitAny: each entry is checked against its own type below
} satisfies { [T in CommandType]: CommandHandler<T, any> };

// biome-ignore lint/suspicious/noExplicitAny: the registry is heterogenous by design
export function handlerFor(type: CommandType): CommandHandler<CommandType, any> {
  // biome-ignore lint/suspicious/noExplicitAny: see above
  return HANDLERS[type] as CommandHandler<CommandType, any>;
}
