import { useT, type MessageKey } from "../../i18n";
import { humanBytes } from "../../lib/format";

type Field = { value?: unknown } | undefined;
const valueOf = (f: Field): string | null => (f && f.value !== undefined && f.value !== null ? String(f.value) : null);

/**
 * The answer of `image/info` (Aliyun's JSON: `{"ImageWidth": {"value": "800"}, …}`) as a small
 * table: width, height, format, file size, EXIF orientation. Unreadable JSON is shown as sent.
 */
export function InfoFacts({ text }: { text: string }) {
  const { t, locale } = useT();
  let info: Record<string, Field>;
  try {
    info = JSON.parse(text) as Record<string, Field>;
  } catch {
    return <pre className="mono img-info-raw" data-testid="image-info-raw">{text}</pre>;
  }
  const size = valueOf(info.FileSize);
  const bytes = size !== null && /^\d+$/.test(size) ? Number(size) : null;
  const rows: [string, MessageKey, string][] = [
    ["width", "images.info.width", valueOf(info.ImageWidth) ?? "—"],
    ["height", "images.info.height", valueOf(info.ImageHeight) ?? "—"],
    ["format", "images.info.format", valueOf(info.Format) ?? "—"],
    ["fileSize", "images.info.fileSize", bytes !== null ? `${humanBytes(bytes, locale)} (${bytes.toLocaleString(locale)} B)` : (size ?? "—")],
    ["orientation", "images.info.orientation", valueOf(info.Orientation) ?? "—"],
  ];
  return (
    <div className="img-info" data-testid="image-info">
      <table>
        <caption>{t("images.info.title")}</caption>
        <tbody>
          {rows.map(([id, label, value]) => (
            <tr key={id}>
              <th scope="row">{t(label)}</th>
              <td data-testid={`image-info-${id}`}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t("images.info.raw")}</summary>
        <pre className="mono img-info-raw">{text}</pre>
      </details>
    </div>
  );
}
