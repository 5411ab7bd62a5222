import { ActionIcon, Alert, Box, Group, Loader, NumberInput, Select, Text, Tooltip } from '@mantine/core';
import {
  IconChevronLeft,
  IconChevronRight,
  IconExternalLink,
  IconZoomIn,
  IconZoomOut,
} from '@tabler/icons-react';
import {
  type HTMLAttributes,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import './pdf-viewer.css';
import { type PageSize, PdfPage } from './pdf-page';
import { type PDFDocumentProxy, pdfjs } from './pdfjs';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];
/** Pages closer than this to the visible area are drawn ahead of the scroll. */
const LOOKAHEAD = '800px 0px';
const FIT = 'fit';

export interface PdfViewerProps {
  /** Same-origin URL of the PDF (the session cookie goes with it). */
  url: string;
  /** Height of the scrolling area; the toolbar sits above it. */
  height?: number | string;
  /** Shown in the toolbar and as the link to open the file in its own tab. */
  fileName?: string;
  /** Draw pdf.js's own text layer (default); off when `pageOverlay` lays its own text. */
  textLayer?: boolean;
  /** Drawn over each page; `near` says whether the page is near the viewport (worth drawing). */
  pageOverlay?: (pageNumber: number, scale: number, near: boolean) => ReactNode;
  /** Page sizes at scale 1 when known beforehand, so the scroll height is right at once. */
  pageSizes?: ReadonlyMap<number, PageSize>;
  /** Also given the scrolling element (a caller reads selections in it and scrolls it). */
  scrollRef?: RefObject<HTMLDivElement | null>;
  /** Event handlers on the scrolling element. */
  scrollerProps?: Pick<
    HTMLAttributes<HTMLDivElement>,
    'onMouseUp' | 'onMouseMove' | 'onMouseLeave' | 'onKeyUp' | 'onDragStart'
  >;
}

/**
 * A PDF in the page: pdf.js renders each page to a canvas with a selectable text layer over it,
 * only the pages near the viewport (a 300-page report opens at once), with page navigation and
 * zoom. Reusable wherever a PDF is shown (full texts at screening, PDF documents).
 */
export function PdfViewer({
  url,
  height = '75vh',
  fileName,
  textLayer = true,
  pageOverlay,
  pageSizes,
  scrollRef,
  scrollerProps,
}: PdfViewerProps) {
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [zoom, setZoom] = useState<string>(FIT);
  const [width, setWidth] = useState(0);
  const [estimate, setEstimate] = useState<PageSize>({ width: 612, height: 792 });
  const [visible, setVisible] = useState<Set<number>>(() => new Set([1]));
  const [current, setCurrent] = useState(1);
  const scroller = useRef<HTMLDivElement>(null);
  const sizes = useRef(new Map<number, PageSize>());
  const setScroller = useCallback(
    (element: HTMLDivElement | null) => {
      scroller.current = element;
      if (scrollRef) scrollRef.current = element;
    },
    [scrollRef],
  );

  useEffect(() => {
    setPdf(null);
    setError(null);
    setVisible(new Set([1]));
    setCurrent(1);
    sizes.current.clear();
    const task = pdfjs.getDocument({
      url,
      withCredentials: true,
      isEvalSupported: false,
      // The file routes answer Range requests: fetch only the bytes the drawn pages need, in
      // quarter-MiB pieces (the server reads 1 MiB stored chunks), rather than the whole file
      // before the first page.
      rangeChunkSize: 256 * 1024,
      disableStream: true,
      disableAutoFetch: true,
    });
    let alive = true;
    task.promise.then(
      async (doc) => {
        const first = (await doc.getPage(1)).getViewport({ scale: 1 });
        if (!alive) return;
        setEstimate({ width: first.width, height: first.height });
        setPdf(doc);
      },
      (err: unknown) => {
        if (alive) setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      alive = false;
      void task.destroy();
    };
  }, [url]);

  // Fit-to-width follows the panel's width.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const scale = useMemo(() => {
    if (zoom !== FIT) return Number(zoom);
    if (width <= 0) return 1;
    return Math.max(0.25, Math.min(4, (width - 24) / estimate.width));
  }, [zoom, width, estimate.width]);

  // Which pages are near the viewport: only those are drawn.
  useEffect(() => {
    const root = scroller.current;
    if (!root || !pdf) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setVisible((before) => {
          const next = new Set(before);
          for (const entry of entries) {
            const n = Number((entry.target as HTMLElement).dataset.pageNumber);
            if (entry.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        }),
      { root, rootMargin: LOOKAHEAD },
    );
    for (const page of root.querySelectorAll('[data-page-number]')) observer.observe(page);
    return () => observer.disconnect();
  }, [pdf]);

  const onScroll = useCallback(() => {
    const root = scroller.current;
    if (!root) return;
    const line = root.scrollTop + root.clientHeight / 3;
    let page = 1;
    for (const element of root.querySelectorAll<HTMLElement>('[data-page-number]')) {
      if (element.offsetTop > line) break;
      page = Number(element.dataset.pageNumber);
    }
    setCurrent(page);
  }, []);

  const goTo = (n: number) => {
    const root = scroller.current;
    if (!root || !pdf) return;
    const page = Math.min(pdf.numPages, Math.max(1, Math.round(n)));
    const element = root.querySelector<HTMLElement>(`[data-page-number="${page}"]`);
    if (element) root.scrollTop = element.offsetTop - 8;
    setCurrent(page);
  };

  const stepZoom = (direction: 1 | -1) => {
    const index = ZOOMS.findIndex((z) => z >= scale - 0.001);
    const from = index < 0 ? ZOOMS.length - 1 : index;
    const next = ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, from + direction))] ?? 1;
    setZoom(String(next));
  };

  const onSize = useCallback((pageNumber: number, size: PageSize) => {
    sizes.current.set(pageNumber, size);
  }, []);

  const pages = pdf?.numPages ?? 0;
  return (
    <Box data-testid="pdf-viewer" data-pages={pages}>
      <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
        <Group gap={4} wrap="nowrap">
          <Tooltip label="Previous page">
            <ActionIcon
              variant="default"
              aria-label="Previous page"
              disabled={current <= 1}
              onClick={() => goTo(current - 1)}
            >
              <IconChevronLeft size={16} />
            </ActionIcon>
          </Tooltip>
          <NumberInput
            aria-label="Page"
            size="xs"
            w={64}
            min={1}
            max={Math.max(1, pages)}
            value={current}
            hideControls
            onChange={(value) => typeof value === 'number' && goTo(value)}
          />
          <Text fz="xs" c="dimmed" data-testid="pdf-page-count">
            of {pages || '…'}
          </Text>
          <Tooltip label="Next page">
            <ActionIcon
              variant="default"
              aria-label="Next page"
              disabled={current >= pages}
              onClick={() => goTo(current + 1)}
            >
              <IconChevronRight size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap={4} wrap="nowrap">
          <ActionIcon variant="default" aria-label="Zoom out" onClick={() => stepZoom(-1)}>
            <IconZoomOut size={16} />
          </ActionIcon>
          <Select
            aria-label="Zoom"
            size="xs"
            w={104}
            allowDeselect={false}
            value={zoom}
            onChange={(value) => value && setZoom(value)}
            data={[
              { value: FIT, label: 'Fit width' },
              ...ZOOMS.map((z) => ({ value: String(z), label: `${Math.round(z * 100)} %` })),
              ...(zoom !== FIT && !ZOOMS.includes(Number(zoom))
                ? [{ value: zoom, label: `${Math.round(Number(zoom) * 100)} %` }]
                : []),
            ]}
          />
          <ActionIcon variant="default" aria-label="Zoom in" onClick={() => stepZoom(1)}>
            <IconZoomIn size={16} />
          </ActionIcon>
          <Tooltip label={`Open ${fileName ?? 'the PDF'} in a new tab`}>
            <ActionIcon
              component="a"
              href={url}
              target="_blank"
              rel="noreferrer"
              variant="subtle"
              aria-label="Open in a new tab"
            >
              <IconExternalLink size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <Box
        {...scrollerProps}
        ref={setScroller}
        onScroll={onScroll}
        h={height}
        p={12}
        // Positioned, so the pages' offsetTop is measured from the scroller (page tracking, go to page).
        style={{
          position: 'relative',
          overflow: 'auto',
          background: 'var(--mantine-color-gray-2)',
          borderRadius: 6,
        }}
        data-testid="pdf-scroller"
      >
        {error ? (
          <Alert color="red" title="This PDF cannot be shown">
            {error}
          </Alert>
        ) : !pdf ? (
          <Group justify="center" py="xl">
            <Loader size="sm" aria-label="Loading the PDF" />
          </Group>
        ) : (
          Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
            <PdfPage
              key={n}
              pdf={pdf}
              pageNumber={n}
              scale={scale}
              estimate={sizes.current.get(n) ?? pageSizes?.get(n) ?? estimate}
              visible={visible.has(n)}
              onSize={onSize}
              textLayer={textLayer}
            >
              {pageOverlay?.(n, scale, visible.has(n))}
            </PdfPage>
          ))
        )}
      </Box>
    </Box>
  );
}
