import { Group, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { PdfViewerProps } from './pdf-viewer';

// pdf.js is large: it loads the first time a PDF is shown, not with the app.
const PdfViewerModule = lazy(async () => ({ default: (await import('./pdf-viewer')).PdfViewer }));

/** `PdfViewer`, loaded on first use. */
export function LazyPdfViewer(props: PdfViewerProps) {
  return (
    <Suspense
      fallback={
        <Group justify="center" py="xl">
          <Loader size="sm" aria-label="Loading the PDF viewer" />
        </Group>
      }
    >
      <PdfViewerModule {...props} />
    </Suspense>
  );
}
