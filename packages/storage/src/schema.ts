import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import { CASE_TABLES, type CaseTables } from './cases-schema.js';
import { CODING_TABLES, type CodingTables } from './coding-schema.js';
import { IDENTIFICATION_TABLES, type IdentificationTables } from './identification-schema.js';
import { MEMO_TABLES, type MemoTables } from './memos-schema.js';
import { QDPX_TABLES, type QdpxTables } from './qdpx-schema.js';
import { REPORT_FILE_TABLES, type ReportFileTables } from './reporting/report-files-schema.js';
import { REPORTING_TABLES, type ReportingTables } from './reporting-schema.js';
import type { StageOutcomeTables } from './screening/stage-outcomes-schema.js';
import { SCREENING_TABLES, type ScreeningTables } from './screening-schema.js';

/** Timestamps are written as ISO strings or Dates and read back as Dates by node-postgres. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  is_admin: boolean;
  created_at: Timestamp;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token: a leaked database does not leak live sessions. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export interface ProjectsTable {
  id: string;
  name: string;
  description: string;
  archived: boolean;
  version: number;
  created_at: Timestamp;
  created_by: string;
  last_seq: number;
}

export interface MembersTable {
  project_id: string;
  user_id: string;
  role: string;
  version: number;
  added_at: Timestamp;
}

/** Every accepted command, project-scoped or not: the idempotency ledger. */
export interface CommandsTable {
  id: string;
  type: string;
  project_id: string | null;
  actor_id: string;
  payload: Json;
  result: Json;
  at: Timestamp;
}

/** The per-project event log. Append-only, enforced by a trigger. */
export interface EventsTable {
  project_id: string;
  seq: number;
  command_id: string;
  actor_id: string;
  actor_name: string;
  type: string;
  payload: Json;
  at: Timestamp;
}

/** Security-relevant outcomes that change nothing else: denied requests, failed logins. */
export interface AuditEntriesTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  project_id: string | null;
  action: string;
  outcome: string;
  detail: Json;
}

export interface Database
  extends IdentificationTables,
    ScreeningTables,
    StageOutcomeTables,
    ReportingTables,
    ReportFileTables,
    CodingTables,
    CaseTables,
    MemoTables,
    QdpxTables {
  users: UsersTable;
  sessions: SessionsTable;
  projects: ProjectsTable;
  members: MembersTable;
  commands: CommandsTable;
  events: EventsTable;
  audit_entries: AuditEntriesTable;
}

export type UserRow = Selectable<UsersTable>;
export type ProjectRow = Selectable<ProjectsTable>;
export type MemberRow = Selectable<MembersTable>;
export type EventRow = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;

/** Tables in an order that satisfies foreign keys, for backup and restore. */
export const TABLES_IN_DEPENDENCY_ORDER = [
  'users',
  'projects',
  'members',
  'commands',
  'events',
  'audit_entries',
  'sessions',
  ...IDENTIFICATION_TABLES,
  ...SCREENING_TABLES,
  ...REPORTING_TABLES,
  ...REPORT_FILE_TABLES,
  ...CODING_TABLES,
  ...CASE_TABLES,
  ...MEMO_TABLES,
  ...QDPX_TABLES,
] as const satisfies readonly (keyof Database)[];
