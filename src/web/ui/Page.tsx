import { type ReactNode, useEffect, useRef } from "react";

let appHasShownAPage = false;

/** Sets the document title ("… – Maillage"). */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} – Maillage`;
  }, [title]);
}

export interface PageProps {
  /** The h1 and the document title. */
  title: string;
  /** Document title when it should differ from the heading (e.g. to add context). */
  documentTitle?: string;
  /** True while the page's main data loads: focus waits for the real heading. */
  busy?: boolean;
  /** A line above the title (context, e.g. the CLSM's name). */
  eyebrow?: ReactNode;
  /** Under the title. */
  lead?: ReactNode;
  /** Buttons next to the title. */
  actions?: ReactNode;
  children?: ReactNode;
  width?: "normal" | "narrow";
}

/**
 * One page: exactly one h1, the document title, and focus moved to the h1 after each navigation
 * (not on the first load, so the skip link stays the first thing a keyboard user meets).
 */
export function Page({
  title,
  documentTitle,
  busy,
  eyebrow,
  lead,
  actions,
  children,
  width = "normal",
}: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  useDocumentTitle(documentTitle ?? title);

  useEffect(() => {
    if (busy || focused.current) return;
    focused.current = true;
    if (appHasShownAPage) heading.current?.focus();
    appHasShownAPage = true;
  }, [busy]);

  return (
    <div className={`page page--${width}`}>
      <div className="page__header">
        <div className="page__titles">
          {eyebrow ? <p className="page__eyebrow">{eyebrow}</p> : null}
          <h1 ref={heading} tabIndex={-1} className="page__title">
            {title}
          </h1>
          {lead ? <div className="page__lead">{lead}</div> : null}
        </div>
        {actions ? <div className="page__actions">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}
