import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { pickFileToUpload, uploadFile } from "../backend";
import { errorCode } from "../errors";
import { useT } from "../i18n";
import { fileName } from "../lib/path";
import type { Notice } from "./notice";
import { refreshBucketData } from "./refresh";

interface UploadJob {
  source: string;
  key: string;
  overwrite: boolean;
}

/**
 * Upload: pick a file, upload it as prefix + its name. When the key exists (ObjectExists), the
 * caller shows `conflict` and calls confirmOverwrite() only if the user agrees.
 */
export function useUpload(profileId: string, bucket: string, prefix: string, notify: (n: Notice) => void) {
  const { t } = useT();
  const qc = useQueryClient();
  const [conflict, setConflict] = useState<UploadJob | null>(null);

  const upload = useMutation({
    mutationFn: (job: UploadJob) => uploadFile(profileId, bucket, job.key, job.source, job.overwrite),
    onSuccess: async (_entry, job) => {
      notify({ kind: "success", text: t("upload.done", { name: fileName(job.source) }) });
      await refreshBucketData(qc, profileId, bucket);
    },
    onError: (error, job) => {
      if (errorCode(error) === "ObjectExists" && !job.overwrite) setConflict(job);
      else notify({ kind: "error", error });
    },
  });

  const start = async () => {
    try {
      const source = await pickFileToUpload();
      if (!source) return;
      upload.mutate({ source, key: prefix + fileName(source), overwrite: false });
    } catch (error) {
      notify({ kind: "error", error });
    }
  };

  const confirmOverwrite = () => {
    if (conflict) upload.mutate({ ...conflict, overwrite: true });
    setConflict(null);
  };

  return {
    start,
    busy: upload.isPending,
    /** The upload waiting for the user's "overwrite?" answer. */
    conflict,
    confirmOverwrite,
    cancelOverwrite: () => setConflict(null),
    running: upload.isPending ? upload.variables : undefined,
  };
}
