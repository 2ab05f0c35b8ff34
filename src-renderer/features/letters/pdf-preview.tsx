/**
 * The letter as it will print: the PDF's own pages drawn by pdf.js onto canvases (the CSP allows
 * no frames or plugins, and a canvas looks the same in Electron and in the test browser), with
 * the letter's text beside it as the accessible alternative (read from the same definition the
 * PDF was built from). pdf.js loads on first use, so other pages do not pay for it.
 */
import { useEffect, useRef, useState } from 'react';

/** 1.5 CSS px per PDF point: an A4 page is about 890 px wide before CSS scales it to fit. */
const SCALE = 1.5;

export function PdfPreview({
  pdfBase64,
  text,
  title,
}: {
  pdfBase64: string;
  text: string;
  title: string;
}) {
  const pagesRef = useRef<HTMLDivElement>(null);
  // Keyed by the PDF it was drawn from, so a new PDF shows "drawing" until its pages are ready.
  const [drawn, setDrawn] = useState<{ of: string; pages: number | 'failed' } | null>(null);
  const state: { pages: number } | 'loading' | 'failed' =
    drawn?.of !== pdfBase64
      ? 'loading'
      : drawn.pages === 'failed'
        ? 'failed'
        : { pages: drawn.pages };

  useEffect(() => {
    let live = true;
    const holder = pagesRef.current;
    void (async () => {
      // pdf.js' worker code runs on this thread (its "fake worker", found on globalThis): it is
      // bundled as an ordinary script chunk, so no separate worker file has to be served with a
      // module MIME type, and a letter of a few pages draws quickly enough here.
      const [pdfjs, worker] = await Promise.all([
        import('pdfjs-dist'),
        import('pdfjs-dist/build/pdf.worker.min.mjs'),
      ]);
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      const data = Uint8Array.from(atob(pdfBase64), (ch) => ch.charCodeAt(0));
      const task = pdfjs.getDocument({ data });
      const doc = await task.promise;
      const canvases: HTMLCanvasElement[] = [];
      try {
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: SCALE });
          const canvas = document.createElement('canvas');
          canvas.width = Math.ceil(viewport.width);
          canvas.height = Math.ceil(viewport.height);
          canvas.className = 'pdf-preview__page';
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', `Page ${n} of ${doc.numPages}`);
          await page.render({ canvas, viewport }).promise;
          canvases.push(canvas);
        }
      } finally {
        await task.destroy();
      }
      if (!live || !holder) return;
      holder.replaceChildren(...canvases);
      setDrawn({ of: pdfBase64, pages: canvases.length });
    })().catch(() => {
      if (live) setDrawn({ of: pdfBase64, pages: 'failed' });
    });
    return () => {
      live = false;
    };
  }, [pdfBase64]);

  return (
    <div className="pdf-preview">
      <div
        className="pdf-preview__pages"
        ref={pagesRef}
        // A scrolling region must be reachable by keyboard to be scrolled (WCAG 2.1.1; axe's
        // scrollable-region-focusable), which is why this non-interactive group takes focus.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="group"
        aria-label={`${title}, as it will print`}
        aria-describedby="pdf-preview-text-summary"
        data-testid="letter-pdf"
        data-pages={typeof state === 'object' ? state.pages : undefined}
      />
      <p className="body" role="status">
        {state === 'loading'
          ? 'Drawing the pages…'
          : state === 'failed'
            ? 'The pages could not be drawn here. The text of the letter is below.'
            : `${state.pages} ${state.pages === 1 ? 'page' : 'pages'}.`}
      </p>
      <details className="details" open={state === 'failed'}>
        <summary className="details__summary" id="pdf-preview-text-summary">
          The letter as text
        </summary>
        <div className="letter-preview__text" data-testid="letter-preview">
          {text}
        </div>
      </details>
    </div>
  );
}
