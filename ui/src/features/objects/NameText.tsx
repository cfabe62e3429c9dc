import { useT } from "../../i18n";
import { middleEllipsis, nameParts, type NamePart } from "../../lib/exactName";

interface Props {
  /** One key segment (or a whole key), exactly as stored. */
  name: string;
  /** Room in narrow characters: a longer name is cut in the middle, keeping its extension. */
  maxUnits?: number;
  className?: string;
  testId?: string;
}

function Parts({ parts }: { parts: readonly NamePart[] }) {
  return parts.map((p, i) =>
    p.kind === "escape" ? (
      <span key={i} className="name-escape">
        {p.text}
      </span>
    ) : (
      p.text
    ),
  );
}

/**
 * A name exactly as it is: spaces kept (white-space: pre), invisible and bidi characters shown
 * as escapes (`\u202E`) in their own style, never applied; an empty name as a placeholder.
 */
export function NameText({ name, maxUnits, className = "", testId }: Props) {
  const { t } = useT();
  if (name === "") {
    return (
      <span className={`exact-name empty-name ${className}`} data-testid={testId}>
        {t("path.emptySegment")}
      </span>
    );
  }
  const cut = maxUnits === undefined ? null : middleEllipsis(name, maxUnits);
  return (
    // <bdi>: right-to-left letters in a name cannot reorder what is around it (the escapes
    // already keep bidi controls from acting).
    <bdi className={`exact-name ${className}`} data-testid={testId}>
      {cut ? (
        <>
          <Parts parts={cut.head} />
          <span className="name-cut" aria-hidden="true">
            …
          </span>
          <Parts parts={cut.tail} />
        </>
      ) : (
        <Parts parts={nameParts(name)} />
      )}
    </bdi>
  );
}
