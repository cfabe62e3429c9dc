import type { ReactNode } from "react";

interface Props {
  label: string;
  htmlFor: string;
  hint?: ReactNode;
  error?: ReactNode;
  errorTestId?: string;
  /** Shown under the field whatever the hint or error (e.g. "not encrypted"). */
  note?: ReactNode;
  children: ReactNode;
}

/** A labelled form row with an optional hint, an inline validation message and a note. */
export function Field({ label, htmlFor, hint, error, errorTestId, note, children }: Props) {
  return (
    <div className={`field ${error ? "field-invalid" : ""}`}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {error ? (
        <div className="field-error" data-testid={errorTestId} role="alert">
          {error}
        </div>
      ) : (
        hint && <p className="field-hint">{hint}</p>
      )}
      {note}
    </div>
  );
}
