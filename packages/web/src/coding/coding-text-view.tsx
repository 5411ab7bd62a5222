import { type Range, useVirtualizer } from '@tanstack/react-virtual';
import type { CodingView } from '@weft/protocol';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CodeInfo } from './code-colours';
import { indexByBlock } from './coding-index';
import { CodingRow, clock, LANE_WIDTH } from './coding-row';
import { pointAtOffset } from './point-at-offset';
import {
  DEFAULT_METRICS,
  estimateRowHeights,
  measureTextMetrics,
  rowsWithMargin,
  type TextMetrics,
} from './row-heights';
import { pointOffset, trimRange } from './selection-offsets';
import { blockAt, type TextBlock } from './text-blocks';
import './coding-view.css';

const NO_CODINGS: readonly CodingView[] = [];
/** Rows kept mounted above and below the viewport, in (estimated) pixels. */
const OVERSCAN_PX = 240;

export interface TextSelection {
  start: number;
  end: number;
  /** Where to show the selection's action bar (viewport coordinates), when known. */
  rect?: { left: number; top: number; bottom: number };
}

/** Text selected by keys, to show selected on the page (`seq` tells a repeat of one range apart). */
export interface SelectRequest {
  start: number;
  end: number;
  seq: number;
}

/** Frames to wait for a selected range's rows to render after scrolling to them. */
const SELECT_FRAMES = 30;

export interface CodingTextViewProps {
  text: string;
  blocks: readonly TextBlock[];
  codings: readonly CodingView[];
  codes: ReadonlyMap<string, CodeInfo>;
  laneOf: (coding: CodingView) => number;
  laneCount: number;
  laneTitle: (coding: CodingView) => string;
  hoveredLane: number | null;
  selectedCodingId: string | null;
  onHoverLane: (lane: number | null) => void;
  onSelectCoding: (codingId: string | null) => void;
  onSelection: (selection: TextSelection | null) => void;
  /** Drag of the selected text (onto a code in the codebook). */
  dragPayload: () => string | null;
  scrollRef: RefObject<HTMLDivElement | null>;
  height: number | string;
  /** Bring this offset into view when it changes (a selected coding moved by keys). */
  revealOffset?: number | null;
  /** Select this range on the page when it changes (text selected by keys). */
  selectRequest?: SelectRequest | null;
}

/**
 * The document's text, virtualised: only the blocks near the viewport are in the DOM, each
 * with the codings from its own slot of a per-block index (rebuilt when the codings change),
 * so a megabyte transcript with thousands of codings opens and scrolls like a short one.
 */
export function CodingTextView(props: CodingTextViewProps) {
  const { text, blocks, codings, scrollRef, onSelection, onSelectCoding } = props;
  const index = useMemo(() => indexByBlock(blocks, codings), [blocks, codings]);
  const hasTimes = useMemo(() => blocks.some((b) => b.startMs !== undefined), [blocks]);
  // The gutter fits the document's longest timestamp ("1:18:35" is wider than "59:59"): 12 px
  // tabular digits are about 7.2 px each, plus the gutter's 18 px of padding.
  const gutterWidth = useMemo(() => {
    const last = blocks.reduce((max, b) => Math.max(max, b.startMs ?? 0), 0);
    return Math.max(56, Math.ceil(clock(last).length * 7.2 + 20));
  }, [blocks]);

  // Row heights are guessed from the text column as laid out here (a hidden probe row, watched
  // for width changes), so the rows a scrollbar drag lands on are placed close to where they end
  // up. No rows until the first measurement: every position is then computed from it.
  const probe = useRef<HTMLDivElement | null>(null);
  const [metrics, setMetrics] = useState<TextMetrics | null>(null);
  const heights = useMemo(
    () => (metrics ? estimateRowHeights(text, blocks, metrics) : null),
    [text, blocks, metrics],
  );

  const rangeExtractor = useCallback(
    (range: Range) => (heights ? rowsWithMargin(range, heights, OVERSCAN_PX) : []),
    [heights],
  );
  const virtualizer = useVirtualizer({
    count: heights ? blocks.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => heights?.[i] ?? DEFAULT_METRICS.lineHeight,
    // A few hundred pixels of rows beyond the viewport, however tall the rows: after a jump
    // every row in range is new, and each one costs a render, a layout and a paint in that frame.
    overscan: 0,
    rangeExtractor,
  });

  useLayoutEffect(() => {
    const column = probe.current;
    if (!column) return;
    const remeasure = () => {
      const next = measureTextMetrics(column, text.slice(0, 4000));
      if (!next) return;
      setMetrics((current) =>
        current &&
        Math.abs(current.width - next.width) < 1 &&
        Math.abs(current.charWidth - next.charWidth) < 0.01 &&
        current.lineHeight === next.lineHeight
          ? current
          : next,
      );
    };
    remeasure();
    const observer = new ResizeObserver(remeasure);
    observer.observe(column);
    return () => observer.disconnect();
  }, [text]);

  // Another width: the sizes measured at the old one are stale too. The row at the top of the
  // view stays there, though the rows above it changed height.
  const measuredHeights = useRef<Float64Array | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run exactly when the guesses change
  useLayoutEffect(() => {
    const first = measuredHeights.current === null;
    measuredHeights.current = heights;
    if (first || !heights) return;
    const offset = virtualizer.scrollOffset ?? 0;
    const anchor = offset > 0 ? virtualizer.getVirtualItemForOffset(offset) : undefined;
    virtualizer.measure();
    // The rows on screen may keep their size (no resize to observe): measure them again now.
    for (const row of scrollRef.current?.querySelectorAll<HTMLElement>('[data-index]') ?? [])
      virtualizer.measureElement(row);
    if (anchor) virtualizer.scrollToIndex(anchor.index, { align: 'start' });
  }, [heights, virtualizer]);

  const ready = heights !== null;
  useEffect(() => {
    if (props.revealOffset == null || !ready) return;
    virtualizer.scrollToIndex(blockAt(blocks, props.revealOffset), { align: 'auto' });
  }, [props.revealOffset, blocks, virtualizer, ready]);

  const readSelection = useCallback(
    (target: EventTarget | null) => {
      const selection = window.getSelection();
      if (!selection || selection.rangeCount === 0) return;
      const range = selection.getRangeAt(0);
      if (!scrollRef.current?.contains(range.commonAncestorContainer)) return;
      if (selection.isCollapsed) {
        // A click on coded text selects the innermost coding there.
        const run = target instanceof Element ? target.closest('[data-coded]') : null;
        const offset = run ? pointOffset(range.startContainer, range.startOffset, true) : null;
        if (offset !== null) {
          const here = codings
            .filter((c) => c.start <= offset && c.end > offset)
            .sort((a, b) => a.end - a.start - (b.end - b.start));
          onSelectCoding(here[0]?.id ?? null);
        }
        onSelection(null);
        return;
      }
      const start = pointOffset(range.startContainer, range.startOffset, true);
      const end = pointOffset(range.endContainer, range.endOffset, false);
      const trimmed = start !== null && end !== null ? trimRange(text, start, end) : null;
      if (!trimmed) {
        onSelection(null);
        return;
      }
      const rect = range.getBoundingClientRect();
      onSelection({ ...trimmed, rect: { left: rect.left, top: rect.top, bottom: rect.bottom } });
    },
    [codings, text, scrollRef, onSelection, onSelectCoding],
  );

  // Text selected by keys: scroll its row into view, then, once the row is rendered, select it as
  // a mouse would, so it is highlighted and the selection bar appears beside it.
  const { selectRequest } = props;
  // biome-ignore lint/correctness/useExhaustiveDependencies: placed once per request, not again on later renders
  useEffect(() => {
    if (!selectRequest || !ready) return;
    virtualizer.scrollToIndex(blockAt(blocks, selectRequest.start), { align: 'auto' });
    let frame = 0;
    let handle = 0;
    // Once the scroll has settled too, so the selection is read where the text comes to rest.
    let lastTop = Number.NaN;
    let still = 0;
    const place = () => {
      const root = scrollRef.current;
      still = root && root.scrollTop === lastTop ? still + 1 : 0;
      lastTop = root?.scrollTop ?? Number.NaN;
      const start = root && still >= 2 && pointAtOffset(root, selectRequest.start, 'start');
      const end = root && still >= 2 && pointAtOffset(root, selectRequest.end, 'end');
      if (start && end) {
        window.getSelection()?.setBaseAndExtent(start.node, start.offset, end.node, end.offset);
        readSelection(null);
      } else if (++frame < SELECT_FRAMES) handle = requestAnimationFrame(place);
    };
    handle = requestAnimationFrame(place);
    return () => cancelAnimationFrame(handle);
  }, [selectRequest, ready]);

  const items = virtualizer.getVirtualItems();
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the text is selected with the mouse or Shift+arrows; these read that selection
    <div
      ref={scrollRef}
      className={`weft-coding-scroller${hasTimes ? '' : ' weft-coding-untimed'}`}
      style={{ height: props.height, '--weft-gutter': `${gutterWidth}px` } as React.CSSProperties}
      data-testid="coding-text"
      onMouseUp={(e) => readSelection(e.target)}
      onKeyUp={(e) => {
        if (e.shiftKey) readSelection(null);
      }}
      onDragStart={(e) => {
        const payload = props.dragPayload();
        if (payload) {
          e.dataTransfer.setData('application/x-weft-selection', payload);
          e.dataTransfer.effectAllowed = 'copy';
        }
      }}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        <div className="weft-coding-row weft-coding-probe" aria-hidden="true">
          <div className="weft-coding-gutter" />
          <div className="weft-coding-text" ref={probe} />
          <div className="weft-coding-stripes" style={{ width: props.laneCount * LANE_WIDTH + 6 }} />
        </div>
        <div
          style={{
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            transform: `translateY(${items[0]?.start ?? 0}px)`,
          }}
        >
          {items.map((item) => (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement}>
              <CodingRow
                text={text}
                block={blocks[item.index] as TextBlock}
                codings={index[item.index] ?? NO_CODINGS}
                codes={props.codes}
                laneOf={props.laneOf}
                laneCount={props.laneCount}
                laneTitle={props.laneTitle}
                hoveredLane={props.hoveredLane}
                selectedCodingId={props.selectedCodingId}
                onHoverLane={props.onHoverLane}
                onSelectCoding={onSelectCoding}
              />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
