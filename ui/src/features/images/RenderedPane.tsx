import { useState, type ReactNode } from "react";
import { imageSrc, type RenderedView } from "../../backend";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage, toBackendError } from "../../errors";
import { useT } from "../../i18n";
import { humanBytes } from "../../lib/format";
import { InfoFacts } from "./InfoFacts";
import { fallbackSentence, noteSentence } from "./sentences";

interface Props {
  label: ReactNode;
  view: RenderedView | undefined;
  /** A render is on its way: a spinner over what is shown. */
  loading: boolean;
  error?: unknown;
  errorContext?: string;
  /** What is shown is for an older pipeline than the one typed. */
  stale?: boolean;
  /** Shown in the frame when there is nothing to show. */
  empty?: ReactNode;
  alt: string;
  testId: string;
}

/**
 * One preview: a fixed frame (no layout jump while loading) with the image, or the facts table
 * of `image/info`; under it width × height, size and format; then why it was made here, and
 * what the engine said.
 */
export function RenderedPane({ label, view, loading, error, errorContext, stale, empty, alt, testId }: Props) {
  const { t, locale } = useT();
  const [broken, setBroken] = useState<string | null>(null);
  const f = view?.facts;
  const isInfo = f?.format === "json" && view?.text != null;
  const src = view && !isInfo ? imageSrc(view.path) : null;
  let body: ReactNode = null;
  if (error && !view) body = <ErrorMessage error={error} context={errorContext} />;
  else if (isInfo) body = <InfoFacts text={view.text ?? ""} />;
  else if (src && broken === src) body = <p className="muted img-frame-note">{t("images.imageNotShown")}</p>;
  else if (src) body = <img src={src} alt={alt} data-testid={`${testId}-img`} onError={() => setBroken(src)} />;
  else if (!loading) body = <p className="muted img-frame-note">{empty}</p>;
  return (
    <figure className={`img-pane ${stale ? "stale" : ""}`} data-testid={testId} aria-busy={loading || undefined}>
      <figcaption className="img-pane-label" data-testid={`${testId}-label`}>
        {label}
      </figcaption>
      <div className={`img-frame ${isInfo ? "info" : ""} ${error && !view ? "failed" : ""}`}>
        {body}
        {loading && (
          <div className="img-overlay">
            <Spinner label={t("images.rendering")} />
          </div>
        )}
      </div>
      <p className="img-facts" data-testid={`${testId}-facts`}>
        {f && !isInfo
          ? [f.width !== null && f.height !== null ? `${f.width} × ${f.height}` : null, humanBytes(f.size, locale), f.format.toUpperCase()]
              .filter((x) => x !== null)
              .join(" · ")
          : " "}
      </p>
      {error != null && view && <ErrorMessage error={error} context={errorContext} />}
      {f?.fallback && (
        <div className="img-fallback" role="note" data-testid={`${testId}-fallback`}>
          <p>{fallbackSentence(t, f.fallback)}</p>
          {f.fallback.kind === "serverFailed" && (
            <>
              <ErrorMessage error={toBackendError(f.fallback.error)} />
              <p>{t("images.fallback.shownLocal")}</p>
            </>
          )}
        </div>
      )}
      {f && f.notes.length > 0 && (
        <ul className="img-notes" data-testid={`${testId}-notes`}>
          {f.notes.map((n, i) => (
            <li key={i}>{noteSentence(t, n)}</li>
          ))}
        </ul>
      )}
    </figure>
  );
}
