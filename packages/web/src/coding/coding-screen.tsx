import { Center, Group, Loader, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { mayDo, type Role } from '@weft/core';
import type { CodingView } from '@weft/protocol';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useProject } from '../project/project-context';
import { LoadError } from '../ui/load-error';
import { type CodeInfo, flattenCodebook } from './code-colours';
import { CodePalette } from './code-palette';
import { normaliseShortcut } from './coding-keys';
import { CodingKeysModal } from './coding-keys-modal';
import { CodingScreenHeader } from './coding-screen-header';
import { CodingSidebar } from './coding-sidebar';
import {
  CodingTextView,
  type CodingTextViewProps,
  type SelectRequest,
  type TextSelection,
} from './coding-text-view';
import { DocumentEditModal } from './document-edit-modal';
import { inVivoName } from './in-vivo-name';
import { LazyPdfCodingView } from './pdf/lazy-pdf-coding-view';
import { pdfLayoutOf } from './pdf/pdf-layout';
import { PdfViewToggle } from './pdf/pdf-view-toggle';
import { SelectionBar } from './selection-bar';
import { trimRange } from './selection-offsets';
import { visibleSelectionRect } from './selection-rect';
import { textBlocks } from './text-blocks';
import { type Range, useCodingDocument } from './use-coding-document';
import { type PaletteMode, useCodingKeys } from './use-coding-keys';
import { useStripeLanes } from './use-stripe-lanes';

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
  const [selectRequest, setSelectRequest] = useState<SelectRequest | null>(null);
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

  const { laneOf, laneCount, legend } = useStripeLanes(codings, codeList, codes, names, byCoder);

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

  const selectRange = useCallback((range: Range) => {
    setSelection({ start: range.start, end: range.end });
    setSelectedCodingId(null);
    setSelectRequest((previous) => ({ ...range, seq: (previous?.seq ?? 0) + 1 }));
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

  const openHelp = useCallback(() => setHelpOpen(true), []);
  useCodingKeys({
    blocked: palette !== null || helpOpen || editOpen,
    editable,
    selection,
    selectedCoding,
    shortcuts,
    text,
    blocks: pdfLayout && !asText ? null : blocks,
    doc,
    apply,
    inVivo,
    clearSelection,
    selectRange,
    setPalette,
    setSelectedCodingId,
    setReveal,
    openHelp,
  });

  // The action bar follows the selection as the text scrolls (the view also scrolls itself a
  // little as rows are measured), and goes when the selection leaves the view.
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const follow = () =>
      setSelection((s) => {
        if (!s?.rect) return s;
        const rect = visibleSelectionRect(scroller);
        return rect ? { ...s, rect } : { start: s.start, end: s.end };
      });
    scroller.addEventListener('scroll', follow, { passive: true });
    return () => scroller.removeEventListener('scroll', follow);
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
      <CodingScreenHeader
        projectId={projectId}
        name={response.document.name}
        kind={response.document.kind}
        version={version.version}
        codingCount={codings.length}
        orphanCount={doc.orphanCount}
        editable={editable}
        onCodeWhole={wholeDocument ? () => setPalette({ kind: 'apply', range: wholeDocument }) : undefined}
        onEdit={() => setEditOpen(true)}
        viewToggle={
          isPdf && <PdfViewToggle available={pdfLayout !== null} asText={asText} onChange={setAsText} />
        }
        byCoder={byCoder}
        onByCoder={setByCoder}
        onHelp={openHelp}
      />

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
            <CodingTextView {...viewProps} selectRequest={selectRequest} />
          )}
        </div>
        <CodingSidebar
          projectId={projectId}
          documentId={documentId}
          height={TEXT_HEIGHT}
          editable={editable}
          codebook={doc.codebook.data?.codes}
          selectedCoding={selectedCoding}
          code={selectedCoding && codes.get(selectedCoding.codeId)}
          coderName={(selectedCoding && names.get(selectedCoding.coderId)) ?? 'someone'}
          legend={legend}
          hoveredLane={hoveredLane}
          onHoverLane={setHoveredLane}
          onOpenCode={openSegments}
          onApply={(codeId) => apply(codeId)}
          onUncode={() => {
            if (!selectedCoding) return;
            void doc.removeCoding(selectedCoding.id);
            setSelectedCodingId(null);
          }}
          onRecode={() => selectedCoding && setPalette({ kind: 'recode', codingId: selectedCoding.id })}
          onConfirm={() => {
            if (selectedCoding)
              doc.resize(selectedCoding.id, { start: selectedCoding.start, end: selectedCoding.end });
          }}
          onCloseCoding={() => setSelectedCodingId(null)}
        />
      </Group>

      {editable && selection?.rect && !palette && (
        <SelectionBar
          rect={selection.rect}
          onCode={() => setPalette({ kind: 'apply', range: selection })}
          onInVivo={() => inVivo(selection)}
        />
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
        pdf={pdfLayout !== null}
        onClose={() => setEditOpen(false)}
        onSaved={() => void doc.document.reload()}
      />
    </Stack>
  );
}

export type { CodeInfo };
