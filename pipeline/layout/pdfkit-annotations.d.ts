// pdfkit 0.20 takes the structure element of a link annotation (`structParent`) and writes a
// JavaScript String object as a PDF text string; @types/pdfkit does not know either yet.
declare namespace PDFKit.Mixins {
  interface AnnotationOption {
    /** The Link structure element that holds this annotation. */
    structParent?: PDFKit.PDFStructureElement;
  }
}
