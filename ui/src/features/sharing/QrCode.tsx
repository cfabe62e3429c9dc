import qrcode from "qrcode-generator";
import { useMemo } from "react";
import { useT } from "../../i18n";

/** The QR code's modules for `text` (version chosen automatically, level L), or null when too long. */
function modules(text: string): boolean[][] | null {
  try {
    const qr = qrcode(0, "L");
    qr.addData(text);
    qr.make();
    const n = qr.getModuleCount();
    return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
  } catch {
    return null; // more data than a version 40 code holds
  }
}

/** A QR code of a link as an SVG about 160 px wide, or a note when the link does not fit in one. */
export function QrCode({ text }: { text: string }) {
  const { t } = useT();
  const cells = useMemo(() => modules(text), [text]);
  if (cells === null) {
    return (
      <p className="field-hint" data-testid="share-qr-too-long">
        {t("share.qrTooLong")}
      </p>
    );
  }
  const n = cells.length + 8; // a quiet zone of 4 modules on each side
  let path = "";
  cells.forEach((row, r) => row.forEach((dark, c) => dark && (path += `M${c + 4} ${r + 4}h1v1h-1z`)));
  return (
    <svg className="share-qr" role="img" aria-label={t("share.qr")} data-testid="share-qr" viewBox={`0 0 ${n} ${n}`} width={160} height={160} shapeRendering="crispEdges">
      <rect width={n} height={n} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
