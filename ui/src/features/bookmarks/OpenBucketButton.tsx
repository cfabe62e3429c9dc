import { useState } from "react";
import type { Bookmark } from "../../backend";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { OpenBucketDialog } from "./OpenBucketDialog";

interface Props {
  profileId: string;
  onOpened: (bookmark: Bookmark) => void;
  testId: string;
  className?: string;
  /** Without the icon where the width is tight (the sidebar's heading). */
  icon?: boolean;
}

/** "Open bucket…" and the dialog it opens. */
export function OpenBucketButton({ profileId, onOpened, testId, className = "button small", icon = true }: Props) {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className} data-testid={testId} onClick={() => setOpen(true)}>
        {icon && <Icon name="bucket" size={16} />}
        {t("bookmarks.openBucket")}
      </button>
      {open && (
        <OpenBucketDialog
          profileId={profileId}
          onClose={() => setOpen(false)}
          onOpened={(b) => {
            setOpen(false);
            onOpened(b);
          }}
        />
      )}
    </>
  );
}
