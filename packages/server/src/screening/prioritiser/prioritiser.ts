import { createHash } from 'node:crypto';
import { defaultModelSettings, type ModelSettings } from '@weft/core';
import {
  EVENTS_CHANNEL,
  eligibleRecordIds,
  findStage,
  listStages,
  readEvents,
  type Store,
  saveModelRun,
  stageChain,
  stageCorpus,
  trainingLabels,
  type Unsubscribe,
} from '@weft/storage';
import { ModelWorker } from './model-worker.js';
import type { TrainTimings } from './stage-model.js';

export interface PrioritiserOptions {
  /** Least time between two retrains of one stage (decisions in between are coalesced). */
  minIntervalMs?: number;
  /** Wait this long after a decision before retraining, so a burst becomes one retrain. */
  debounceMs?: number;
  settings?: ModelSettings;
  onError?: (error: unknown) => void;
  /** Told about each finished retrain (tests, logs). */
  onTrained?: (run: TrainedRun) => void;
}

export interface TrainedRun {
  projectId: string;
  stageId: string;
  version: number;
  includes: number;
  excludes: number;
  records: number;
  timings: TrainTimings;
}

interface StageState {
  projectId: string;
  timer: NodeJS.Timeout | undefined;
  running: Promise<void> | undefined;
  dirty: boolean;
  lastStart: number;
}

/** Events that change no stage's labels or records (the prioritiser's own, membership, …). */
const IGNORED = /^(model\.|member\.|project\.|user\.|search\.)/;

/**
 * Retrains a stage's model after its decisions change and stores the new ranking.
 *
 * Trigger: the event log's LISTEN channel. Every committed event is announced there (by
 * whichever server instance or CLI process committed it), so decisions recorded by commands,
 * imports and resolutions all arrive the same way without the command path knowing about
 * models, and a rolled-back command never triggers a retrain. The prioritiser reads the new
 * events itself and schedules the stages they name (the stage and the stages after it, whose
 * records follow its decisions); imports and duplicate merges change the first stage's records,
 * so they reschedule every stage that already has a model.
 *
 * Scheduling: per stage at most one retrain runs, at most once per `minIntervalMs`; decisions
 * arriving meanwhile mark it dirty and are taken in one further retrain (coalescing).
 */
export class Prioritiser {
  private readonly worker = new ModelWorker();
  private readonly stages = new Map<string, StageState>();
  private readonly lastSeq = new Map<string, number>();
  /** Corpus the worker holds per stage (it keeps texts between retrains). */
  private readonly sentCorpus = new Map<string, string>();
  /**
   * Each stage's eligible records (and their key) as last read. Only events that can change them
   * clear it (imports, merges, decisions at an earlier stage), so a retrain after a decision
   * does not re-read a large project's eligibility.
   */
  private readonly corpusIds = new Map<string, { ids: string[]; key: string }>();
  private unlisten: Unsubscribe | undefined;
  private stopped = false;
  private readonly minIntervalMs: number;
  private readonly debounceMs: number;
  private readonly settings: ModelSettings;

  constructor(
    private readonly store: Store,
    private readonly options: PrioritiserOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 1000;
    this.debounceMs = options.debounceMs ?? 100;
    this.settings = options.settings ?? defaultModelSettings;
  }

  async start(): Promise<void> {
    this.unlisten = await this.store.listen(EVENTS_CHANNEL, (payload) => {
      try {
        const { projectId, seq } = JSON.parse(payload) as { projectId: string; seq: number };
        void this.readNew(projectId, seq).catch((error) => this.fail(error));
      } catch (error) {
        this.fail(error);
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.unlisten?.();
    for (const state of this.stages.values()) if (state.timer) clearTimeout(state.timer);
    await Promise.allSettled([...this.stages.values()].map((s) => s.running));
    await this.worker.terminate();
  }

  /** Asks for a retrain of the stage (coalesced with any pending one). */
  schedule(projectId: string, stageId: string): void {
    if (this.stopped) return;
    let state = this.stages.get(stageId);
    if (!state) {
      state = { projectId, timer: undefined, running: undefined, dirty: false, lastStart: 0 };
      this.stages.set(stageId, state);
    }
    if (state.running) {
      state.dirty = true;
      return;
    }
    if (state.timer) return;
    const wait = Math.max(this.debounceMs, state.lastStart + this.minIntervalMs - Date.now());
    const current = state;
    current.timer = setTimeout(() => {
      current.timer = undefined;
      current.lastStart = Date.now();
      current.running = this.retrain(current.projectId, stageId)
        .then(() => undefined)
        .catch((error) => this.fail(error))
        .finally(() => {
          current.running = undefined;
          if (current.dirty) {
            current.dirty = false;
            this.schedule(current.projectId, stageId);
          }
        });
    }, wait);
  }

  /** Resolves when no retrain is pending or running (tests). */
  async idle(): Promise<void> {
    for (;;) {
      const busy = [...this.stages.values()].filter((s) => s.timer || s.running || s.dirty);
      if (busy.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /**
   * One retrain: labels from the stage's decisions (final where there is one, else any current
   * decision; include or maybe = relevant), none before one of each; the worker trains on the
   * stage's eligible records and scores them all; the ranking and run are stored.
   */
  async retrain(projectId: string, stageId: string): Promise<TrainedRun | undefined> {
    const db = this.store.db;
    const stage = await findStage(db, projectId, stageId);
    if (!stage) return undefined;
    const chain = await stageChain(db, stage);
    let corpus = this.corpusIds.get(stageId);
    if (!corpus) {
      const ids = await eligibleRecordIds(db, chain);
      corpus = { ids, key: createHash('sha256').update(ids.join(',')).digest('base64url') };
      this.corpusIds.set(stageId, corpus);
    }
    const { ids, key: corpusKey } = corpus;
    const rowOf = new Map(ids.map((id, row) => [id, row]));
    // Labels of records the stage no longer screens (merged away, excluded earlier) do not count.
    const inCorpus = (await trainingLabels(db, stageId)).filter((l) => rowOf.has(l.recordId));
    const includes = inCorpus.filter((l) => l.relevant).length;
    const excludes = inCorpus.length - includes;
    if (includes === 0 || excludes === 0) return undefined;

    const labelledRows = Int32Array.from(inCorpus, (l) => rowOf.get(l.recordId) as number);
    const labels = Uint8Array.from(inCorpus, (l) => (l.relevant ? 1 : 0));
    const seed = stage.sampleSeed;
    const request = { stageId, corpusKey, labelledRows, labels, settings: this.settings, seed };

    let outcome =
      this.sentCorpus.get(stageId) === corpusKey
        ? await this.worker.train(request)
        : ({ kind: 'need-corpus' } as const);
    let recordIds = ids;
    if (outcome.kind === 'need-corpus') {
      const texts = await stageCorpus(db, chain);
      // Same query order (record id), so the rows of `ids` and of the texts agree.
      recordIds = texts.recordIds;
      if (recordIds.length !== ids.length || recordIds.some((id, i) => id !== ids[i]))
        return this.retrainSoon(projectId, stageId);
      outcome = await this.worker.train({ ...request, texts: texts.texts });
      this.sentCorpus.set(stageId, corpusKey);
    }
    if (outcome.kind !== 'trained') return undefined;

    const saved = await saveModelRun(db, {
      projectId,
      stageId,
      settings: { model: this.settings, seed, warmStart: outcome.warmStart, labelRule: LABEL_RULE },
      includes,
      excludes,
      trainedAt: new Date(),
      recordIds,
      scores: outcome.scores,
    });
    if (!saved) return undefined;
    const run: TrainedRun = {
      projectId,
      stageId,
      version: saved.version,
      includes,
      excludes,
      records: recordIds.length,
      timings: outcome.timings,
    };
    this.options.onTrained?.(run);
    return run;
  }

  /** The records changed between two reads: try again shortly rather than rank a mixed set. */
  private retrainSoon(projectId: string, stageId: string): undefined {
    this.sentCorpus.delete(stageId);
    this.corpusIds.delete(stageId);
    const state = this.stages.get(stageId);
    if (state) state.dirty = true;
    else this.schedule(projectId, stageId);
    return undefined;
  }

  private async readNew(projectId: string, seq: number): Promise<void> {
    const after = this.lastSeq.get(projectId) ?? seq - 1;
    if (seq <= after) return;
    const events = await readEvents(this.store.db, projectId, after, 1000);
    const last = events[events.length - 1];
    if (last) this.lastSeq.set(projectId, Math.max(this.lastSeq.get(projectId) ?? 0, last.seq));
    const stageIds = new Set<string>();
    let recordsChanged = false;
    for (const event of events) {
      if (IGNORED.test(event.eventType)) continue;
      const stageId = (event.payload as { stageId?: unknown } | null)?.stageId;
      if (typeof stageId === 'string') stageIds.add(stageId);
      else if (/^(records\.|duplicates\.|dedup\.)/.test(event.eventType)) recordsChanged = true;
    }
    if (stageIds.size === 0 && !recordsChanged) return;
    const stages = await listStages(this.store.db, projectId);
    const modelled = new Set(this.sentCorpus.keys());
    for (const stage of stages) {
      const after = [...stageIds].some((id) => {
        const named = stages.find((s) => s.id === id);
        return named !== undefined && stage.position > named.position;
      });
      // Imports and merges change the first stage's records; decisions at a stage, the later ones'.
      if (recordsChanged || after) this.corpusIds.delete(stage.id);
      if (stageIds.has(stage.id) || ((after || recordsChanged) && modelled.has(stage.id)))
        this.schedule(projectId, stage.id);
    }
  }

  private fail(error: unknown): void {
    this.options.onError?.(error);
  }
}

/** How decisions become training labels (recorded with each run). */
const LABEL_RULE =
  'final decision, else any current decision; include or maybe = relevant, exclude = irrelevant';
