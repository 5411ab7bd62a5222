import { memo, type ReactNode, useEffect, useRef, useState } from 'react';
import { type PDFDocumentProxy, pdfjs } from './pdfjs';

export interface PageSize {
  width: number;
  height: number;
}

/**
 * One page: a placeholder of the right size until it comes near the viewport, then a canvas
 * (drawn at the screen's pixel density) with pdf.js's text layer over it so the text can be
 * selected, copied and found with the browser's search. Redrawn when the zoom changes.
 */
export const PdfPage = memo(function PdfPage({
  pdf,
  pageNumber,
  scale,
  estimate,
  visible,
  onSize,
  textLayer = true,
  children,
}: {
  pdf: PDFDocumentProxy;
  pageNumber: number;
  scale: number;
  /** Size at scale 1 until the page itself has been read (the first page's). */
  estimate: PageSize;
  /** Near the viewport: worth drawing. */
  visible: boolean;
  onSize: (pageNumber: number, size: PageSize) => void;
  /** Draw pdf.js's own text layer (off when the caller lays its own text over the page). */
  textLayer?: boolean;
  /** Drawn over the canvas (a caller's text overlay and highlights). */
  children?: ReactNode;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<PageSize | null>(null);
  const [drawnAt, setDrawnAt] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const shown = size ?? estimate;
  const textLayerWanted = textLayer;

  // A page far from view gives its canvas back: a drawn page costs megabytes, a 300-page report
  // scrolled end to end would otherwise hold them all.
  useEffect(() => {
    if (visible || drawnAt === null) return;
    const canvas = canvasRef.current;
    if (canvas) {
      canvas.width = 0;
      canvas.height = 0;
    }
    textRef.current?.replaceChildren();
    setDrawnAt(null);
  }, [visible, drawnAt]);

  useEffect(() => {
    if (!visible || drawnAt === scale) return;
    let cancelled = false;
    let renderTask: { cancel: () => void; promise: Promise<void> } | undefined;
    let textLayer: InstanceType<typeof pdfjs.TextLayer> | undefined;
    const withText = textLayerWanted;
    (async () => {
      const page = await pdf.getPage(pageNumber);
      if (cancelled) return;
      const base = page.getViewport({ scale: 1 });
      const natural = { width: base.width, height: base.height };
      setSize(natural);
      onSize(pageNumber, natural);
      const viewport = page.getViewport({ scale });
      const canvas = canvasRef.current;
      const text = textRef.current;
      if (!canvas || !text) return;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${viewport.width}px`;
      canvas.style.height = `${viewport.height}px`;
      renderTask = page.render({
        canvas,
        viewport,
        transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined,
      });
      await renderTask.promise;
      if (cancelled) return;
      text.replaceChildren();
      if (!withText) {
        setDrawnAt(scale);
        return;
      }
      textLayer = new pdfjs.TextLayer({
        textContentSource: page.streamTextContent(),
        container: text,
        viewport,
      });
      await textLayer.render();
      if (!cancelled) setDrawnAt(scale);
    })().catch((error: unknown) => {
      if (cancelled || (error instanceof Error && error.name === 'RenderingCancelledException')) return;
      setFailed(error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
      renderTask?.cancel();
      textLayer?.cancel();
    };
  }, [visible, scale, drawnAt, pdf, pageNumber, onSize, textLayerWanted]);

  return (
    <div
      className="weft-pdf-page"
      data-testid="pdf-page"
      data-page-number={pageNumber}
      data-rendered={drawnAt !== null ? 'true' : 'false'}
      style={
        {
          width: shown.width * scale,
          height: shown.height * scale,
          '--total-scale-factor': scale,
        } as React.CSSProperties
      }
    >
      <canvas ref={canvasRef} />
      <div ref={textRef} className="textLayer" data-testid="pdf-text-layer" hidden={!textLayer} />
      {children}
      {failed && (
        <div
          style={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', color: '#c92a2a' }}
        >
          Page {pageNumber} could not be drawn: {failed}
        </div>
      )}
    </div>
  );
});
