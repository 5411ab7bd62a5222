import type { Migration } from 'kysely';
import * as m0001 from './0001-initial.js';
import * as m0002 from './0002-identification.js';
import * as m0003 from './0003-upload-storage.js';
import * as m0004 from './0004-screening.js';
import * as m0005 from './0005-dedup-review.js';
import * as m0007 from './0007-reporting.js';
import * as m0008 from './0008-coding.js';
import * as m0009 from './0009-cases.js';
import * as m0010 from './0010-memos.js';
import * as m0011 from './0011-report-files.js';
import * as m0012 from './0012-stage-outcomes.js';
import * as m0013 from './0013-upload-chunks.js';
import * as m0014 from './0014-qdpx.js';
import * as m0015 from './0015-record-removals.js';
import * as m0016 from './0016-coded-quote.js';

/**
 * Every migration, in order. Names sort lexically; the Migrator applies them forward only.
 * Listed statically (not read from disk) so the bundle works wherever it runs.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-identification': m0002,
  '0003-upload-storage': m0003,
  '0004-screening': m0004,
  '0005-dedup-review': m0005,
  '0007-reporting': m0007,
  '0008-coding': m0008,
  '0009-cases': m0009,
  '0010-memos': m0010,
  '0011-report-files': m0011,
  '0012-stage-outcomes': m0012,
  '0013-upload-chunks': m0013,
  '0014-qdpx': m0014,
  '0015-record-removals': m0015,
  '0016-coded-quote': m0016,
};

export const SCHEMA_VERSION = Object.keys(MIGRATIONS).length;
