import { Center, Loader } from '@mantine/core';
import { CodeLoadFailed } from '../../ui/code-load-failed';
import { lazyModule, useLazyModule } from '../../ui/use-lazy-module';
import type { PdfCodingViewProps } from './pdf-coding-view';

// pdf.js is large: it loads when a PDF document is first opened, not with the app.
const pdfCodingView = lazyModule(() => import('./pdf-coding-view'));

/** `PdfCodingView`, loaded on first use. */
export function LazyPdfCodingView(props: PdfCodingViewProps) {
  const { module, failed } = useLazyModule(pdfCodingView);
  if (module) return <module.PdfCodingView {...props} />;
  if (failed) return <CodeLoadFailed what="PDF view" />;
  return (
    <Center py="xl">
      <Loader size="sm" aria-label="Loading the PDF view" />
    </Center>
  );
}
