/** pdf.js ships its worker without types; the preview only hands the module back to pdf.js. */
declare module 'pdfjs-dist/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
