import * as Dialog from "@radix-ui/react-dialog";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { Engine, ImageRef } from "../../backend";
import { useT } from "../../i18n";
import { displayName } from "../../lib/exactName";
import { lastSegment } from "../../lib/path";
import { queryKeys } from "../../lib/queryKeys";
import { CopyUrl } from "./CopyUrl";
import { PipelineField } from "./PipelineField";
import { Previews, type Learned } from "./Previews";
import { SaveAs } from "./SaveAs";
import { StepBuilder } from "./StepBuilder";
import { usePipeline } from "./usePipeline";

interface Props {
  profileId: string;
  bucket: string;
  objectKey: string;
  versionId?: string | null;
  onClose: () => void;
}

/** What this app session has seen of a profile's server: kept in the query cache, for good. */
interface ServerSeen {
  works: boolean;
  unsupported: boolean;
}
const NOTHING_SEEN: ServerSeen = { works: false, unsupported: false };

/** Gives focus back to the opener, or to the object table when the opener is gone (a menu item). */
function useFocusBack(): (e: Event) => void {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  return (e) => {
    e.preventDefault();
    const target = opener?.isConnected && opener !== document.body ? opener : document.querySelector<HTMLElement>('[data-testid="object-table"]');
    target?.focus();
  };
}

/**
 * The image process panel (nearly the whole window): the steps on the left; the pipeline as
 * text, the original and the result, a share link and Save as on the right. Escape closes it.
 */
export function ImageProcessPanel({ profileId, bucket, objectKey, versionId = null, onClose }: Props) {
  const { t } = useT();
  const image: ImageRef = useMemo(() => ({ bucket, key: objectKey, versionId }), [bucket, objectKey, versionId]);
  const pipeline = usePipeline();
  const [engine, setEngine] = useState<Engine>("server");
  const [compare, setCompare] = useState(false);
  const qc = useQueryClient();
  const server = useQuery({
    queryKey: queryKeys.imageServer(profileId),
    queryFn: () => NOTHING_SEEN,
    initialData: NOTHING_SEEN,
    staleTime: Infinity,
    gcTime: Infinity,
  }).data;
  const learn = useCallback(
    (what: Learned) =>
      qc.setQueryData<ServerSeen>(queryKeys.imageServer(profileId), (s = NOTHING_SEEN) =>
        what === "serverWorks" ? (s.works ? s : { ...s, works: true }) : s.unsupported ? s : { ...s, unsupported: true },
      ),
    [qc, profileId],
  );
  const focusBack = useFocusBack();
  const name = displayName(lastSegment(objectKey));
  const stale = pipeline.problem !== null && pipeline.problemIsCurrent && pipeline.lastGood !== "";

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-backdrop img-backdrop">
          <Dialog.Content
            className="modal img-panel"
            data-testid="image-panel"
            aria-describedby={undefined}
            onOpenAutoFocus={(e) => {
              e.preventDefault();
              document.querySelector<HTMLElement>('[data-testid="image-add-step"]')?.focus();
            }}
            onCloseAutoFocus={focusBack}
            // A stray click beside the panel must not throw the pipeline away: Escape or × close it.
            onInteractOutside={(e) => e.preventDefault()}
          >
            <header className="img-panel-head">
              <Dialog.Title className="modal-title img-panel-title" title={objectKey}>
                {t("images.title", { name })}
              </Dialog.Title>
              <Dialog.Close className="icon-button" aria-label={t("common.close")} title={t("common.close")} data-testid="image-panel-close">
                ×
              </Dialog.Close>
            </header>
            <div className="img-panel-body">
              <StepBuilder pipeline={pipeline} />
              <div className="img-main">
                <PipelineField pipeline={pipeline} />
                <Previews
                  profileId={profileId}
                  image={image}
                  name={name}
                  pipeline={pipeline.lastGood}
                  stale={stale}
                  engine={engine}
                  onEngine={setEngine}
                  serverWorks={server.works}
                  compare={compare}
                  onCompare={setCompare}
                  onLearn={learn}
                />
                <div className="img-sections">
                  <CopyUrl profileId={profileId} image={image} pipeline={pipeline.canonical} />
                  <SaveAs
                    profileId={profileId}
                    image={image}
                    steps={pipeline.steps}
                    pipeline={pipeline.canonical}
                    serverUnsupported={server.unsupported}
                    onServerUnsupported={() => learn("serverUnsupported")}
                  />
                </div>
              </div>
            </div>
          </Dialog.Content>
        </Dialog.Overlay>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
