import type { MultipartUpload } from "../../backend";
import { LoadMoreFooter } from "../../components/LoadMoreFooter";
import { Spinner } from "../../components/Spinner";
import { ErrorMessage } from "../../errors";
import { useT } from "../../i18n";
import { bareEtag, formatCount, formatDateTime, humanBytes } from "../../lib/format";
import { usePartPages } from "./uploads";

interface Props {
  /** The region's id (the Parts button controls it). */
  id: string;
  profileId: string;
  bucket: string;
  upload: MultipartUpload;
}

/** The parts uploaded so far (ListParts, paged): number, size, ETag, last modified; "Load more". */
export function UploadParts({ id, profileId, bucket, upload }: Props) {
  const { t, tn, locale } = useT();
  const pages = usePartPages(profileId, bucket, upload);
  const parts = pages.data?.pages.flatMap((p) => p.parts) ?? [];

  let body;
  if (pages.isPending) body = <Spinner label={t("parts.loading")} />;
  else if (pages.error && parts.length === 0) body = <ErrorMessage error={pages.error} context={t("parts.failed", { key: upload.key })} />;
  else if (parts.length === 0) body = <p className="muted">{t("parts.empty")}</p>;
  else {
    const bytes = parts.reduce((n, p) => n + p.size, 0);
    body = (
      <>
        <table className="parts-table">
          <thead>
            <tr>
              <th className="num">{t("parts.col.number")}</th>
              <th className="num">{t("parts.col.size")}</th>
              <th>{t("parts.col.etag")}</th>
              <th>{t("parts.col.lastModified")}</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr key={p.number} data-testid={`upload-part-${p.number}`}>
                <td className="num">{formatCount(p.number, locale)}</td>
                <td className="num" title={`${p.size.toLocaleString(locale)} B`}>
                  {humanBytes(p.size, locale)}
                </td>
                <td className="mono etag">{bareEtag(p.etag)}</td>
                <td className="nowrap">{formatDateTime(p.lastModified, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <LoadMoreFooter
          loaded={tn("parts.loaded", parts.length, { size: humanBytes(bytes, locale) })}
          loadedTestId="upload-parts-loaded"
          moreTestId="upload-parts-more"
          hasMore={pages.hasNextPage}
          loading={pages.isFetchingNextPage}
          moreLabel={t("parts.loadMore")}
          loadingLabel={t("uploads.loadingMore")}
          onMore={() => void pages.fetchNextPage()}
        />
        {pages.isFetchNextPageError && <ErrorMessage error={pages.error} context={t("parts.failed", { key: upload.key })} />}
      </>
    );
  }

  return (
    <div id={id} className="upload-parts" role="region" aria-label={t("uploads.partsOf", { key: upload.key })} data-testid={`upload-parts-${upload.uploadId}`}>
      {body}
    </div>
  );
}
