// The small labelled controls of the step forms: one row each, label tied to the control.
import { useId, useState, type ReactNode } from "react";

const U32_MAX = 4_294_967_295;

interface Base {
  label: string;
  testId: string;
  /** Under the control, small. */
  hint?: ReactNode;
  /** Spans both columns of the step form's grid. */
  wide?: boolean;
}

export function FieldRow({ label, htmlFor, hint, wide, children }: { label: string; htmlFor: string; hint?: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <div className={`img-field ${wide ? "wide" : ""}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

/**
 * A whole number. Empty is `null` (not set) unless `required`. What is not a whole number stays in
 * the field, marked, and is not passed on (Rust checks the range, and names it).
 */
export function NumberField({
  label,
  testId,
  hint,
  wide,
  value,
  onChange,
  min,
  max,
  placeholder,
  required = false,
}: Base & { value: number | null; onChange: (v: number | null) => void; min: number; max: number; placeholder?: string; required?: boolean }) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (value === null ? "" : String(value));
  return (
    <FieldRow label={label} htmlFor={id} hint={hint} wide={wide}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        step={1}
        min={min}
        max={max}
        placeholder={placeholder}
        data-testid={testId}
        aria-invalid={draft !== null || undefined}
        value={shown}
        onChange={(e) => {
          const raw = e.target.value.trim();
          const n = Number(raw);
          if (raw === "" && !required) {
            setDraft(null);
            onChange(null);
          } else if (raw !== "" && /^\d+$/.test(raw) && n <= U32_MAX) {
            setDraft(null);
            onChange(n);
          } else setDraft(e.target.value);
        }}
        onBlur={() => setDraft(null)}
      />
    </FieldRow>
  );
}

export function TextField({
  label,
  testId,
  hint,
  wide,
  value,
  onChange,
  placeholder,
  mono,
}: Base & { value: string; onChange: (v: string) => void; placeholder?: string; mono?: boolean }) {
  const id = useId();
  return (
    <FieldRow label={label} htmlFor={id} hint={hint} wide={wide}>
      <input
        id={id}
        type="text"
        className={mono ? "mono" : undefined}
        spellCheck={false}
        placeholder={placeholder}
        data-testid={testId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldRow>
  );
}

/** A choice; with `unset`, a first option for "not set" (the engine's default, named). */
export function SelectField<V extends string>({
  label,
  testId,
  hint,
  wide,
  value,
  onChange,
  options,
  unset,
}: Base & { value: V | null; onChange: (v: V | null) => void; options: readonly { value: V; label: string }[]; unset?: string }) {
  const id = useId();
  return (
    <FieldRow label={label} htmlFor={id} hint={hint} wide={wide}>
      <select
        id={id}
        data-testid={testId}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value === "" ? null : (e.target.value as V))}
      >
        {unset !== undefined && <option value="">{unset}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldRow>
  );
}

export function CheckField({ label, testId, value, onChange }: { label: string; testId: string; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="checkbox img-field wide">
      <input type="checkbox" data-testid={testId} checked={value} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
