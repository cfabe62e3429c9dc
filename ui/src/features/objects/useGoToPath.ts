import { useState } from "react";
import { api } from "../../backend";
import { isPrefixPath, parseLocation, splitKey } from "../../lib/path";
import { PAGE_SIZE } from "./useObjectPages";

/** A place in the object browser: a bucket's folder, and maybe one object in it to select. */
export interface Place {
  bucket: string;
  prefix: string;
  select?: string;
}

/**
 * Where a typed path leads. A path ending in "/" (or empty) is a prefix. Anything else may be an
 * object key or a folder without its "/": the parent folder is listed with the name as listing
 * prefix, and an exact key match opens the parent with that object selected; otherwise (a folder
 * of that name, nothing at all, or a listing that fails) it is opened as the prefix `path/`.
 */
export async function resolvePlace(profileId: string, bucket: string, path: string): Promise<Place> {
  if (isPrefixPath(path)) return { bucket, prefix: path };
  const { parent } = splitKey(path);
  try {
    // The key itself sorts first among the keys it starts: the first page is enough.
    const page = await api.listObjects(profileId, bucket, path, null, PAGE_SIZE);
    if (page.objects.some((o) => o.key === path)) return { bucket, prefix: parent, select: path };
  } catch {
    // The folder view below shows the error of its own listing, if there is one.
  }
  return { bucket, prefix: `${path}/` };
}

/** The path field's Enter: parses what was typed (s3://, the endpoint's URL, a path), resolves it, goes there. */
export function useGoToPath(profileId: string, bucket: string, endpoint: string | null, go: (place: Place) => void) {
  const [busy, setBusy] = useState(false);
  const submit = async (typed: string) => {
    const location = parseLocation(typed, bucket, endpoint);
    setBusy(true);
    try {
      go(await resolvePlace(profileId, location.bucket, location.path));
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit: (typed: string) => void submit(typed) };
}
