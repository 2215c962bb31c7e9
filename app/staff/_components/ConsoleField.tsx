// One labelled input of a console search form with its message at the field (aria-describedby,
// as the console's forms do).
import type { ReactNode } from "react";
import "./ConsoleField.css";

export function ConsoleField({
  name,
  label,
  defaultValue,
  error,
  hint,
  type = "text",
  inputMode,
  children,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  error?: string;
  hint?: string;
  type?: string;
  inputMode?: "numeric" | "text";
  /** a <select> instead of the text input */
  children?: ReactNode;
}) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="console-field">
      <label htmlFor={id}>{label}</label>
      {children ? (
        <select
          id={id}
          name={name}
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        >
          {children}
        </select>
      ) : (
        <input
          id={id}
          name={name}
          type={type}
          inputMode={inputMode}
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      )}
      {hint ? (
        <small id={`${id}-hint`} className="console-hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
