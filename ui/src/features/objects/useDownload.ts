import { useMutation } from "@tanstack/react-query";
import { api, type LocalFile } from "../../backend";
import { useT } from "../../i18n";
import { humanBytes } from "../../lib/format";
import { lastSegment } from "../../lib/path";
import type { Notice } from "./notice";

/** Download: Rust asks where to save (proposing the object's name), then downloads there. */
export function useDownload(profileId: string, bucket: string, notify: (n: Notice) => void) {
  const { t, locale } = useT();
  const download = useMutation({
    mutationFn: ({ key, destination }: { key: string; destination: LocalFile }) =>
      api.downloadObject(profileId, bucket, key, destination.handle),
    onSuccess: (bytes, { destination }) =>
      notify({ kind: "success", text: t("download.done", { name: destination.name, size: humanBytes(bytes, locale) }) }),
    onError: (error, { key }) => notify({ kind: "error", error, about: t("download.failed", { name: lastSegment(key) || key }) }),
  });

  const start = async (key: string) => {
    try {
      const destination = await api.pickSaveLocation(lastSegment(key));
      if (destination) download.mutate({ key, destination });
    } catch (error) {
      notify({ kind: "error", error, about: t("download.failed", { name: lastSegment(key) || key }) });
    }
  };

  return { start, busy: download.isPending, running: download.isPending ? download.variables : undefined };
}
