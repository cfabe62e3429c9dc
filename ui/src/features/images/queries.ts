import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, type Engine, type ImageRef } from "../../backend";
import { useDebounced } from "../../lib/useDebounced";
import { queryKeys } from "../../lib/queryKeys";

/** Pipelines settle this long before a render is asked for. */
export const RENDER_DELAY_MS = 250;
/** Rendered previews are kept by Rust under a byte cap: old tokens may be gone, so not for long. */
const KEEP_MS = 5 * 60_000;

export function useOriginal(profileId: string, image: ImageRef) {
  return useQuery({
    queryKey: queryKeys.imageOriginal(profileId, image.bucket, image.key, image.versionId),
    queryFn: () => api.imageOriginal(profileId, image),
    gcTime: KEEP_MS,
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * The result of `pipeline` (canonical; "" asks nothing) by `engine`, once the pipeline has
 * settled; the previous result stays shown while the next one is made (`busy`).
 */
export function useRender(profileId: string, image: ImageRef, pipeline: string, engine: Engine, enabled = true) {
  const settled = useDebounced(pipeline, RENDER_DELAY_MS);
  const query = useQuery({
    queryKey: queryKeys.imageRender(profileId, image.bucket, image.key, image.versionId, settled, engine),
    queryFn: () => api.renderImage(profileId, image, settled, engine),
    enabled: enabled && settled !== "",
    placeholderData: keepPreviousData,
    gcTime: KEEP_MS,
    staleTime: Infinity,
    retry: false,
  });
  // While the pipeline settles, the shown result is already old: the spinner says so.
  return { data: query.data, error: query.error, busy: query.isFetching || (enabled && settled !== pipeline && pipeline !== "") };
}
