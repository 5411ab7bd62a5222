import { useVirtualizer } from '@tanstack/react-virtual';
import type { CodingView } from '@weft/protocol';
import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CodeInfo } from './code-colours';
import { indexByBlock } from './coding-index';
import { CodingRow } from './coding-row';
import { DEFAULT_METRICS, estimateRowHeights, measureTextMetrics, type TextMetrics } from './row-heights';
import { pointOffset, trimRange } from './selection-offsets';
import { blockAt, type TextBlock } from './text-blocks';
import './coding-view.css';

const NO_CODINGS: readonly CodingView[] = [];

export interface TextSelection {
  start: number;
  end: number;
  /** Where to show the selection's action bar (viewport coordinates), when known. */
  rect?: { left: number; top: number; bottom: number };
}

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

  // Row heights are guessed from the text column as laid out here (re-measured when its width
  // changes), so the rows a scrollbar drag lands on are placed close to where they end up.
  const [metrics, setMetrics] = useState<TextMetrics>(DEFAULT_METRICS);
  const heights = useMemo(() => estimateRowHeights(text, blocks, metrics), [text, blocks, metrics]);

  const virtualizer = useVirtualizer({
    count: blocks.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => heights[i] ?? DEFAULT_METRICS.lineHeight,
    // Few rows beyond the viewport: after a jump every row in range is new, and each one costs
    // a render, a layout and a paint in that frame.
    overscan: 2,
  });

  const measuredWidth = useRef<number | null>(null);
  const remeasure = useCallback(() => {
    const scroller = scrollRef.current;
    const column = scroller?.querySelector<HTMLElement>(
      '.weft-coding-row:not(.weft-coding-heading) .weft-coding-text',
    );
    const next = column ? measureTextMetrics(column, text.slice(0, 4000)) : null;
    if (!scroller || !next) return;
    measuredWidth.current = scroller.clientWidth;
    setMetrics((current) =>
      Math.abs(current.width - next.width) < 1 &&
      Math.abs(current.charWidth - next.charWidth) < 0.01 &&
      current.lineHeight === next.lineHeight
        ? current
        : next,
    );
  }, [scrollRef, text]);
  // Until the first text row is on screen (it is not in the very first render).
  useLayoutEffect(() => {
    if (measuredWidth.current === null) remeasure();
  });
  useLayoutEffect(() => {
    measuredWidth.current = null;
    const scroller = scrollRef.current;
    if (!scroller) return;
    const observer = new ResizeObserver(() => {
      if (measuredWidth.current !== null && scroller.clientWidth !== measuredWidth.current) remeasure();
    });
    observer.observe(scroller);
    remeasure();
    return () => observer.disconnect();
  }, [scrollRef, remeasure]);

  // New guesses (first layout, another width): measured sizes at the old width are stale too.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run exactly when the guesses change
  useLayoutEffect(() => {
    virtualizer.measure();
  }, [heights, virtualizer]);

  useEffect(() => {
    if (props.revealOffset == null) return;
    virtualizer.scrollToIndex(blockAt(blocks, props.revealOffset), { align: 'auto' });
  }, [props.revealOffset, blocks, virtualizer]);

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

  const items = virtualizer.getVirtualItems();
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the text is selected with the mouse or Shift+arrows; these read that selection
    <div
      ref={scrollRef}
      className={`weft-coding-scroller${hasTimes ? '' : ' weft-coding-untimed'}`}
      style={{ height: props.height }}
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
