import type { ReactNode } from "react";

interface Props {
  label: string;
  htmlFor: string;
  hint?: ReactNode;
  error?: ReactNode;
  errorTestId?: string;
  children: ReactNode;
}

/** A labelled form row with an optional hint and an inline validation message. */
export function Field({ label, htmlFor, hint, error, errorTestId, children }: Props) {
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
    </div>
  );
}
