import { notifications } from '@mantine/notifications';
import {
  type CodebookNode,
  type CodebookResponse,
  type CodingView,
  type DocumentCoding,
  type DocumentResponse,
  quoteOf,
} from '@weft/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { codingApi } from '../api/coding';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { useCurrentUser } from '../session/session-context';
import { flattenCodebook, unusedColour } from './code-colours';
import { fetchDocumentCodings } from './coding-reads';
import { applyCodingEvent } from './live-codings';

export interface Range {
  start: number;
  end: number;
}

/** Codings as the screen keeps them: each with its quote, which the read leaves out when it is the text. */
function withQuotes(text: string, codings: DocumentCoding[]): Map<string, CodingView> {
  return new Map(codings.map((c) => [c.id, { ...c, exact: quoteOf(text, c) }]));
}

interface Loaded {
  response: DocumentResponse;
  /** The live feed's last seq when the read started: later events are applied on top of it. */
  seqAtLoad: number;
}

/**
 * The open document, its codings and the codebook, kept current: one's own changes show at
 * once (optimistic, rolled back with a message if the server refuses), other people's arrive
 * through the project's live events and are applied to the codings in place — only bulk
 * codebook changes read the codings again, and only an edit of the text reloads the document.
 */
export function useCodingDocument(projectId: string, documentId: string) {
  const { live } = useProject();
  const user = useCurrentUser();
  const liveSeq = useRef(live.lastSeq);
  liveSeq.current = live.lastSeq;

  const document = useResource<Loaded>(`${projectId}/${documentId}`, async () => {
    const seqAtLoad = liveSeq.current;
    return { response: await codingApi.document(projectId, documentId), seqAtLoad };
  });
  const codebook = useResource<CodebookResponse>(projectId, () => codingApi.codebook(projectId));
  const [codings, setCodings] = useState<Map<string, CodingView>>(new Map());
  const codingsRef = useRef(codings);
  codingsRef.current = codings;
  const handled = useRef(0);

  const loaded = document.data;
  const textRef = useRef('');
  textRef.current = loaded?.response.version.text ?? '';
  useEffect(() => {
    if (!loaded) return;
    setCodings(withQuotes(loaded.response.version.text, loaded.response.codings));
    handled.current = loaded.seqAtLoad;
  }, [loaded]);

  const refetchCodings = useCallback(async () => {
    try {
      const fresh = await fetchDocumentCodings(projectId, documentId);
      setCodings(withQuotes(textRef.current, fresh.codings));
    } catch (error) {
      notifications.show({ color: 'red', title: 'Codings not refreshed', message: errorMessage(error) });
    }
  }, [projectId, documentId]);

  const codebookTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(codebookTimer.current), []);
  const { reload: reloadDocument } = document;
  const { reload: reloadCodebook } = codebook;
  useEffect(() => {
    if (!loaded) return;
    const fresh = live.events.filter((e) => e.seq > handled.current);
    if (fresh.length === 0) return;
    handled.current = live.lastSeq;
    const next = new Map(codingsRef.current);
    let applied = false;
    let refetch = false;
    let reload = false;
    let codebookChanged = false;
    for (const event of fresh) {
      if (event.eventType.startsWith('code.')) codebookChanged = true;
      const effect = applyCodingEvent(next, event, documentId);
      if (effect.kind === 'applied') applied = true;
      else if (effect.kind === 'refetch-codings') refetch = true;
      else if (effect.kind === 'reload-document') reload = true;
    }
    // Code counts change with every coding: read the codebook once a burst has passed.
    if (codebookChanged || fresh.some((e) => e.eventType.startsWith('coding.'))) {
      clearTimeout(codebookTimer.current);
      codebookTimer.current = setTimeout(() => void reloadCodebook(), codebookChanged ? 0 : 400);
    }
    if (reload) void reloadDocument();
    else if (refetch) void refetchCodings();
    else if (applied) setCodings(next);
  }, [live.events, live.lastSeq, loaded, documentId, reloadDocument, reloadCodebook, refetchCodings]);

  const version = loaded?.response.version;
  const text = version?.text ?? '';

  const change = useCallback((edit: (map: Map<string, CodingView>) => void) => {
    setCodings((current) => {
      const next = new Map(current);
      edit(next);
      return next;
    });
  }, []);

  const fail = useCallback(
    (title: string, error: unknown) => {
      notifications.show({ color: 'red', title, message: errorMessage(error) });
      void refetchCodings();
    },
    [refetchCodings],
  );

  const addCoding = useCallback(
    async (codeId: string, range: Range) => {
      if (!version) return;
      const codingId = crypto.randomUUID();
      change((map) =>
        map.set(codingId, {
          id: codingId,
          codeId,
          documentId,
          versionId: version.id,
          start: range.start,
          end: range.end,
          exact: text.slice(range.start, range.end),
          coderId: user.id,
          createdAt: new Date().toISOString(),
          anchorStatus: 'kept',
          score: 1,
        }),
      );
      try {
        await sendCommand(
          'coding.add',
          { codingId, documentId, versionId: version.id, codeId, start: range.start, end: range.end },
          projectId,
        );
      } catch (error) {
        change((map) => map.delete(codingId));
        fail('Not coded', error);
      }
    },
    [version, text, documentId, projectId, user.id, change, fail],
  );

  /** A new top-level code (or the existing one of that name), then the coding. */
  const createAndCode = useCallback(
    async (name: string, range: Range) => {
      const existing = codebook.data?.codes.find(
        (c) => c.name.trim().toLocaleLowerCase('en') === name.trim().toLocaleLowerCase('en'),
      );
      if (existing) return addCoding(existing.id, range);
      const codeId = crypto.randomUUID();
      // A colour of its own from the start, so the codebook shows what the text shows.
      const colour = unusedColour(
        flattenCodebook(codebook.data?.codes ?? []).map((c) => c.colour),
        codeId,
      );
      if (codebook.data) {
        const node: CodebookNode = {
          id: codeId,
          parentId: null,
          name,
          description: '',
          inclusion: '',
          exclusion: '',
          example: '',
          colour,
          shortcut: null,
          codingCount: 0,
          children: [],
        };
        codebook.setData({ ...codebook.data, codes: [...codebook.data.codes, node] });
      }
      try {
        await sendCommand('code.create', { codeId, name, parentId: null, colour }, projectId);
      } catch (error) {
        void reloadCodebook();
        notifications.show({ color: 'red', title: 'Code not created', message: errorMessage(error) });
        return;
      }
      await addCoding(codeId, range);
    },
    [codebook, addCoding, projectId, reloadCodebook],
  );

  const removeCoding = useCallback(
    async (codingId: string) => {
      change((map) => map.delete(codingId));
      try {
        await sendCommand('coding.remove', { codingId }, projectId);
      } catch (error) {
        fail('Not uncoded', error);
      }
    },
    [change, fail, projectId],
  );

  const recode = useCallback(
    async (codingId: string, codeId: string) => {
      change((map) => {
        const current = map.get(codingId);
        if (current) map.set(codingId, { ...current, codeId });
      });
      try {
        await sendCommand('coding.recode', { codingId, codeId }, projectId);
      } catch (error) {
        fail('Not recoded', error);
      }
    },
    [change, fail, projectId],
  );

  // Word-by-word extent changes are shown at once and sent once the keys rest.
  const resizeTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const resize = useCallback(
    (codingId: string, range: Range) => {
      change((map) => {
        const current = map.get(codingId);
        // A span placed by hand is settled: the server marks it kept (a fuzzy placement confirmed).
        if (current)
          map.set(codingId, {
            ...current,
            ...range,
            exact: text.slice(range.start, range.end),
            anchorStatus: 'kept',
            score: 1,
          });
      });
      clearTimeout(resizeTimers.current.get(codingId));
      resizeTimers.current.set(
        codingId,
        setTimeout(() => {
          resizeTimers.current.delete(codingId);
          sendCommand('coding.resize', { codingId, ...range }, projectId).catch((error) =>
            fail('Extent not changed', error),
          );
        }, 450),
      );
    },
    [change, fail, projectId, text],
  );
  useEffect(() => {
    const timers = resizeTimers.current;
    return () => {
      for (const timer of timers.values()) clearTimeout(timer);
    };
  }, []);

  const undoRedo = useCallback(
    async (step: 'undo' | 'redo') => {
      try {
        await sendCommand(step === 'undo' ? 'coding.undo' : 'coding.redo', {}, projectId);
      } catch (error) {
        notifications.show({
          color: 'gray',
          title: step === 'undo' ? 'Nothing undone' : 'Nothing redone',
          message: errorMessage(error),
        });
      }
    },
    [projectId],
  );

  // An orphan keeps its last position only as a clue for the review queue: drawn there it would
  // mark text nobody coded, so the screen shows placed codings and counts the orphans apart.
  const sorted = useMemo(
    () =>
      [...codings.values()]
        .filter((c) => c.anchorStatus !== 'orphan')
        .sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1)),
    [codings],
  );
  const orphanCount = codings.size - sorted.length;

  return {
    document,
    codebook,
    response: loaded?.response,
    text,
    codings: sorted,
    codingById: codings,
    orphanCount,
    addCoding,
    createAndCode,
    removeCoding,
    recode,
    resize,
    undoRedo,
    refetchCodings,
  };
}

export type CodingDocument = ReturnType<typeof useCodingDocument>;
