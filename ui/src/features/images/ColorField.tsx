import { useId, useState } from "react";
import type { Color } from "../../backend";
import { useT } from "../../i18n";
import { FieldRow } from "./fields";

const hex = (c: Color) => [c.r, c.g, c.b].map((v) => v.toString(16).padStart(2, "0")).join("").toUpperCase();

function parseHex(text: string): Color | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255 };
}

/**
 * A color as six hex digits (typed, or pasted with or without `#`) beside the system's color
 * picker. Empty is not set: the placeholder and the swatch show the default.
 */
export function ColorField({
  label,
  testId,
  value,
  onChange,
  defaultHex,
}: {
  label: string;
  testId: string;
  value: Color | null;
  onChange: (c: Color | null) => void;
  defaultHex: string;
}) {
  const { t } = useT();
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (value ? hex(value) : "");
  return (
    <FieldRow label={label} htmlFor={id}>
      <span className="img-color">
        <input
          type="color"
          className="img-swatch"
          aria-label={t("images.color.pick", { field: label })}
          data-testid={`${testId}-swatch`}
          value={`#${value ? hex(value) : defaultHex}`.toLowerCase()}
          onChange={(e) => {
            setDraft(null);
            onChange(parseHex(e.target.value));
          }}
        />
        <input
          id={id}
          type="text"
          className="mono"
          maxLength={7}
          spellCheck={false}
          placeholder={defaultHex}
          data-testid={testId}
          aria-invalid={draft !== null || undefined}
          value={shown}
          onChange={(e) => {
            const text = e.target.value;
            const color = parseHex(text);
            if (text.trim() === "") {
              setDraft(null);
              onChange(null);
            } else if (color) {
              setDraft(null);
              onChange(color);
            } else setDraft(text);
          }}
          onBlur={() => setDraft(null)}
        />
      </span>
    </FieldRow>
  );
}
