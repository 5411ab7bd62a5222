import { Group, Loader } from '@mantine/core';
import { CodeLoadFailed } from '../ui/code-load-failed';
import { lazyModule, useLazyModule } from '../ui/use-lazy-module';
import type { PdfViewerProps } from './pdf-viewer';

// pdf.js is large: it loads the first time a PDF is shown, not with the app.
const pdfViewer = lazyModule(() => import('./pdf-viewer'));

/** `PdfViewer`, loaded on first use. */
export function LazyPdfViewer(props: PdfViewerProps) {
  const { module, failed } = useLazyModule(pdfViewer);
  if (module) return <module.PdfViewer {...props} />;
  if (failed) return <CodeLoadFailed what="PDF viewer" />;
  return (
    <Group justify="center" py="xl">
      <Loader size="sm" aria-label="Loading the PDF viewer" />
    </Group>
  );
}
