import { thumbSrc } from "../../backend";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { displayName } from "../../lib/exactName";
import { lastSegment } from "../../lib/path";
import { isImage } from "./model";
import { Thumb } from "./thumbs";

interface Props {
  profileId: string;
  bucket: string;
  objectKey: string;
  etag: string | null;
  contentType: string | null;
  onProcess?: (key: string) => void;
}

/** In the details pane of an image: its thumbnail (nothing when it cannot load) and "Image process…". */
export function DetailsImage({ profileId, bucket, objectKey, etag, contentType, onProcess }: Props) {
  const { t } = useT();
  if (!isImage(objectKey, contentType)) return null;
  const src = etag ? thumbSrc(profileId, { bucket, key: objectKey, versionId: null }, etag) : null;
  return (
    <div className="details-image" data-testid="details-image">
      <Thumb src={src} alt={displayName(lastSegment(objectKey))} className="details-thumb" fallback={null} testId="details-thumb" />
      {onProcess && (
        <button type="button" className="button small" data-testid="details-image-process" onClick={() => onProcess(objectKey)}>
          <Icon name="edit" size={16} />
          {t("images.action")}
        </button>
      )}
    </div>
  );
}
