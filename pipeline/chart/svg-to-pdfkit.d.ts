// svg-to-pdfkit ships no type declarations; this covers the options the chart stage uses.
declare module 'svg-to-pdfkit' {
  /** Options of SVGtoPDF. */
  export interface SvgToPdfOptions {
    width?: number;
    height?: number;
    preserveAspectRatio?: string;
    /** Treat one SVG unit as one point instead of one CSS pixel (0.75 pt). */
    assumePt?: boolean;
    /** Picks the registered PDF font for an SVG font-family; only "bold" and "italic" are passed on. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: { fauxBold: boolean; fauxItalic: boolean }) => string;
    warningCallback?: (message: string) => void;
  }
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
