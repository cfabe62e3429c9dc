import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "../../backend";
import { useT } from "../../i18n";
import { lastSegment } from "../../lib/path";
import type { Notice } from "./notice";
import { refreshBucketData } from "./refresh";

/** Delete: ask() opens the confirmation; confirm() sends deleteObjects and reports the outcome. */
export function useDeleteObjects(profileId: string, bucket: string, notify: (n: Notice) => void, onDeleted: () => void) {
  const qc = useQueryClient();
  const { tn } = useT();
  const [pending, setPending] = useState<string[] | null>(null);

  const remove = useMutation({
    mutationFn: (keys: string[]) => api.deleteObjects(profileId, bucket, keys),
    onSuccess: async (report) => {
      setPending(null);
      onDeleted();
      notify({ kind: "deleted", report });
      await refreshBucketData(qc, profileId, bucket);
    },
    onError: (error, keys) => {
      setPending(null);
      const name = keys.length === 1 ? lastSegment(keys[0]) || keys[0] : "";
      notify({ kind: "error", error, about: tn("delete.failedAll", keys.length, { name }) });
    },
  });

  return {
    /** The keys awaiting confirmation. */
    pending,
    busy: remove.isPending,
    ask: (keys: string[]) => setPending(keys),
    cancel: () => setPending(null),
    confirm: () => pending && remove.mutate(pending),
  };
}
