import { memo, useMemo } from 'react';
import type { PdfTextItem } from './pdf-layout';

/** Font size the natural widths are measured at; the stretch is the same at every zoom. */
const PROBE = 100;
let probe: CanvasRenderingContext2D | null | undefined;

function naturalWidth(text: string): number {
  if (probe === undefined) probe = document.createElement('canvas').getContext('2d');
  if (!probe) return 0;
  probe.font = `${PROBE}px sans-serif`;
  return probe.measureText(text).width;
}

/**
 * The page's stored text items as transparent spans over the canvas, each holding exactly
 * `text.slice(start, end)` and stretched to its item's box, so what the reader selects on the
 * page is what the offsets say (`data-o` is the item's start, as for the text view's runs).
 */
export const PdfTextOverlay = memo(function PdfTextOverlay({
  text,
  items,
  scale,
}: {
  text: string;
  items: readonly PdfTextItem[];
  scale: number;
}) {
  // Horizontal stretch of each span so the browser's font fills the PDF font's width.
  const stretch = useMemo(
    () =>
      items.map((item) => {
        const natural = naturalWidth(text.slice(item.start, item.end)) * (item.height / PROBE);
        return natural > 0 ? item.width / natural : 1;
      }),
    [items, text],
  );
  return (
    <div className="weft-pdf-overlay" data-testid="pdf-text-overlay">
      {items.map((item, i) => (
        <span
          key={item.start}
          data-o={item.start}
          style={{
            left: item.x * scale,
            top: item.y * scale,
            fontSize: item.height * scale,
            transform: `scaleX(${stretch[i] ?? 1})`,
          }}
        >
          {text.slice(item.start, item.end)}
        </span>
      ))}
    </div>
  );
});
