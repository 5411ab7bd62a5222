import { WeftError } from '@weft/core';
import { formatDecisionFile } from '@weft/formats';
import {
  type AgreementResponse,
  type ConflictsResponse,
  type DecisionHistoryResponse,
  decisionsExportQuerySchema,
  type NextRecordsResponse,
  nextRecordsQuerySchema,
  type ScreeningListResponse,
  type StageDashboardResponse,
  type StagesResponse,
  type StoppingEvidenceView,
  screeningRecordsQuerySchema,
} from '@weft/protocol';
import {
  conflictRecords,
  currentDecisions,
  decisionCountsByReviewer,
  decisionHistory,
  listReasons,
  listResolutions,
  listStageRecords,
  listStages,
  listStops,
  myDecisionCount,
  nextRecords,
  type StageRecord,
  type StoredStage,
  stageChain,
  stageRecordState,
} from '@weft/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validationError } from '../commands/execute-command.js';
import { requireProjectAction } from '../http/request-context.js';
import {
  presentDecision,
  presentResolution,
  presentScreeningRecord,
} from '../presenters/screening-presenter.js';
import { decisionExportRows } from '../screening/decision-export-rows.js';
import { stageAgreement } from '../screening/stage-agreement.js';
import { loadStage } from '../screening/stage-context.js';
import {
  type Asker,
  askerOf,
  blindedFor,
  mayReveal,
  mayScreen,
  stageProgress,
  stageView,
  toProgress,
} from '../screening/stage-views.js';
import { blindModelStatus, modelStatus, stoppingEvidence } from '../screening/stopping-evidence.js';
import type { ServerDeps } from '../server-deps.js';

interface StageParams {
  id: string;
  stageId: string;
}

const BASE = '/api/projects/:id/screening';

/**
 * A record for the asker. The model also trains on single decisions of records that need two,
 * so a record's score would hint at another reviewer's verdict: it is withheld until the record
 * may be revealed.
 */
function recordFor(item: StageRecord, stage: StoredStage, asker: Asker) {
  const view = presentScreeningRecord(item);
  if (blindedFor(stage, asker) && item.state.n > 0 && !mayReveal(stage, item.state, asker))
    return { ...view, score: null };
  return view;
}

/** content-disposition for a stage's decisions: plain ASCII in `filename`, the real name in `filename*`. */
function decisionsAttachment(projectName: string, stageKey: string, extension: string): string {
  const name = `${projectName.trim() || 'project'}-${stageKey}-decisions.${extension}`;
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '-');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * The screening read routes. Every answer is shaped for the asker: until a record has all the
 * decisions it needs (or the lead unblinds the stage), a reviewer sees only their own decision
 * on it; leads (screening.read-all-decisions) see everything.
 */
export function screeningRoutes(app: FastifyInstance, { store }: ServerDeps): void {
  const db = store.db;

  async function context(request: FastifyRequest<{ Params: StageParams }>) {
    const { user, project, role } = await requireProjectAction(
      store,
      request,
      request.params.id,
      'screening.read',
    );
    const { stage, chain } = await loadStage(db, project.id, request.params.stageId);
    return { project, stage, chain, asker: askerOf(user, role) };
  }

  app.get<{ Params: { id: string } }>(`${BASE}/stages`, async (request): Promise<StagesResponse> => {
    const { user, project, role } = await requireProjectAction(
      store,
      request,
      request.params.id,
      'screening.read',
    );
    const asker = askerOf(user, role);
    const stages = await listStages(db, project.id);
    const views = [];
    for (const stage of stages) views.push(await stageView(db, await stageChain(db, stage), asker));
    return { stages: views };
  });

  app.get<{ Params: StageParams }>(
    `${BASE}/stages/:stageId/next`,
    async (request): Promise<NextRecordsResponse> => {
      const { stage, chain, asker } = await context(request);
      const query = nextRecordsQuerySchema.safeParse(request.query);
      if (!query.success) throw validationError(query.error, 'Next records query');
      const open = stage.status !== 'closed' && mayScreen(stage, asker);
      // The queue's query also counts the stage (one scan): the screen asks for this after every decision.
      const next = open ? await nextRecords(db, chain, asker.userId, query.data.count) : undefined;
      const progress = next
        ? toProgress(next.counts, await myDecisionCount(db, stage.id, asker.userId))
        : await stageProgress(db, chain, asker);
      const model = await modelStatus(db, stage.id);
      return {
        records: (next?.records ?? []).map((item) => recordFor(item, stage, asker)),
        model: blindedFor(stage, asker) ? blindModelStatus(model, progress) : model,
        progress,
        order: next?.order ?? 'random',
      };
    },
  );

  app.get<{ Params: StageParams }>(
    `${BASE}/stages/:stageId/records`,
    async (request): Promise<ScreeningListResponse> => {
      const { stage, chain, asker } = await context(request);
      const parsed = screeningRecordsQuerySchema.safeParse(request.query);
      if (!parsed.success) throw validationError(parsed.error, 'Screening records query');
      const query = parsed.data;
      const seesOthers = asker.seesAll || !stage.blinded;
      // Filtering by another reviewer's decisions would reveal them: only their own, while blinded.
      if (query.reviewerId && query.reviewerId !== asker.userId && !seesOthers)
        throw new WeftError(
          'forbidden',
          'While the stage is blinded you can filter by your own decisions only.',
          { projectId: stage.projectId },
        );
      const page = await listStageRecords(db, chain, {
        decision: query.decision,
        decisionOf: query.reviewerId,
        conflict: query.conflict,
        reviewerId: query.reviewerId,
        reasonId: query.reasonId,
        reasonOf: seesOthers ? query.reviewerId : asker.userId,
        q: query.q,
        offset: query.offset,
        limit: query.limit,
      });
      const decisions = await currentDecisions(
        db,
        stage.id,
        page.records.map((r) => r.recordId),
      );
      return {
        items: page.records.map((item) => {
          const onRecord = decisions.filter((d) => d.recordId === item.recordId);
          const mine = onRecord.find((d) => d.reviewerId === asker.userId);
          return {
            record: recordFor(item, stage, asker),
            myDecision: mine ? presentDecision(mine) : null,
            decisions: mayReveal(stage, item.state, asker) ? onRecord.map(presentDecision) : null,
            finalDecision: item.state.final,
            conflict: item.state.conflict,
          };
        }),
        total: page.total,
      };
    },
  );

  app.get<{ Params: StageParams & { recordId: string } }>(
    `${BASE}/stages/:stageId/records/:recordId/history`,
    async (request): Promise<DecisionHistoryResponse> => {
      const { stage, chain, asker } = await context(request);
      const { recordId } = request.params;
      if (!/^[0-9a-f-]{36}$/i.test(recordId)) throw new WeftError('not-found', 'This record does not exist.');
      const state = await stageRecordState(db, chain, recordId);
      const reveal = mayReveal(stage, state, asker);
      const history = await decisionHistory(db, stage.id, recordId);
      const visible = history.filter((d) => asker.seesAll || d.reviewerId === asker.userId);
      return {
        decisions: visible.map((d) => ({ ...presentDecision(d), retracted: d.retracted })),
        resolutions: reveal
          ? (await listResolutions(db, stage.id, [recordId], true)).map(presentResolution)
          : [],
      };
    },
  );

  app.get<{ Params: StageParams }>(
    `${BASE}/stages/:stageId/conflicts`,
    async (request): Promise<ConflictsResponse> => {
      const { stage, chain, asker } = await context(request);
      const records = (await conflictRecords(db, chain)).filter((r) => mayReveal(stage, r.state, asker));
      const ids = records.map((r) => r.recordId);
      const [decisions, resolutions] = await Promise.all([
        currentDecisions(db, stage.id, ids),
        listResolutions(db, stage.id, ids),
      ]);
      return {
        conflicts: records.map((item) => {
          const resolution = resolutions.find((r) => r.recordId === item.recordId);
          return {
            record: presentScreeningRecord(item),
            decisions: decisions.filter((d) => d.recordId === item.recordId).map(presentDecision),
            resolution: resolution ? presentResolution(resolution) : null,
          };
        }),
        unresolved: records.filter((r) => r.state.conflict).length,
      };
    },
  );

  app.get<{ Params: StageParams }>(
    `${BASE}/stages/:stageId/agreement`,
    async (request): Promise<AgreementResponse> => {
      const { stage } = await context(request);
      // Only records two reviewers both decided enter: nothing one reviewer alone decided shows.
      const [decisions, reasons] = await Promise.all([
        currentDecisions(db, stage.id),
        listReasons(db, [stage.id]),
      ]);
      return stageAgreement(stage.id, decisions, reasons);
    },
  );

  app.get<{ Params: StageParams }>(
    `${BASE}/stages/:stageId/dashboard`,
    async (request): Promise<StageDashboardResponse> => {
      const { stage, chain, asker } = await context(request);
      const [view, evidence, reviewers, stops] = await Promise.all([
        stageView(db, chain, asker),
        stoppingEvidence(db, chain, blindedFor(stage, asker)),
        decisionCountsByReviewer(db, stage.id),
        listStops(db, stage.id),
      ]);
      return {
        stage: view,
        evidence,
        reviewers: asker.seesAll ? reviewers : reviewers.filter((r) => r.reviewerId === asker.userId),
        stops: stops.map((s) => ({
          at: s.at.toISOString(),
          by: s.stoppedByName,
          note: s.note,
          evidence: s.evidence as StoppingEvidenceView,
        })),
      };
    },
  );

  app.get<{ Params: StageParams }>(`${BASE}/stages/:stageId/decisions.csv`, async (request, reply) => {
    const { project, stage, chain, asker } = await context(request);
    const query = decisionsExportQuerySchema.safeParse(request.query);
    if (!query.success) throw validationError(query.error, 'Export query');
    if (query.data.format === 'ris')
      throw new WeftError('validation', 'format: ask for decisions.ris to export RIS.');
    const body = formatDecisionFile(query.data.format, await decisionExportRows(db, chain, asker));
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', decisionsAttachment(project.name, stage.key, 'csv'))
      .header('cache-control', 'no-store')
      .send(body);
  });

  app.get<{ Params: StageParams }>(`${BASE}/stages/:stageId/decisions.ris`, async (request, reply) => {
    const { project, stage, chain, asker } = await context(request);
    const body = formatDecisionFile('ris', await decisionExportRows(db, chain, asker));
    return reply
      .header('content-type', 'application/x-research-info-systems; charset=utf-8')
      .header('content-disposition', decisionsAttachment(project.name, stage.key, 'ris'))
      .header('cache-control', 'no-store')
      .send(body);
  });
}
