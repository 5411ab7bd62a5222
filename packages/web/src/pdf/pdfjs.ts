import * as pdfjs from 'pdfjs-dist';
// Vite copies the worker into the build and gives its URL: pdf.js parses in that thread.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
export { pdfjs };
