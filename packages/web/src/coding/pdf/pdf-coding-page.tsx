import type { CodingView } from '@weft/protocol';
import { memo } from 'react';
import { type CodeInfo, withAlpha } from '../code-colours';
import { rangeRects } from './pdf-highlights';
import type { PdfTextItem } from './pdf-layout';
import { PdfTextOverlay } from './pdf-text-overlay';

export interface PdfCodingPageProps {
  text: string;
  items: readonly PdfTextItem[];
  /** The codings that touch this page's text. */
  codings: readonly CodingView[];
  codes: ReadonlyMap<string, CodeInfo>;
  laneOf: (coding: CodingView) => number;
  hoveredLane: number | null;
  selectedCodingId: string | null;
  scale: number;
}

/**
 * What lies over one drawn PDF page: the codings as coloured boxes (one per text item they
 * cover, in the text view's colours: the code's colour, stronger when selected or hovered in the
 * legend) and the selectable text. Longer codings are drawn first so a short one inside stays
 * visible on top.
 */
export const PdfCodingPage = memo(function PdfCodingPage(props: PdfCodingPageProps) {
  const { items, codings, codes, laneOf, hoveredLane, selectedCodingId, scale } = props;
  const ordered = [...codings].sort((a, b) => b.end - b.start - (a.end - a.start));
  return (
    <>
      <div className="weft-pdf-highlights" data-skip="">
        {ordered.flatMap((c) => {
          const colour = codes.get(c.codeId)?.colour ?? '#868e96';
          const selected = c.id === selectedCodingId;
          const strong = selected || (hoveredLane !== null && laneOf(c) === hoveredLane);
          return rangeRects(items, c.start, c.end).map((r) => (
            <div
              key={`${c.id}/${r.left}/${r.top}`}
              data-coding={c.id}
              data-selected={selected ? '' : undefined}
              style={{
                left: r.left * scale - 1,
                top: r.top * scale - 1,
                width: r.width * scale + 2,
                height: r.height * scale + 3,
                background: withAlpha(colour, strong ? 0.45 : 0.25),
                boxShadow: selected ? `0 0 0 1.5px ${colour}` : undefined,
              }}
            />
          ));
        })}
      </div>
      <PdfTextOverlay text={props.text} items={items} scale={scale} />
    </>
  );
});
