import {
  Badge,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  Stack,
  Switch,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconEdit, IconFileText, IconKeyboard, IconQuote, IconTag } from '@tabler/icons-react';
import { mayDo, type Role } from '@weft/core';
import type { CodingView } from '@weft/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CodebookTree } from '../codebook/codebook-tree';
import { MemoPanel } from '../memos/memo-panel';
import { useProject } from '../project/project-context';
import { isTypingTarget } from '../screening/screening-keys';
import { LoadError } from '../ui/load-error';
import { type CodeInfo, flattenCodebook } from './code-colours';
import { CodePalette } from './code-palette';
import { codingKeyAction, normaliseShortcut } from './coding-keys';
import { CodingKeysModal } from './coding-keys-modal';
import { CodingTextView, type CodingTextViewProps, type TextSelection } from './coding-text-view';
import { DocumentCodesLegend, type LegendEntry } from './document-codes-legend';
import { DocumentEditModal } from './document-edit-modal';
import { inVivoName } from './in-vivo-name';
import { LazyPdfCodingView } from './pdf/lazy-pdf-coding-view';
import { pdfLayoutOf } from './pdf/pdf-layout';
import { PdfViewToggle } from './pdf/pdf-view-toggle';
import { SelectedCodingCard } from './selected-coding-card';
import { trimRange, wordStep } from './selection-offsets';
import { textBlocks } from './text-blocks';
import { type Range, useCodingDocument } from './use-coding-document';

type PaletteMode = { kind: 'apply'; range: Range } | { kind: 'recode'; codingId: string } | null;

const TEXT_HEIGHT = 'calc(100vh - 205px)';

/** The document coding screen: the text with its codings and stripes, the codebook beside it. */
export function CodingScreen({
  projectId,
  documentId,
  role,
}: {
  projectId: string;
  documentId: string;
  role: Role | undefined;
}) {
  const navigate = useNavigate();
  const { members } = useProject();
  const doc = useCodingDocument(projectId, documentId);
  const { response, text, codings, codingById } = doc;
  const editable = mayDo(role, 'coding.add');

  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [selectedCodingId, setSelectedCodingId] = useState<string | null>(null);
  const [hoveredLane, setHoveredLane] = useState<number | null>(null);
  const [palette, setPalette] = useState<PaletteMode>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const [byCoder, setByCoder] = useState(false);
  const [reveal, setReveal] = useState<number | null>(null);
  const [asText, setAsText] = useState(false);
  const scrollRef = useRef<HTMLDivElement | null>(null);

  // Links from a code's segments, the lost-codings queue and memos name a coding (?coding=id):
  // select it and scroll to it once the codings are in.
  const [searchParams] = useSearchParams();
  const linkedCodingId = searchParams.get('coding');
  const revealedLink = useRef<string | null>(null);
  useEffect(() => {
    if (!linkedCodingId || revealedLink.current === linkedCodingId) return;
    const linked = codingById.get(linkedCodingId);
    if (!linked) return;
    revealedLink.current = linkedCodingId;
    setSelectedCodingId(linked.id);
    // An orphan has no place in this text: its card says so, and nothing is scrolled to.
    if (linked.anchorStatus !== 'orphan') setReveal(linked.start);
  }, [linkedCodingId, codingById]);

  const version = response?.version;
  const blocks = useMemo(() => (version ? textBlocks(version.text, version.structure) : []), [version]);
  // A PDF whose version still has its text boxes is coded on its pages (unless the coder asks for text).
  const isPdf = response?.document.kind === 'pdf';
  const pdfLayout = useMemo(
    () => (isPdf && version ? pdfLayoutOf(version.pages, version.text.length) : null),
    [isPdf, version],
  );
  const codeList = useMemo(() => flattenCodebook(doc.codebook.data?.codes ?? []), [doc.codebook.data]);
  const codes = useMemo(() => new Map(codeList.map((c) => [c.id, c])), [codeList]);
  const names = useMemo(() => new Map((members ?? []).map((m) => [m.userId, m.displayName])), [members]);
  const shortcuts = useMemo(
    () =>
      new Map(codeList.filter((c) => c.shortcut).map((c) => [normaliseShortcut(c.shortcut as string), c.id])),
    [codeList],
  );

  // One stripe lane per code (or per code and coder), in codebook order.
  const { laneOf, laneCount, legend } = useMemo(() => {
    const order = new Map(codeList.map((c, i) => [c.id, i]));
    const keyOf = (c: CodingView) => (byCoder ? `${c.codeId}/${c.coderId}` : c.codeId);
    const counts = new Map<string, { codeId: string; coderId: string; count: number }>();
    for (const c of codings) {
      const key = keyOf(c);
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { codeId: c.codeId, coderId: c.coderId, count: 1 });
    }
    const keys = [...counts.keys()].sort((a, b) => {
      const x = counts.get(a) as { codeId: string; coderId: string };
      const y = counts.get(b) as { codeId: string; coderId: string };
      return (
        (order.get(x.codeId) ?? 1e9) - (order.get(y.codeId) ?? 1e9) || x.coderId.localeCompare(y.coderId)
      );
    });
    const lanes = new Map(keys.map((k, i) => [k, i]));
    const entries: LegendEntry[] = keys.map((k, lane) => {
      const entry = counts.get(k) as { codeId: string; coderId: string; count: number };
      return {
        lane,
        codeId: entry.codeId,
        code: codes.get(entry.codeId),
        coderName: byCoder ? (names.get(entry.coderId) ?? 'someone') : undefined,
        count: entry.count,
      };
    });
    return { laneOf: (c: CodingView) => lanes.get(keyOf(c)) ?? 0, laneCount: keys.length, legend: entries };
  }, [codings, codeList, codes, byCoder, names]);

  const laneTitle = useCallback(
    (c: CodingView) => {
      const code = codes.get(c.codeId);
      return `${code?.path ?? 'Unknown code'} — ${names.get(c.coderId) ?? 'someone'}`;
    },
    [codes, names],
  );

  const clearSelection = useCallback(() => {
    window.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  const onSelection = useCallback((next: TextSelection | null) => {
    setSelection(next);
    if (next) setSelectedCodingId(null);
  }, []);

  const apply = useCallback(
    (codeId: string, range: Range | null = selection) => {
      if (!range) {
        notifications.show({ color: 'gray', message: 'Select some text first, then apply a code.' });
        return;
      }
      void doc.addCoding(codeId, range);
      clearSelection();
    },
    [selection, doc, clearSelection],
  );

  const inVivo = useCallback(
    (range: Range) => {
      const name = inVivoName(text.slice(range.start, range.end));
      if (!name) return;
      void doc.createAndCode(name, range);
      clearSelection();
    },
    [text, doc, clearSelection],
  );

  const selectedCoding = selectedCodingId ? codingById.get(selectedCodingId) : undefined;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (palette || helpOpen || editOpen) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('[role="tree"]')) return;
      const action = codingKeyAction(e, {
        typing: isTypingTarget(e.target),
        hasSelection: editable && selection !== null,
        hasCoding: editable && selectedCoding !== undefined,
        shortcuts,
      });
      if (!action) return;
      if (!editable && action.kind !== 'help' && action.kind !== 'clear') return;
      e.preventDefault();
      switch (action.kind) {
        case 'palette':
          if (selection) setPalette({ kind: 'apply', range: selection });
          break;
        case 'in-vivo':
          if (selection) inVivo(selection);
          break;
        case 'shortcut':
          apply(action.codeId);
          break;
        case 'recode':
          if (selectedCoding) setPalette({ kind: 'recode', codingId: selectedCoding.id });
          break;
        case 'uncode':
          if (selectedCoding) {
            void doc.removeCoding(selectedCoding.id);
            setSelectedCodingId(null);
          }
          break;
        case 'resize':
          if (selectedCoding) {
            const { start, end } = selectedCoding;
            const moved =
              action.edge === 'end'
                ? { start, end: wordStep(text, end, action.forward) }
                : { start: wordStep(text, start, action.forward), end };
            const next = trimRange(text, moved.start, moved.end);
            if (next && (next.start !== start || next.end !== end)) {
              doc.resize(selectedCoding.id, next);
              setReveal(action.edge === 'end' ? next.end : next.start);
            }
          }
          break;
        case 'undo':
        case 'redo':
          void doc.undoRedo(action.kind);
          break;
        case 'help':
          setHelpOpen(true);
          break;
        case 'clear':
          clearSelection();
          setSelectedCodingId(null);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [
    palette,
    helpOpen,
    editOpen,
    editable,
    selection,
    selectedCoding,
    shortcuts,
    text,
    doc,
    apply,
    inVivo,
    clearSelection,
  ]);

  // The action bar follows the selection; scrolling moves the text away from it, so hide it then.
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const hide = () => setSelection((s) => (s?.rect ? { start: s.start, end: s.end } : s));
    scroller.addEventListener('scroll', hide, { passive: true });
    return () => scroller.removeEventListener('scroll', hide);
  });

  if (doc.document.error !== undefined && !response)
    return <LoadError error={doc.document.error} what="this document" onRetry={doc.document.reload} />;
  if (!response || !version)
    return (
      <Center py="xl">
        <Loader aria-label="Loading the document" />
      </Center>
    );

  const wholeDocument = trimRange(text, 0, text.length);
  const openSegments = (codeId: string) => navigate(`/projects/${projectId}/codes/${codeId}`);
  const paletteQuote =
    palette?.kind === 'apply'
      ? text.slice(palette.range.start, Math.min(palette.range.end, palette.range.start + 300))
      : palette?.kind === 'recode'
        ? codingById.get(palette.codingId)?.exact
        : undefined;
  const viewProps: CodingTextViewProps = {
    text,
    blocks,
    codings,
    codes,
    laneOf,
    laneCount,
    laneTitle,
    hoveredLane,
    selectedCodingId,
    onHoverLane: setHoveredLane,
    onSelectCoding: setSelectedCodingId,
    onSelection,
    dragPayload: () => (selection ? JSON.stringify({ documentId, ...selection, rect: undefined }) : null),
    scrollRef,
    height: TEXT_HEIGHT,
    revealOffset: reveal,
  };

  return (
    <Stack gap="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <Button
            component={Link}
            to={`/projects/${projectId}/documents`}
            variant="subtle"
            color="gray"
            size="compact-sm"
            px={4}
            aria-label="Back to documents"
          >
            <IconArrowLeft size={16} />
          </Button>
          <IconFileText size={20} stroke={1.5} style={{ flex: 'none' }} />
          <Title order={1} fz={22} lineClamp={1} style={{ minWidth: 0 }}>
            {response.document.name}
          </Title>
          <Badge variant="light" color="gray" style={{ flex: 'none' }}>
            {response.document.kind}
          </Badge>
          <Badge variant="light" color="gray" style={{ flex: 'none' }}>
            version {version.version}
          </Badge>
          <Text fz="sm" c="dimmed" data-testid="coding-count" style={{ whiteSpace: 'nowrap' }}>
            {codings.length} {codings.length === 1 ? 'coding' : 'codings'}
          </Text>
          {doc.orphanCount > 0 && (
            <Tooltip label="Codings whose text was lost in an edit: kept, not drawn, waiting for review">
              <Badge
                component={Link}
                to={`/projects/${projectId}/codebook/orphans`}
                variant="light"
                color="yellow"
                style={{ flex: 'none', cursor: 'pointer' }}
                data-testid="orphan-count"
              >
                {doc.orphanCount} lost
              </Badge>
            </Tooltip>
          )}
        </Group>
        <Group justify="space-between" gap="xs">
          <Group gap="xs">
            {editable && wholeDocument && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconTag size={14} />}
                onClick={() => setPalette({ kind: 'apply', range: wholeDocument })}
              >
                Code whole document
              </Button>
            )}
            {editable && (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconEdit size={14} />}
                onClick={() => setEditOpen(true)}
              >
                Edit text
              </Button>
            )}
            {isPdf && <PdfViewToggle available={pdfLayout !== null} asText={asText} onChange={setAsText} />}
            <Switch
              size="xs"
              ml="xs"
              label="Stripes per coder"
              checked={byCoder}
              onChange={(e) => setByCoder(e.currentTarget.checked)}
            />
          </Group>
          <Group gap={6}>
            <Text fz="xs" c="dimmed">
              {editable ? (
                <>
                  Select text, then <Kbd size="xs">c</Kbd> to code, <Kbd size="xs">v</Kbd> in vivo
                </>
              ) : (
                'Read only: viewers see the codings but do not code'
              )}
            </Text>
            <Tooltip label="Keyboard (?)">
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                onClick={() => setHelpOpen(true)}
                aria-label="Keyboard"
              >
                <IconKeyboard size={16} />
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </Stack>

      <Group align="flex-start" gap="md" wrap="nowrap">
        <div style={{ flex: 1, minWidth: 0 }}>
          {pdfLayout && !asText ? (
            <LazyPdfCodingView
              {...viewProps}
              layout={pdfLayout}
              url={`/api/projects/${projectId}/documents/${documentId}/file`}
              fileName={response.document.name}
            />
          ) : (
            <CodingTextView {...viewProps} />
          )}
        </div>
        {/* The column scrolls; its sections keep their natural height (a flex column would squash them). */}
        <div style={{ width: 300, flex: 'none', height: TEXT_HEIGHT, overflowY: 'auto' }}>
          <Stack gap="md">
            {selectedCoding && (
              <SelectedCodingCard
                coding={selectedCoding}
                code={codes.get(selectedCoding.codeId)}
                coderName={names.get(selectedCoding.coderId) ?? 'someone'}
                editable={editable}
                onUncode={() => {
                  void doc.removeCoding(selectedCoding.id);
                  setSelectedCodingId(null);
                }}
                onRecode={() => setPalette({ kind: 'recode', codingId: selectedCoding.id })}
                onClose={() => setSelectedCodingId(null)}
              />
            )}
            {selectedCoding && <SidebarLabel>On this coding</SidebarLabel>}
            {selectedCoding && (
              <MemoPanel
                key={selectedCoding.id}
                projectId={projectId}
                target={{ kind: 'coding', id: selectedCoding.id }}
                compact
              />
            )}
            <Stack gap={6}>
              <SidebarLabel>Codebook</SidebarLabel>
              {doc.codebook.data ? (
                <CodebookTree
                  projectId={projectId}
                  codes={doc.codebook.data.codes}
                  onOpen={openSegments}
                  onApply={editable ? (codeId) => apply(codeId) : undefined}
                  editable={editable}
                  dense
                />
              ) : (
                <Loader size="xs" aria-label="Loading the codebook" />
              )}
            </Stack>
            <Stack gap={6}>
              <SidebarLabel>In this document</SidebarLabel>
              <DocumentCodesLegend
                entries={legend}
                hoveredLane={hoveredLane}
                onHoverLane={setHoveredLane}
                onOpen={openSegments}
              />
            </Stack>
            <Stack gap={6}>
              <SidebarLabel>On this document</SidebarLabel>
              <MemoPanel projectId={projectId} target={{ kind: 'document', id: documentId }} compact />
            </Stack>
          </Stack>
        </div>
      </Group>

      {editable && selection?.rect && !palette && (
        <div
          className="weft-selection-bar"
          style={{ left: Math.max(8, selection.rect.left), top: selection.rect.bottom + 8 }}
          data-testid="selection-bar"
        >
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconTag size={14} />}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => setPalette({ kind: 'apply', range: selection })}
          >
            Code…{' '}
            <Kbd size="xs" ml={6}>
              c
            </Kbd>
          </Button>
          <Button
            size="compact-sm"
            variant="light"
            color="grape"
            leftSection={<IconQuote size={14} />}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => inVivo(selection)}
          >
            In vivo{' '}
            <Kbd size="xs" ml={6}>
              v
            </Kbd>
          </Button>
        </div>
      )}

      <CodePalette
        opened={palette !== null}
        title={palette?.kind === 'recode' ? 'Recode to' : 'Apply a code'}
        codes={codeList}
        quote={paletteQuote}
        allowCreate={palette?.kind === 'apply'}
        onClose={() => setPalette(null)}
        onPick={(codeId) => {
          if (palette?.kind === 'apply') apply(codeId, palette.range);
          else if (palette?.kind === 'recode') void doc.recode(palette.codingId, codeId);
          setPalette(null);
        }}
        onCreate={(name) => {
          if (palette?.kind === 'apply') {
            void doc.createAndCode(name, palette.range);
            clearSelection();
          }
          setPalette(null);
        }}
      />
      <CodingKeysModal opened={helpOpen} onClose={() => setHelpOpen(false)} />
      <DocumentEditModal
        opened={editOpen}
        projectId={projectId}
        documentId={documentId}
        version={version.version}
        text={text}
        onClose={() => setEditOpen(false)}
        onSaved={() => void doc.document.reload()}
      />
    </Stack>
  );
}

function SidebarLabel({ children }: { children: string }) {
  return (
    <Text fz="xs" fw={700} c="dimmed" tt="uppercase">
      {children}
    </Text>
  );
}

export type { CodeInfo };
