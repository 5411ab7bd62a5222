declare module 'svg-to-pdfkit' {
  import type PDFKit from 'pdfkit';
  export default function SVGtoPDF(
    doc: PDFKit.PDFDocument,
    svg: string,
    x?: number,
    y?: number,
    options?: {
      width?: number;
      height?: number;
      assumePt?: boolean;
      preserveAspectRatio?: string;
      /** Names the registered pdfkit font for an element's family, weight and style. */
      fontCallback?: (family: string, bold: boolean, italic: boolean) => string;
    },
  ): void;
}
