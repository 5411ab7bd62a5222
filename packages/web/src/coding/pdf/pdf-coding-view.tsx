import type { CodingView } from '@weft/protocol';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { PdfViewer, type PdfViewerProps } from '../../pdf/pdf-viewer';
import type { CodingTextViewProps } from '../coding-text-view';
import { pointOffset, trimRange } from '../selection-offsets';
import { PdfCodingPage } from './pdf-coding-page';
import { itemAtOffset, type PdfLayout, pageOfOffset } from './pdf-layout';
import { offsetAtPoint, offsetNearPoint } from './pdf-point-offset';
import { selectionOffsets } from './pdf-selection-offsets';
import './pdf-coding.css';

const NO_CODINGS: readonly CodingView[] = [];

export interface PdfCodingViewProps extends CodingTextViewProps {
  layout: PdfLayout;
  /** Same-origin URL of the original PDF. */
  url: string;
  fileName?: string;
}

/** Innermost first: a click or hover on nested codings means the shortest one there. */
const codingsAt = (codings: readonly CodingView[], offset: number) =>
  codings
    .filter((c) => c.start <= offset && c.end > offset)
    .sort((a, b) => a.end - a.start - (b.end - b.start));

/** The overlay's text node and offset in it holding canonical `offset`, if its page is drawn. */
function domPoint(root: HTMLElement, offset: number, end: boolean): [Node, number] | null {
  for (const span of root.querySelectorAll<HTMLElement>('.weft-pdf-overlay > span[data-o]')) {
    const start = Number(span.dataset.o);
    const node = span.firstChild;
    const length = node?.textContent?.length ?? 0;
    if (node && offset >= start && (end ? offset <= start + length : offset < start + length))
      return [node, offset - start];
  }
  return null;
}

function showSelection(root: HTMLElement | null, start: number, end: number): void {
  const from = root && domPoint(root, start, false);
  const to = root && domPoint(root, end, true);
  if (from && to) window.getSelection()?.setBaseAndExtent(from[0], from[1], to[0], to[1]);
}

/**
 * A PDF document coded on its pages: pdf.js draws each page near the viewport, the stored text
 * items lie over it as selectable text, and the codings as highlights. A selection becomes the
 * same offsets (and `TextSelection`) the text view produces, so coding, the palette, keys,
 * in-vivo codes, drag onto the codebook and undo all work unchanged.
 */
export function PdfCodingView(props: PdfCodingViewProps) {
  const { text, layout, codings, scrollRef, onSelection, onSelectCoding, onHoverLane, laneOf } = props;
  // The hover label is written to the DOM directly: a state change per mouse move would
  // re-render the viewer and its pages.
  const label = useRef<HTMLDivElement>(null);
  const setHover = useCallback((hover: { x: number; y: number; text: string } | null) => {
    const element = label.current;
    if (!element) return;
    element.hidden = hover === null;
    if (!hover) return;
    element.textContent = hover.text;
    element.style.left = `${hover.x}px`;
    element.style.top = `${hover.y}px`;
  }, []);

  // Each page's codings, so a page redraws only when its own change.
  const byPage = useMemo(() => {
    const map = new Map<number, CodingView[]>();
    for (const span of layout.pages) {
      const here = codings.filter((c) => c.start < span.end && c.end > span.start);
      if (here.length) map.set(span.page, here);
    }
    return map;
  }, [codings, layout]);

  /** The offset nearest a viewport point on a page, from the stored boxes. */
  const offsetNear = useCallback(
    (target: EventTarget | null, clientX: number, clientY: number) => {
      const page = target instanceof Element ? target.closest<HTMLElement>('[data-page-number]') : null;
      const n = Number(page?.dataset.pageNumber);
      const size = layout.sizes.get(n);
      if (!page || !size) return null;
      const box = page.getBoundingClientRect();
      const scale = box.width / size.width;
      return offsetNearPoint(
        layout.itemsByPage.get(n) ?? [],
        (clientX - box.left) / scale,
        (clientY - box.top) / scale,
      );
    },
    [layout],
  );

  const readSelection = useCallback(
    (target: EventTarget | null, mouse?: { x: number; y: number }) => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (!scrollRef.current?.contains(range.commonAncestorContainer)) return;
      if (selection.isCollapsed) {
        const onText = target instanceof Element && target.closest('.weft-pdf-overlay');
        const offset = onText ? pointOffset(range.startContainer, range.startOffset, true) : null;
        if (offset !== null) onSelectCoding(codingsAt(codings, offset)[0]?.id ?? null);
        onSelection(null);
        return;
      }
      let offsets = selectionOffsets(
        text,
        { node: range.startContainer, offset: range.startOffset },
        { node: range.endContainer, offset: range.endOffset },
      );
      // A drag released off the text (a margin, the space after a line's end): the browser
      // hit-tests absolutely placed spans badly there, so the end the mouse holds comes from
      // the stored boxes instead, and the visible selection is redrawn to match.
      const offText = !(target instanceof Element && target.closest('.weft-pdf-overlay > span'));
      const near = mouse && offText ? offsetNear(target, mouse.x, mouse.y) : null;
      if (near !== null && selection.anchorNode) {
        const anchor = pointOffset(
          selection.anchorNode,
          selection.anchorOffset,
          near >= (offsets?.start ?? 0),
        );
        if (anchor !== null) {
          offsets = trimRange(text, Math.min(anchor, near), Math.max(anchor, near));
          if (offsets) showSelection(scrollRef.current, offsets.start, offsets.end);
        }
      }
      if (!offsets) {
        onSelection(null);
        return;
      }
      // Read again: the selection may have been redrawn above.
      const rect = selection.getRangeAt(0).getBoundingClientRect();
      onSelection({ ...offsets, rect: { left: rect.left, top: rect.top, bottom: rect.bottom } });
    },
    [codings, text, scrollRef, onSelection, onSelectCoding, offsetNear],
  );

  // Hovering coded text names its codes (the highlights themselves sit under the text).
  const onMouseMove = useCallback(
    (e: React.MouseEvent) => {
      const page = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-page-number]') : null;
      const n = Number(page?.dataset.pageNumber);
      const size = layout.sizes.get(n);
      const items = layout.itemsByPage.get(n);
      let here: CodingView[] = [];
      if (page && size && items && !e.buttons) {
        const box = page.getBoundingClientRect();
        const scale = box.width / size.width;
        const offset = offsetAtPoint(items, (e.clientX - box.left) / scale, (e.clientY - box.top) / scale);
        if (offset !== null) here = codingsAt(byPage.get(n) ?? NO_CODINGS, offset);
      }
      const top = here[0];
      onHoverLane(top ? laneOf(top) : null);
      setHover(
        top
          ? { x: e.clientX + 12, y: e.clientY + 16, text: here.map((c) => props.laneTitle(c)).join(' · ') }
          : null,
      );
    },
    [layout, byPage, onHoverLane, laneOf, props.laneTitle, setHover],
  );

  // Bring an offset into view (a ?coding= link, a coding resized by keys): its page, then its line.
  const { revealOffset } = props;
  useEffect(() => {
    if (revealOffset == null) return;
    const page = pageOfOffset(layout, revealOffset);
    const item = itemAtOffset(layout, revealOffset);
    const size = layout.sizes.get(page);
    let tries = 0;
    // The pages exist once pdf.js has opened the file: wait for them.
    const timer = window.setInterval(() => {
      const root = scrollRef.current;
      const element = root?.querySelector<HTMLElement>(`[data-page-number="${page}"]`);
      if ((root && element) || ++tries > 100) window.clearInterval(timer);
      if (!root || !element) return;
      const scale = size ? element.offsetWidth / size.width : 1;
      // Measured, not offsetTop: the scroller is not the pages' offset parent.
      const pageTop = element.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop;
      const y = pageTop + (item?.y ?? 0) * scale;
      if (y < root.scrollTop || y > root.scrollTop + root.clientHeight - 40)
        root.scrollTop = Math.max(0, y - root.clientHeight / 3);
    }, 100);
    return () => window.clearInterval(timer);
  }, [revealOffset, layout, scrollRef]);

  const pageOverlay = useCallback(
    (n: number, scale: number, near: boolean) =>
      near ? (
        <PdfCodingPage
          text={text}
          items={layout.itemsByPage.get(n) ?? []}
          codings={byPage.get(n) ?? NO_CODINGS}
          codes={props.codes}
          laneOf={laneOf}
          hoveredLane={props.hoveredLane}
          selectedCodingId={props.selectedCodingId}
          scale={scale}
        />
      ) : null,
    [text, layout, byPage, props.codes, laneOf, props.hoveredLane, props.selectedCodingId],
  );

  const { dragPayload } = props;
  const scrollerProps = useMemo<PdfViewerProps['scrollerProps']>(
    () => ({
      onMouseUp: (e) => readSelection(e.target, { x: e.clientX, y: e.clientY }),
      onKeyUp: (e) => {
        if (e.shiftKey) readSelection(null);
      },
      onMouseMove,
      onMouseLeave: () => {
        setHover(null);
        onHoverLane(null);
      },
      onDragStart: (e) => {
        const payload = dragPayload();
        if (payload) {
          e.dataTransfer.setData('application/x-weft-selection', payload);
          e.dataTransfer.effectAllowed = 'copy';
        }
      },
    }),
    [readSelection, onMouseMove, setHover, onHoverLane, dragPayload],
  );

  return (
    <div data-testid="pdf-coding-view">
      <PdfViewer
        url={props.url}
        fileName={props.fileName}
        height={`calc(${typeof props.height === 'number' ? `${props.height}px` : props.height} - 40px)`}
        textLayer={false}
        pageOverlay={pageOverlay}
        pageSizes={layout.sizes}
        scrollRef={scrollRef}
        scrollerProps={scrollerProps}
      />
      <div ref={label} className="weft-pdf-hover" data-testid="pdf-hover" hidden />
    </div>
  );
}
