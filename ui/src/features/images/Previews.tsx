import { useEffect, useId } from "react";
import type { Engine, ImageRef, RenderedView } from "../../backend";
import { useT } from "../../i18n";
import { useOriginal, useRender } from "./queries";
import { RenderedPane } from "./RenderedPane";

export type Learned = "serverWorks" | "serverUnsupported";

interface Props {
  profileId: string;
  image: ImageRef;
  name: string;
  /** The last valid canonical pipeline ("" for none). */
  pipeline: string;
  /** The typed pipeline is invalid: what is shown is for the last valid one. */
  stale: boolean;
  engine: Engine;
  onEngine: (e: Engine) => void;
  /** The session has seen the server process an image: Compare is offered. */
  serverWorks: boolean;
  compare: boolean;
  onCompare: (on: boolean) => void;
  /** What a server result showed about the server. */
  onLearn: (what: Learned) => void;
}

/** Original | Result (or, comparing, Server | Local), with the choice of engine above. */
export function Previews(props: Props) {
  const { profileId, image, name, pipeline, stale, engine, onEngine, serverWorks, compare, onCompare, onLearn } = props;
  const { t } = useT();
  const barId = useId();
  const original = useOriginal(profileId, image);
  const comparing = compare && serverWorks;
  const server = useRender(profileId, image, pipeline, "server", comparing || engine === "server");
  const local = useRender(profileId, image, pipeline, "local", comparing || engine === "local");
  const learned = server.data?.facts;
  useEffect(() => {
    if (!learned) return;
    if (learned.engine === "server") onLearn("serverWorks");
    else if (learned.fallback?.kind === "serverIgnored" || learned.fallback?.kind === "knownUnsupported") onLearn("serverUnsupported");
  }, [learned, onLearn]);

  const none = pipeline === "";
  const label = (v: RenderedView | undefined, before: string) =>
    !v ? before : v.facts.engine === "server" ? t("images.result.server") : t("images.result.local");
  const resultPane = (q: typeof server, testId: string, before = t("images.result")) => {
    const view = none ? undefined : q.data;
    return (
      <RenderedPane
        label={label(view, before)}
        view={view}
        loading={!none && q.busy}
        error={none ? null : q.error}
        errorContext={t("images.renderFailed")}
        stale={stale && view !== undefined}
        empty={t("images.noResult")}
        alt={name}
        testId={testId}
      />
    );
  };

  return (
    <div className="img-previews">
      <div className="img-preview-bar">
        <span className="muted" id={`${barId}-engine`}>
          {t("images.engine.label")}
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby={`${barId}-engine`}>
          {(["server", "local"] as const).map((e) => (
            <button
              key={e}
              type="button"
              role="radio"
              aria-checked={!comparing && engine === e}
              className="segment"
              data-testid={`image-engine-${e}`}
              onClick={() => {
                onCompare(false);
                onEngine(e);
              }}
            >
              {t(e === "server" ? "images.engine.server" : "images.engine.local")}
            </button>
          ))}
        </div>
        {serverWorks && (
          <button
            type="button"
            className={`button small ${comparing ? "toggle-on" : ""}`}
            aria-pressed={comparing}
            title={t("images.compareHint")}
            data-testid="image-compare"
            onClick={() => onCompare(!comparing)}
          >
            {t("images.compare")}
          </button>
        )}
        {stale && (
          <span className="img-stale" data-testid="image-stale">
            {t("images.pipeline.stale")}
          </span>
        )}
      </div>
      <div className="img-panes">
        {comparing ? (
          <>
            {resultPane(server, "image-server", t("images.result.server"))}
            {resultPane(local, "image-local", t("images.result.local"))}
          </>
        ) : (
          <>
            <RenderedPane
              label={t("images.original")}
              view={original.data}
              loading={original.isFetching}
              error={original.error}
              errorContext={t("images.originalFailed")}
              alt={name}
              testId="image-original"
            />
            {resultPane(engine === "server" ? server : local, "image-result")}
          </>
        )}
      </div>
    </div>
  );
}
