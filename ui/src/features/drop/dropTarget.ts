// Where files dropped on the window go, read from the page under the drop point: the nearest
// element carrying each data attribute wins.
//   data-drop-profile  the profile (object browser, bucket list)
//   data-drop-bucket   the bucket (object browser, one bucket of the list)
//   data-drop-prefix   the folder: a folder row's prefix, the object browser's current folder,
//                      "" on a bucket of the list (its root)

export interface DropTarget {
  profileId: string;
  bucket: string;
  prefix: string;
  /** The element that names the folder (highlighted while files are dragged over it). */
  element: Element;
}

/** The upload target of an element under the pointer, or null when it is not inside one. */
export function dropTargetAt(el: Element | null): DropTarget | null {
  const folder = el?.closest("[data-drop-prefix]");
  const bucket = el?.closest("[data-drop-bucket]");
  const profile = el?.closest("[data-drop-profile]");
  if (!folder || !bucket || !profile) return null;
  return {
    profileId: profile.getAttribute("data-drop-profile") ?? "",
    bucket: bucket.getAttribute("data-drop-bucket") ?? "",
    prefix: folder.getAttribute("data-drop-prefix") ?? "",
    element: folder,
  };
}

/** The target at a CSS point of the window (a drop's or a drag's position). */
export function dropTargetAtPoint(point: { x: number; y: number }): DropTarget | null {
  return dropTargetAt(document.elementFromPoint(point.x, point.y));
}
