import * as Dialog from "@radix-ui/react-dialog";
import { useQuery } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { api, thumbSrc, type ObjectPreview, type PreviewView } from "../../backend";
import { useReturnFocus } from "../../components/useReturnFocus";
import { BackendError, ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { humanBytes } from "../../lib/format";
import { Thumb } from "../images/thumbs";
import { CustomerKeyPrompt, needsCustomerKey } from "../sse-c";
import { ENCODINGS, baseName, encodingLabel } from "./model";
import "./preview.css";
import { CsvView, HexView, JsonView, MediaView, PdfView, TextLines } from "./views";

/** The object to preview. `etag` (when known) shows an image's thumbnail. */
export interface PreviewTarget {
  profileId: string;
  bucket: string;
  objectKey: string;
  versionId?: string | null;
  etag?: string | null;
}

export interface PreviewDialogProps extends PreviewTarget {
  onClose: () => void;
  /** Offered as a fallback (and in the footer) when given. */
  onDownload?: () => void;
  /** For an image: opens the image panel on it. */
  onOpenImage?: () => void;
  /** ← / → (and the footer's buttons) go to the folder's previous / next object when given. */
  onPrevious?: () => void;
  onNext?: () => void;
}

/** Bytes the core reads at most for a text (its TEXT_CAP), for the "first N of M" line. */
const TEXT_CAP = 256 * 1024;
const HEX_CAP = 4 * 1024;

/** Keys typed in these go to them, not to the dialog's ← / →. */
function ownsArrows(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("select, input, textarea, audio, video, [contenteditable]") !== null;
}

/**
 * Quick look at one object: text in its encoding (another one on request), JSON pretty printed
 * or its error, a CSV table, audio/video, a PDF's first page, an image, or hex of the first
 * bytes. Escape closes; ← / → move to the previous / next object when the parent gives them.
 */
export function PreviewDialog(props: PreviewDialogProps) {
  const { objectKey, versionId = null, onClose, onPrevious, onNext } = props;
  const { t } = useT();
  const returnFocus = useReturnFocus();
  const name = baseName(objectKey);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey || ownsArrows(e.target)) return;
    if (e.key === "ArrowLeft" && onPrevious) {
      e.preventDefault();
      onPrevious();
    } else if (e.key === "ArrowRight" && onNext) {
      e.preventDefault();
      onNext();
    }
  };
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-backdrop">
          <Dialog.Content
            className="modal pv-dialog"
            data-testid="preview-dialog"
            aria-describedby={undefined}
            onCloseAutoFocus={returnFocus}
            onKeyDown={onKeyDown}
          >
            <header className="pv-head">
              <Dialog.Title className="modal-title pv-title" title={objectKey}>
                {t("preview.title", { name })}
              </Dialog.Title>
              <Dialog.Close className="icon-button" aria-label={t("common.close")} title={t("common.close")} data-testid="preview-close">
                ×
              </Dialog.Close>
            </header>
            {/* Keyed by object: encoding, view and wrap start afresh for each. */}
            <PreviewBody key={`${objectKey}\u0000${versionId ?? ""}`} {...props} versionId={versionId} name={name} />
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function PreviewBody({
  profileId,
  bucket,
  objectKey,
  versionId,
  etag,
  name,
  onClose,
  onDownload,
  onOpenImage,
  onPrevious,
  onNext,
}: PreviewDialogProps & { versionId: string | null; name: string }) {
  const { t, locale } = useT();
  const id = useId();
  const [encoding, setEncoding] = useState<string | null>(null);
  const [view, setView] = useState<PreviewView | null>(null);
  const [wrap, setWrap] = useState(true);
  const [numbers, setNumbers] = useState(true);
  const query = useQuery({
    queryKey: ["preview", profileId, bucket, objectKey, versionId, encoding, view],
    queryFn: () => api.previewObject(profileId, bucket, objectKey, versionId, { encoding, view }),
    // A PDF can be tens of MiB: not kept once the dialog is gone.
    gcTime: 0,
    retry: false,
  });
  const preview = query.data;
  const content = preview?.content;
  const decoded =
    content?.kind === "text" ? content.value : content?.kind === "json" || content?.kind === "csv" ? content.value.decoded : null;
  const textual = content?.kind === "text" || content?.kind === "json";

  const download = onDownload ? (
    <button type="button" className="button" data-testid="preview-download" onClick={onDownload}>
      {t("preview.download")}
    </button>
  ) : null;

  const encodings = decoded && !ENCODINGS.some((e) => e.name === decoded.encoding) ? [...ENCODINGS, { name: decoded.encoding, label: decoded.encoding }] : ENCODINGS;

  return (
    <>
      <div className="pv-toolbar" role="toolbar" aria-label={t("preview.view")}>
        <label className="pv-control" htmlFor={`${id}-view`}>
          {t("preview.view")}
          <select
            id={`${id}-view`}
            data-testid="preview-view"
            value={view ?? ""}
            onChange={(e) => setView((e.target.value || null) as PreviewView | null)}
          >
            <option value="">{t("preview.viewAuto")}</option>
            <option value="text">{t("preview.viewText")}</option>
            <option value="json">{t("preview.viewJson")}</option>
            <option value="csv">{t("preview.viewCsv")}</option>
            <option value="hex">{t("preview.viewHex")}</option>
          </select>
        </label>
        {decoded && (
          <label className="pv-control" htmlFor={`${id}-enc`}>
            {t("preview.encoding")}
            <select
              id={`${id}-enc`}
              data-testid="preview-encoding"
              value={encoding === null ? "" : decoded.encoding}
              onChange={(e) => setEncoding(e.target.value === "" ? null : e.target.value)}
            >
              <option value="">{t("preview.encodingAuto", { name: encodingLabel(decoded.detectedEncoding) })}</option>
              {encodings.map((e) => (
                <option key={e.name} value={e.name}>
                  {e.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {decoded?.bom && <span className="pv-tag">{t("preview.bom")}</span>}
        {textual && (
          <>
            <label className="pv-check">
              <input type="checkbox" data-testid="preview-wrap" checked={wrap} onChange={(e) => setWrap(e.target.checked)} />
              {t("preview.wrap")}
            </label>
            <label className="pv-check">
              <input type="checkbox" data-testid="preview-numbers" checked={numbers} onChange={(e) => setNumbers(e.target.checked)} />
              {t("preview.lineNumbers")}
            </label>
          </>
        )}
        {preview && (
          <span className="pv-size muted" data-testid="preview-size">
            {preview.truncated
              ? t("preview.truncated", { shown: humanBytes(shownBytes(preview), locale), size: humanBytes(preview.size, locale) })
              : t("preview.size", { size: humanBytes(preview.size, locale) })}
          </span>
        )}
      </div>
      <div className="pv-body" aria-busy={query.isFetching}>
        {query.isPending && (
          <p className="muted" role="status">
            {t("preview.loading")}
          </p>
        )}
        {query.isError && <ErrorMessage error={query.error} context={t("preview.failed")} />}
        {query.error instanceof BackendError && needsCustomerKey(query.error.code) && (
          <CustomerKeyPrompt profileId={profileId} bucket={bucket} objectKey={objectKey} versionId={versionId} onUnlocked={() => void query.refetch()} />
        )}
        {decoded?.lossy && <p className="pv-note">{t("preview.lossy")}</p>}
        {preview && (
          <Content
            preview={preview}
            name={name}
            wrap={wrap}
            numbers={numbers}
            download={download}
            image={
              etag ? thumbSrc(profileId, { bucket, key: objectKey, versionId }, etag) : null
            }
            onOpenImage={onOpenImage}
          />
        )}
      </div>
      <div className="modal-footer pv-footer">
        {onPrevious && (
          <button type="button" className="button" data-testid="preview-previous" onClick={onPrevious} aria-keyshortcuts="ArrowLeft">
            ← {t("preview.previous")}
          </button>
        )}
        {onNext && (
          <button type="button" className="button" data-testid="preview-next" onClick={onNext} aria-keyshortcuts="ArrowRight">
            {t("preview.next")} →
          </button>
        )}
        <span className="pv-spacer" />
        {content?.kind === "image" && onOpenImage && (
          <button type="button" className="button" data-testid="preview-open-image" onClick={onOpenImage}>
            {t("preview.openImage")}
          </button>
        )}
        {download}
        <button type="button" className="button primary" data-testid="preview-done" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </>
  );
}

/** The bytes a truncated view shows (the core's caps). */
function shownBytes(preview: ObjectPreview): number {
  return preview.content.kind === "hex" ? Math.min(HEX_CAP, preview.size) : Math.min(TEXT_CAP, preview.fetchedBytes || TEXT_CAP);
}

function Content({
  preview,
  name,
  wrap,
  numbers,
  download,
  image,
  onOpenImage,
}: {
  preview: ObjectPreview;
  name: string;
  wrap: boolean;
  numbers: boolean;
  download: ReactNode;
  image: string | null;
  onOpenImage?: () => void;
}) {
  const { t } = useT();
  const c = preview.content;
  switch (c.kind) {
    case "text":
      return <TextLines text={c.value.text} wrap={wrap} numbers={numbers} testId="preview-text" />;
    case "json":
      return <JsonView json={c.value} wrap={wrap} numbers={numbers} truncated={preview.truncated} />;
    case "csv":
      return <CsvView csv={c.value} />;
    case "hex":
      return <HexView hex={c.value} />;
    case "media":
      return <MediaView media={c.value} name={name} download={download} />;
    case "pdf":
      return <PdfView pdf={c.value} name={name} download={download} />;
    case "image":
      return (
        <div className="pv-image" data-testid="preview-image">
          <Thumb src={image} alt={name} className="pv-thumb" fallback={null} />
          <p>{t("preview.image", { mime: c.value.mime })}</p>
          {onOpenImage && (
            <button type="button" className="button" onClick={onOpenImage}>
              {t("preview.openImage")}
            </button>
          )}
        </div>
      );
  }
}

/**
 * State for a preview dialog: `open(target)` shows it, `element` is what to render (null when
 * closed). The callbacks receive the previewed target.
 */
export function usePreviewDialog(callbacks: {
  onDownload?: (target: PreviewTarget) => void;
  onOpenImage?: (target: PreviewTarget) => void;
} = {}) {
  const [target, setTarget] = useState<PreviewTarget | null>(null);
  const close = () => setTarget(null);
  const { onDownload, onOpenImage } = callbacks;
  const element = target ? (
    <PreviewDialog
      {...target}
      onClose={close}
      onDownload={onDownload && (() => onDownload(target))}
      onOpenImage={
        onOpenImage &&
        (() => {
          close();
          onOpenImage(target);
        })
      }
    />
  ) : null;
  return { open: setTarget, close, target, element };
}
