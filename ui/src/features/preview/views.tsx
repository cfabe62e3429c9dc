// The bodies of the preview dialog, one per kind of content.
import { useEffect, useMemo, useRef, useState } from "react";
import type { CsvPreview, HexPreview, JsonPreview, MediaPreview, PdfPreview } from "../../backend";
import { useT } from "../../i18n";
import { humanBytes } from "../../lib/format";
import { caretPad, fromBase64, hexRows, splitLines } from "./model";

/** Text with line numbers (optional) in a monospace font; `mark` highlights one line (1-based). */
export function TextLines({ text, wrap, numbers, testId, mark }: { text: string; wrap: boolean; numbers: boolean; testId: string; mark?: number }) {
  const { t } = useT();
  const lines = useMemo(() => splitLines(text), [text]);
  if (lines.length === 0) {
    return (
      <p className="muted" data-testid={testId}>
        {t("preview.empty")}
      </p>
    );
  }
  return (
    // A scrollable region: focusable so the keyboard scrolls it.
    <div
      className={`pv-text${wrap ? " pv-wrap" : ""}${numbers ? " pv-numbered" : ""}`}
      data-testid={testId}
      tabIndex={0}
      role="region"
      aria-label={testId === "preview-json" ? t("preview.viewJson") : t("preview.viewText")}
    >
      {lines.map((line, i) => (
        <div key={i} className={`pv-line${mark === i + 1 ? " pv-mark" : ""}`}>
          {numbers && (
            <span className="pv-num" aria-hidden="true">
              {i + 1}
            </span>
          )}
          <span className="pv-code">{line === "" ? "\u200b" : line}</span>
        </div>
      ))}
    </div>
  );
}

export function JsonView({ json, wrap, numbers, truncated }: { json: JsonPreview; wrap: boolean; numbers: boolean; truncated: boolean }) {
  const { t } = useT();
  if (json.problem) {
    const p = json.problem;
    return (
      <>
        <div className="pv-problem" role="alert" data-testid="preview-json-problem">
          <p>{t("preview.jsonProblem", { line: p.line, column: p.column, message: p.message })}</p>
          <pre className="pv-caret">
            {p.lineText}
            {"\n"}
            {caretPad(p.lineText, p.column)}^
          </pre>
        </div>
        <TextLines text={json.decoded.text} wrap={wrap} numbers={numbers} testId="preview-json" mark={p.line} />
      </>
    );
  }
  return (
    <>
      {truncated && <p className="pv-note">{t("preview.jsonTruncated")}</p>}
      <TextLines text={json.pretty ?? json.decoded.text} wrap={wrap} numbers={numbers} testId="preview-json" />
    </>
  );
}

export function CsvView({ csv }: { csv: CsvPreview }) {
  const { t } = useT();
  const [head, ...body] = csv.table.rows;
  const columns = csv.table.columns;
  const cells = (row: string[]) => Array.from({ length: columns }, (_, i) => row[i] ?? "");
  if (!head) {
    return (
      <p className="muted" data-testid="preview-csv">
        {t("preview.empty")}
      </p>
    );
  }
  return (
    <>
      {(csv.table.moreRows || csv.table.moreColumns || csv.table.error) && (
        <p className="pv-note" data-testid="preview-csv-note">
          {csv.table.moreRows && t("preview.csvMoreRows", { count: csv.table.rows.length })}{" "}
          {csv.table.moreColumns && t("preview.csvMoreColumns", { count: columns })}{" "}
          {csv.table.error && t("preview.csvProblem", { message: csv.table.error })}
        </p>
      )}
      <div className="pv-table-wrap" tabIndex={0} role="region" aria-label={t("preview.viewCsv")}>
        <table className="pv-table" data-testid="preview-csv">
          <thead>
            <tr>
              <th scope="col" className="pv-rownum">
                <span className="visually-hidden">{t("preview.csvRow")}</span>
              </th>
              {cells(head).map((cell, i) => (
                <th key={i} scope="col">
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((row, r) => (
              <tr key={r}>
                <th scope="row" className="pv-rownum">
                  {r + 1}
                </th>
                {cells(row).map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function MediaView({ media, name, download }: { media: MediaPreview; name: string; download: React.ReactNode }) {
  const { t } = useT();
  const [failed, setFailed] = useState(false);
  if (failed) {
    return (
      <div className="pv-problem" role="alert" data-testid="preview-media-failed">
        <p>{t("preview.mediaFailed")}</p>
        {download}
      </div>
    );
  }
  const common = {
    src: media.url,
    controls: true,
    preload: "metadata" as const,
    "data-testid": "preview-media",
    onError: () => setFailed(true),
    title: name,
  };
  return (
    <div className="pv-media">
      {media.video ? (
        <video {...common} aria-label={t("preview.video")} className="pv-video" />
      ) : (
        <audio {...common} aria-label={t("preview.audio")} className="pv-audio" />
      )}
    </div>
  );
}

export function PdfView({ pdf, name, download }: { pdf: PdfPreview; name: string; download: React.ReactNode }) {
  const { t, locale } = useT();
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = pdf.dataBase64;
  useEffect(() => {
    if (data === null || !canvas.current) return;
    let live = true;
    // The whole page in the dialog's body: as wide as it is, and no taller.
    const width = Math.max(200, (wrap.current?.clientWidth ?? 640) - 24);
    const height = Math.max(200, (wrap.current?.clientHeight ?? 480) - 40);
    import("./pdfRender")
      .then((m) => m.renderFirstPage(fromBase64(data), canvas.current!, width, height))
      .then(
        (count) => live && setPages(count),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [data]);
  if (data === null) {
    return (
      <div className="pv-problem" role="alert" data-testid="preview-pdf">
        <p>{t("preview.pdfTooLarge", { limit: humanBytes(pdf.limitBytes, locale) })}</p>
        {download}
      </div>
    );
  }
  return (
    <div className="pv-pdf" ref={wrap} data-testid="preview-pdf">
      {error !== null ? (
        <div className="pv-problem" role="alert">
          <p>{t("preview.pdfFailed", { message: error })}</p>
          {download}
        </div>
      ) : (
        <>
          {pages !== null && (
            <p className="muted pv-pages" data-testid="preview-pdf-pages">
              {t("preview.pdfPages", { count: pages })}
            </p>
          )}
          <canvas ref={canvas} role="img" aria-label={t("preview.pdfPage", { name })} className="pv-canvas" />
        </>
      )}
    </div>
  );
}

export function HexView({ hex }: { hex: HexPreview }) {
  const { t } = useT();
  const rows = useMemo(() => hexRows(fromBase64(hex.dataBase64)), [hex.dataBase64]);
  if (rows.length === 0) {
    return (
      <p className="muted" data-testid="preview-hex">
        {t("preview.empty")}
      </p>
    );
  }
  return (
    <div className="pv-table-wrap" tabIndex={0} role="region" aria-label={t("preview.hex")}>
      <table className="pv-hex" data-testid="preview-hex">
        <thead>
          <tr>
            <th scope="col">{t("preview.hexOffset")}</th>
            <th scope="col">{t("preview.viewHex")}</th>
            <th scope="col">ASCII</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.offset}>
              <td className="pv-offset">{row.offset}</td>
              <td>{row.hex}</td>
              <td>{row.ascii}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
