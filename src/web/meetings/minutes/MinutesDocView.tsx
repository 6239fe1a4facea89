import type { ReactNode } from "react";
import {
  isSafeHref,
  type MinutesBlock,
  type MinutesDoc,
  type MinutesInline,
} from "../../../contracts/meetings-minutes";

// The minutes as read: React elements built from the stored document (never HTML injected into the page).
// Headings move one level down (2 → h3…): the section's own heading is the h2 of the page.

function inline(nodes: MinutesInline[] | undefined): ReactNode[] {
  return (nodes ?? []).map((node, i) => {
    const key = `${i}`;
    if (node.type === "hardBreak") return <br key={key} />;
    let out: ReactNode = node.text;
    // Marks from the innermost (bold, italic) to the link around them.
    const marks = [...(node.marks ?? [])].sort(
      (a, b) => Number(a.type === "link") - Number(b.type === "link"),
    );
    for (const mark of marks) {
      if (mark.type === "bold") out = <strong>{out}</strong>;
      else if (mark.type === "italic") out = <em>{out}</em>;
      else if (mark.type === "link" && isSafeHref(mark.attrs.href))
        out = (
          <a href={mark.attrs.href} rel="noopener noreferrer nofollow">
            {out}
          </a>
        );
    }
    return <span key={key}>{out}</span>;
  });
}

function block(node: MinutesBlock, key: string): ReactNode {
  switch (node.type) {
    case "paragraph":
      return <p key={key}>{inline(node.content)}</p>;
    case "heading": {
      const Tag = (["h3", "h4", "h5"] as const)[node.attrs.level - 2] ?? "h5";
      return <Tag key={key}>{inline(node.content)}</Tag>;
    }
    case "bulletList":
    case "orderedList": {
      const items = node.content.map((item, i) => {
        const itemKey = `${key}.${i}`;
        return <li key={itemKey}>{item.content.map((b, j) => block(b, `${itemKey}.${j}`))}</li>;
      });
      return node.type === "bulletList" ? (
        <ul key={key}>{items}</ul>
      ) : (
        <ol key={key} start={node.attrs?.start ?? undefined}>
          {items}
        </ol>
      );
    }
  }
}

export function MinutesDocView({ doc }: { doc: MinutesDoc }) {
  return <div className="minutes-doc">{doc.content.map((b, i) => block(b, `${i}`))}</div>;
}

/** Whether the document holds any text. */
export const hasText = (doc: MinutesDoc | null): boolean =>
  doc !== null && JSON.stringify(doc.content).includes('"type":"text"');
