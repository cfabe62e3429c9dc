// Thumbnails of image objects (made by Rust, cached on disk, served by the zosimg: scheme).
import { createContext, useContext, useMemo, useState, type ReactNode } from "react";
import { thumbSrc } from "../../backend";
import { isImage } from "./model";

/** Where the object table's rows are: the profile and bucket their thumbnails come from. */
const ThumbPlace = createContext<{ profileId: string; bucket: string } | null>(null);

export function ThumbPlaceProvider({ profileId, bucket, children }: { profileId: string; bucket: string; children: ReactNode }) {
  const value = useMemo(() => ({ profileId, bucket }), [profileId, bucket]);
  return <ThumbPlace.Provider value={value}>{children}</ThumbPlace.Provider>;
}

/**
 * Thumbnails that failed this session (not an image after all, access denied…): not asked again
 * when their row scrolls back into view. Bounded, in case of a huge folder of them.
 */
const failed = new Set<string>();
const MAX_FAILED = 10_000;

/** An `<img>` of the thumbnail, loaded lazily; `fallback` instead when it cannot be had. */
export function Thumb({ src, alt, className, fallback, testId }: { src: string | null | undefined; alt: string; className: string; fallback: ReactNode; testId?: string }) {
  const [, setBroken] = useState<string | null>(null);
  if (!src || failed.has(src)) return fallback;
  const onError = () => {
    if (failed.size >= MAX_FAILED) failed.clear();
    failed.add(src);
    setBroken(src);
  };
  return <img src={src} alt={alt} className={className} loading="lazy" decoding="async" draggable={false} data-testid={testId} onError={onError} />;
}

/**
 * The small thumbnail of an object table row in place of its icon, for an image with an ETag
 * (it keys the cache); else `icon`. Only rendered rows exist: only visible rows load.
 */
export function RowThumb({ objectKey, etag, icon }: { objectKey: string; etag: string | null; icon: ReactNode }) {
  const place = useContext(ThumbPlace);
  if (!place || !etag || !isImage(objectKey)) return icon;
  const src = thumbSrc(place.profileId, { bucket: place.bucket, key: objectKey, versionId: null }, etag);
  return <Thumb src={src} alt="" className="row-thumb" fallback={icon} testId="row-thumb" />;
}
