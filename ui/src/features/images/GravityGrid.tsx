import { useId } from "react";
import type { Gravity } from "../../backend";
import { useT, type MessageKey } from "../../i18n";
import { GRAVITIES } from "./model";

const NAME: Record<Gravity, MessageKey> = {
  nw: "images.gravity.nw",
  north: "images.gravity.north",
  ne: "images.gravity.ne",
  west: "images.gravity.west",
  center: "images.gravity.center",
  east: "images.gravity.east",
  sw: "images.gravity.sw",
  south: "images.gravity.south",
  se: "images.gravity.se",
};

/**
 * The nine-grid as radio buttons (arrow keys move between them). Not set: none is checked, the
 * default's cell is marked, and its name is said beside the grid.
 */
export function GravityGrid({
  label,
  testId,
  value,
  onChange,
  defaultValue,
}: {
  label: string;
  testId: string;
  value: Gravity | null;
  onChange: (g: Gravity | null) => void;
  defaultValue: Gravity;
}) {
  const { t } = useT();
  const id = useId();
  return (
    <div className="img-field wide">
      <span id={`${id}-label`} className="img-field-label">
        {label}
      </span>
      <div className="img-gravity-row">
        <div className="img-gravity" role="radiogroup" aria-labelledby={`${id}-label`} data-testid={testId}>
          {GRAVITIES.map((g) => (
            <input
              key={g}
              type="radio"
              name={id}
              value={g}
              checked={value === g}
              className={value === null && g === defaultValue ? "is-default" : undefined}
              aria-label={t(NAME[g])}
              title={t(NAME[g])}
              data-testid={`${testId}-${g}`}
              onChange={() => onChange(g)}
            />
          ))}
        </div>
        <span className="img-gravity-name">
          {value ? t(NAME[value]) : t("images.gravity.unset", { value: t(NAME[defaultValue]) })}
          {value && (
            <button type="button" className="button small subtle" data-testid={`${testId}-clear`} onClick={() => onChange(null)}>
              {t("images.default")}
            </button>
          )}
        </span>
      </div>
    </div>
  );
}
