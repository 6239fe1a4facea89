import type { ReactNode } from "react";

type Tone = "error" | "success" | "info" | "warning";

export interface AlertProps {
  tone?: Tone;
  title?: string;
  children: ReactNode;
}

/**
 * A message block. Errors use role="alert" (announced at once); other tones use role="status".
 * Render it only when there is something to say, so that the insertion is announced.
 */
export function Alert({ tone = "info", title, children }: AlertProps) {
  return (
    <div className={`alert alert--${tone}`} role={tone === "error" ? "alert" : "status"}>
      <span className="alert__icon" aria-hidden="true">
        {tone === "error" ? "!" : tone === "success" ? "✓" : "i"}
      </span>
      <div className="alert__content">
        {title ? <p className="alert__title">{title}</p> : null}
        <div>{children}</div>
      </div>
    </div>
  );
}
