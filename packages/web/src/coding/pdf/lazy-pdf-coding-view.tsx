import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import type { PdfCodingViewProps } from './pdf-coding-view';

// pdf.js is large: it loads when a PDF document is first opened, not with the app.
const PdfCodingViewModule = lazy(async () => ({
  default: (await import('./pdf-coding-view')).PdfCodingView,
}));

/** `PdfCodingView`, loaded on first use. */
export function LazyPdfCodingView(props: PdfCodingViewProps) {
  return (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader size="sm" aria-label="Loading the PDF view" />
        </Center>
      }
    >
      <PdfCodingViewModule {...props} />
    </Suspense>
  );
}
