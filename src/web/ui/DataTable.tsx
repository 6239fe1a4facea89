import type { ReactNode } from "react";

/**
 * A plain data table in a scroll container. Native tables are the most robust structure for screen
 * readers (headers read with each cell); the container is focusable so keyboard users can scroll it.
 */
export function DataTable({
  caption,
  children,
  captionHidden,
}: {
  caption: string;
  children: ReactNode;
  captionHidden?: boolean;
}) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a named scroll container, not a page section
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (RGAA 7.3)
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className={captionHidden ? "visually-hidden" : "table__caption"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
