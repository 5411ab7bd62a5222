import type { Database } from '@weft/storage';
import type { Kysely } from 'kysely';
import { loadPrismaReport, type PrismaReport } from './prisma-report.js';

/**
 * The last PRISMA report computed per project, kept while the project's event log has not moved.
 * Every fact the flow counts changes through a command (and so the log's last seq), so a report
 * computed at seq N is the report at seq N. Several people watching the diagram, the downloads
 * and box look-ups then share one computation per change instead of one each.
 */
export class PrismaReportCache {
  private readonly entries = new Map<string, { seq: number; report: Promise<PrismaReport> }>();

  constructor(private readonly capacity = 16) {}

  get(db: Kysely<Database>, project: { id: string; lastSeq: number }): Promise<PrismaReport> {
    const cached = this.entries.get(project.id);
    if (cached && cached.seq === project.lastSeq) {
      // Most recently used last, so the oldest is evicted first.
      this.entries.delete(project.id);
      this.entries.set(project.id, cached);
      return cached.report;
    }
    const report = loadPrismaReport(db, project.id);
    this.entries.set(project.id, { seq: project.lastSeq, report });
    report.catch(() => this.entries.delete(project.id));
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return report;
  }
}
