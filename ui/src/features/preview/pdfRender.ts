// pdf.js, loaded only when a PDF is previewed (a dynamic import keeps it out of the main
// bundle). The legacy build: WebKitGTK lags behind the browsers pdf.js's modern build targets.
// The worker is bundled by Vite (`?url`) and served from the app itself ('self' in the CSP).
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import workerUrl from "pdfjs-dist/legacy/build/pdf.worker.min.mjs?url";

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Renders page 1 of `data` into `canvas`, to fit `width` × `height` CSS pixels; returns the page count. */
export async function renderFirstPage(data: Uint8Array, canvas: HTMLCanvasElement, width: number, height: number): Promise<number> {
  const task = pdfjs.getDocument({ data, isEvalSupported: false });
  const doc = await task.promise;
  try {
    const page = await doc.getPage(1);
    const unscaled = page.getViewport({ scale: 1 });
    const ratio = window.devicePixelRatio || 1;
    const scale = Math.max(0.1, Math.min(width / unscaled.width, height / unscaled.height));
    const viewport = page.getViewport({ scale: scale * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
    canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
    await page.render({ canvas, viewport }).promise;
    return doc.numPages;
  } finally {
    void doc.destroy();
  }
}
